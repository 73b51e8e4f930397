import type { SpeclType } from '../typing/specl-type.js';
import { recordFields } from '../typing/records.js';
import { fieldType } from '../typing/type-relations.js';

const primitiveValues: Record<string, string> = {
  String: '""',
  Int: '0',
  Float: '0.0',
  Bool: 'false',
  Uuid: '"00000000-0000-4000-8000-000000000000"',
  Email: '"user@example.com"',
  Url: '"https://example.com"',
  Date: '"2024-01-01"',
  DateTime: '"2024-01-01T00:00:00Z"',
};

/**
 * A value of a type to fill in where one is missing (a quick fix adds a missing argument with
 * it): the simplest literal of the type, for a record its required fields (to a small depth),
 * for an enum its first member. The author is expected to replace it; it type-checks as is
 * whenever the type's constraints allow so simple a value.
 */
export function placeholderValue(type: SpeclType, depth = 0): string {
  switch (type.kind) {
    case 'primitive':
      return primitiveValues[type.name] ?? '""';
    case 'list':
      return '[]';
    case 'map':
    case 'unknown':
    case 'typeName':
    case 'outcome':
    case 'responseHeaders':
      return '{}';
    case 'optional':
    case 'null':
      return 'null';
    case 'enum':
      return type.decl.members[0] ? `${type.decl.name}.${type.decl.members[0].name}` : 'null';
    case 'union':
      return type.options[0] ? placeholderValue(type.options[0], depth) : 'null';
    case 'record': {
      if (depth >= 3) return '{}';
      const fields = recordFields(type.decl).filter((field) => !field.optional);
      if (fields.length === 0) return '{}';
      const inits = fields.map(
        (field) => `${field.name}: ${placeholderValue(fieldType(field), depth + 1)}`,
      );
      return `{ ${inits.join(', ')} }`;
    }
  }
}
