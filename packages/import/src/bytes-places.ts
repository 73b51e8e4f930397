import { mediaKindOf } from '@specl/language';
import { isObject } from './import-context.js';
import { resolvePointer } from './json-pointer.js';

const schemasRoot = '#/components/schemas/';

/**
 * Where a binary string (`format: binary`, `contentMediaType`) may be imported as `Bytes`:
 * inside a multipart or raw body, or in a component schema that no JSON, text or urlencoded body
 * and no parameter reaches (JSON cannot carry Bytes; elsewhere it stays a String).
 */
export class BytesPlaces {
  private readonly reached = new Set<string>();

  constructor(private readonly document: Record<string, unknown>) {
    const stack: unknown[] = [];
    for (const [key, value] of Object.entries(document)) {
      if (key !== 'components') stack.push(value);
      else if (isObject(value))
        for (const [part, inner] of Object.entries(value))
          if (part !== 'schemas') stack.push(inner);
    }
    this.walk(stack);
  }

  private walk(stack: unknown[]): void {
    let steps = 0;
    while (stack.length > 0 && steps++ < 5_000_000) {
      const node = stack.pop();
      if (Array.isArray(node)) {
        stack.push(...node);
        continue;
      }
      if (!isObject(node)) continue;
      if (typeof node.$ref === 'string' && node.$ref.startsWith(schemasRoot)) {
        const root = componentRoot(node.$ref);
        if (!this.reached.has(root)) {
          this.reached.add(root);
          stack.push(resolvePointer(this.document, root));
        }
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'content' && isObject(value)) {
          for (const [mediaType, media] of Object.entries(value))
            if (!['multipart', 'bytes'].includes(mediaKindOf(mediaType))) stack.push(media);
        } else stack.push(value);
      }
    }
  }

  /** Whether the schema at `pointer` may be `Bytes`. */
  allowsBytes(pointer: string): boolean {
    if (/\/content\/multipart~1form-data(;[^/]*)?\/schema(\/|$)/i.test(pointer)) return true;
    if (!pointer.startsWith(schemasRoot)) return false;
    return !this.reached.has(componentRoot(pointer));
  }
}

/** `#/components/schemas/Name` of any pointer inside it. */
function componentRoot(pointer: string): string {
  const rest = pointer.slice(schemasRoot.length);
  const slash = rest.indexOf('/');
  return schemasRoot + (slash < 0 ? rest : rest.slice(0, slash));
}
