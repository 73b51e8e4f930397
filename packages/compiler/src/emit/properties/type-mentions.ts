import type { TypeIR } from '../../ir/spec-ir.js';

/** The named types a type mentions, through aliases' own text too (not through records). */
export function mentions(type: TypeIR): string[] {
  switch (type.kind) {
    case 'primitive':
      return [];
    case 'list':
      return mentions(type.element);
    case 'map':
      return mentions(type.value);
    case 'ref':
      return [type.name];
    case 'union':
      return type.options.flatMap(mentions);
    case 'nullable':
      return mentions(type.inner);
  }
}
