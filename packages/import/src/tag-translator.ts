import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { isPlainName, pascalCase } from './specl-names.js';
import { docLines, stringLiteral } from './specl-text.js';

/**
 * The document's tags as `tag` declarations (those of `tags`, then those operations name
 * without declaring), and the `tags` clause of an operation.
 */
export class TagTranslator {
  /** Specl names by the tag's name in the document. */
  private readonly names = new Map<string, string>();

  constructor(private readonly context: ImportContext) {}

  /** Declares every tag, in the order the document first names them. */
  declareTags(): void {
    const doc = this.context.document;
    if (Array.isArray(doc.tags)) {
      doc.tags.forEach((tag, i) => {
        if (!isObject(tag) || typeof tag.name !== 'string') return;
        const pointer = childPointer('#/tags', i);
        const { notes } = this.context.collecting(() => {
          if (isObject(tag.externalDocs))
            this.context.note(`docs: ${String(tag.externalDocs.url ?? '')}`);
        });
        const own = tag['x-specl-name'];
        const specl =
          this.context.restoreSpecl && typeof own === 'string' && isPlainName(own)
            ? own
            : undefined;
        this.declare(tag.name, pointer, [...notes, ...docLines(tag.description)], specl);
      });
    }
    const paths = isObject(doc.paths) ? doc.paths : {};
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!isObject(operation) || !Array.isArray(operation.tags)) continue;
        for (const tag of operation.tags)
          if (typeof tag === 'string')
            this.declare(tag, childPointer('#/paths', path, method, 'tags'), []);
      }
    }
  }

  /** Declares `tag` under `specl` (a Specl compiled document's own name), else a name made from it. */
  private declare(tag: string, pointer: string, lines: string[], specl?: string): void {
    if (this.names.has(tag)) return;
    const display = stringLiteral(tag);
    if (display === undefined) {
      this.context.warn('left-out', pointer, 'a tag holding control characters is left out');
      return;
    }
    const name = this.context.names.claim(specl ?? (isPlainName(tag) ? tag : pascalCase(tag)));
    this.names.set(tag, name);
    this.context.declarations.push({
      kind: 'other',
      name,
      lines: [...lines, name === tag ? `tag ${name}` : `tag ${name} ${display}`],
    });
  }

  /** `tags A, B` for an operation's tags, or undefined when it has none. */
  clause(tags: unknown): string | undefined {
    if (!Array.isArray(tags)) return undefined;
    const names: string[] = [];
    for (const tag of tags) {
      const name = typeof tag === 'string' ? this.names.get(tag) : undefined;
      if (name !== undefined && !names.includes(name)) names.push(name);
    }
    return names.length === 0 ? undefined : `tags ${names.join(', ')}`;
  }
}
