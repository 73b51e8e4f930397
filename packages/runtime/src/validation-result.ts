/**
 * The outcome of validating a value: `ok`, or the first problem found, with the path of the
 * offending part (`$.tags[3]`, where `$` is the value itself) and a message that says what was
 * expected there.
 */
export type ValidationResult =
  { readonly ok: true } | { readonly ok: false; readonly path: string; readonly message: string };

/** A check of one value at a path: the shape of every check in this package. */
export type Check = (value: unknown, path: string) => ValidationResult;

/** A generated validator of a named type: the path defaults to `$`, the value itself. */
export type Validator = (value: unknown, path?: string) => ValidationResult;

/** The one successful result (shared: results are immutable). */
export const valid: ValidationResult = Object.freeze({ ok: true });

/** A failed result at `path`. */
export function invalid(path: string, message: string): ValidationResult {
  return { ok: false, path, message };
}

/**
 * Whether `key` is written as a JavaScript identifier (`/^[A-Za-z_$][\w$]*$/`), tested a
 * character at a time: every validated field's path is made, valid or not, and a regular
 * expression's call costs several times this loop on a field's short name.
 */
function isIdentifier(key: string): boolean {
  if (key.length === 0) return false;
  for (let index = 0; index < key.length; index++) {
    const code = key.charCodeAt(index);
    const letter = (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
    if (letter || code === 95 || code === 36) continue; // _ $
    if (index > 0 && code >= 48 && code <= 57) continue;
    return false;
  }
  return true;
}

/** The path of a field or map key below `path`: `$.name`, or `$["two words"]` for other keys. */
export function fieldPath(path: string, key: string): string {
  return isIdentifier(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The path of a list item below `path`: `$.tags[3]`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
