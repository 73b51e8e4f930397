import { numberLiteral, stringLiteral } from './specl-text.js';

/** The longest example import writes, in characters of Specl text; a longer one is left out. */
export const MAX_EXAMPLE_LENGTH = 4000;
/** The deepest nesting of an example import writes. */
const MAX_DEPTH = 32;

/**
 * A JSON value as a Specl annotation value (`{ "id": 1, "tags": ["a"], "note": null }`), keys
 * quoted; or undefined when it has no Specl form (a string with control characters, a number
 * that is not finite, deeper than {@link MAX_DEPTH}) or is longer than
 * {@link MAX_EXAMPLE_LENGTH} characters.
 */
export function jsonLiteral(value: unknown): string | undefined {
  let length = 0;
  const write = (v: unknown, depth: number): string | undefined => {
    if (depth > MAX_DEPTH || length > MAX_EXAMPLE_LENGTH) return undefined;
    let text: string | undefined;
    if (v === null) text = 'null';
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    else if (typeof v === 'number') text = Number.isFinite(v) ? numberLiteral(v) : undefined;
    else if (typeof v === 'string') text = stringLiteral(v);
    else if (Array.isArray(v)) {
      const items: string[] = [];
      for (const item of v) {
        const written = write(item, depth + 1);
        if (written === undefined) return undefined;
        items.push(written);
      }
      text = `[${items.join(', ')}]`;
    } else if (typeof v === 'object') {
      const entries: string[] = [];
      for (const [key, item] of Object.entries(v as Record<string, unknown>)) {
        const name = stringLiteral(key);
        const written = write(item, depth + 1);
        if (name === undefined || written === undefined) return undefined;
        length += name.length;
        entries.push(`${name}: ${written}`);
      }
      text = entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
    }
    // Scalars and keys only, so that nesting is not counted twice: a bound from below.
    if (text !== undefined && (v === null || typeof v !== 'object')) length += text.length;
    return text;
  };
  const text = write(value, 0);
  return text !== undefined && text.length <= MAX_EXAMPLE_LENGTH ? text : undefined;
}
