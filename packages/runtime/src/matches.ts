const compiled = new Map<string, RegExp>();

/**
 * The regular expression of a Specl pattern: ECMAScript syntax with the `u` flag, compiled
 * once per pattern. Throws a `SyntaxError` for an invalid pattern (a checked spec has none).
 */
export function compilePattern(pattern: string): RegExp {
  let regex = compiled.get(pattern);
  if (regex === undefined) {
    regex = new RegExp(pattern, 'u');
    compiled.set(pattern, regex);
  }
  return regex;
}

/**
 * Specl's `matches(s, "regex")`: whether the pattern matches somewhere in the string (it is
 * not anchored: write `^...$` to match the whole string), as JSON Schema's `pattern`. A value
 * that is not a string matches nothing.
 */
export function matches(value: unknown, pattern: string): boolean {
  return typeof value === 'string' && compilePattern(pattern).test(value);
}
