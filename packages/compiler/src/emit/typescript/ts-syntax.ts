/** Small pieces of TypeScript syntax: string literals, property names, doc comments. */

/** Words that cannot name a variable, a type or a parameter in strict-mode TypeScript. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  // ECMAScript keywords and strict-mode reserved words.
  ...['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete'],
  ...['do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if'],
  ...['import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw'],
  ...['true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'await', 'let', 'static'],
  ...['implements', 'interface', 'package', 'private', 'protected', 'public'],
  ...['arguments', 'eval', 'undefined', 'NaN', 'Infinity', 'globalThis'],
  // TypeScript's predefined type names.
  ...['any', 'unknown', 'never', 'string', 'number', 'boolean', 'symbol', 'bigint', 'object'],
]);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Whether a name can be written bare after `.` or as a property key. */
export function isIdentifierName(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** A single-quoted TypeScript string literal. */
export function tsString(text: string): string {
  let out = "'";
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "'" || char === '\\') out += `\\${char}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029)
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return `${out}'`;
}

/**
 * A property name as written in an interface or an object literal: bare when it is an
 * identifier (keywords included), quoted otherwise. `__proto__` is computed in object literals,
 * where a plain `__proto__:` would set the prototype instead.
 */
export function propertyKey(name: string, inObjectLiteral = false): string {
  if (name === '__proto__' && inObjectLiteral) return `[${tsString(name)}]`;
  return isIdentifierName(name) ? name : tsString(name);
}

/** Reading a property: `.name`, or `['a-b']` when the name is not an identifier. */
export function propertyAccess(name: string, optional = false): string {
  if (isIdentifierName(name)) return `${optional ? '?.' : '.'}${name}`;
  return `${optional ? '?.' : ''}[${tsString(name)}]`;
}

/** A number as a TypeScript literal (negative numbers included, which need no parentheses here). */
export function tsNumber(value: number): string {
  return Object.is(value, -0) ? '-0' : String(value);
}

/** The width generated lines aim at (Prettier's, as the repository's own code). */
export const LINE_WIDTH = 100;

/** Breaks a long line at spaces; list items (`- x`) continue indented under their text. */
function wrapLine(line: string, width: number): string[] {
  const continuation = /^\s*- /.test(line) ? `${' '.repeat(line.indexOf('-'))}  ` : '';
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    const at = rest.lastIndexOf(' ', width);
    if (at <= continuation.length) break;
    out.push(rest.slice(0, at));
    rest = continuation + rest.slice(at + 1).trimStart();
  }
  return [...out, rest];
}

/**
 * A TSDoc comment from paragraphs (blank lines between them), indented and wrapped to the line
 * width; empty when there is nothing to say. `*\/` in the text cannot close the comment early.
 */
export function docComment(paragraphs: readonly (string | undefined)[], indent = ''): string[] {
  const width = LINE_WIDTH - indent.length - 3;
  const lines = paragraphs
    .filter((p): p is string => p !== undefined && p.trim() !== '')
    .flatMap((p, i) => [...(i > 0 ? [''] : []), ...p.replace(/\*\//g, '*\\/').split('\n')])
    .flatMap((line) => wrapLine(line.trimEnd(), width));
  if (lines.length === 0) return [];
  if (lines.length === 1 && lines[0]!.length <= width - 3) return [`${indent}/** ${lines[0]} */`];
  return [
    `${indent}/**`,
    ...lines.map((line) => (line === '' ? `${indent} *` : `${indent} * ${line}`)),
    `${indent} */`,
  ];
}
