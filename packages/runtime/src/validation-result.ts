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

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of a field or map key below `path`: `$.name`, or `$["two words"]` for other keys. */
export function fieldPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** The path of a list item below `path`: `$.tags[3]`. */
export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
