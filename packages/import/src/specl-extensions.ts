import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import type { ErrorStatus } from './import-context.js';
import { isTypeName } from './specl-names.js';
import { docLines, stringLiteral } from './specl-text.js';

/**
 * What a document compiled by Specl carries of its spec in `x-specl-*` extensions (invariants,
 * requires, ensures, properties, error statuses), read back when the import restores them.
 * Each condition is Specl source text: it is taken only when it is one line with balanced
 * brackets, so a hostile document cannot smuggle declarations in; the spec written is then
 * checked, and import falls back to leaving them all out when it does not check.
 */

/** The sources of a list of `{ source }` conditions that look like one expression each. */
export function conditionSources(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value
    .map((item) => (isObject(item) ? item.source : undefined))
    .filter((source): source is string => typeof source === 'string' && isOneExpression(source));
}

function isOneExpression(source: string): boolean {
  if (source.length === 0 || source.length > 2000 || /[\r\n]/.test(source)) return false;
  const stack: string[] = [];
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '"') {
      for (i++; i < source.length && source[i] !== '"'; i++) if (source[i] === '\\') i++;
      if (i >= source.length) return false;
    } else if (c === '/' && (source[i + 1] === '/' || source[i + 1] === '*')) return false;
    else if (c === '(' || c === '[' || c === '{') stack.push(c);
    else if (pairs[c]) {
      if (stack.pop() !== pairs[c]) return false;
    }
  }
  return stack.length === 0;
}

/** The `property` declarations of `x-specl-properties`, as source text. */
export function propertyTexts(context: ImportContext): string[] {
  const list = context.document['x-specl-properties'];
  if (!Array.isArray(list)) return [];
  const texts: string[] = [];
  for (const item of list) {
    if (!isObject(item) || typeof item.name !== 'string' || !/^[A-Za-z_]\w*$/.test(item.name))
      continue;
    const statements = Array.isArray(item.statements) ? item.statements : [];
    const lines = statements.filter(
      (s): s is string => typeof s === 'string' && isOneExpression(s),
    );
    if (lines.length === 0 || lines.length !== statements.length) continue;
    const name = context.names.claim(item.name);
    texts.push(
      [
        ...docLines(item.description),
        `property ${name} {`,
        ...lines.map((l) => `  ${l}`),
        '}',
      ].join('\n'),
    );
  }
  return texts;
}

/** The fields a JSON pointer of `x-specl-pagination` names, if each is a plain field name. */
function pointerPath(pointer: unknown): string[] | undefined {
  if (typeof pointer !== 'string' || pointer.length > 500) return undefined;
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const names = pointer
    .slice(1)
    .split('/')
    .map((name) => name.replaceAll('~1', '/').replaceAll('~0', '~'));
  return names.every((name) => /^[A-Za-z_]\w*$/.test(name)) ? names : undefined;
}

/**
 * The `paginated` clause of an operation's `x-specl-pagination` (`{ cursorParameter,
 * nextCursor, items }`, the last two JSON pointers into the success body), when every part is
 * a plain name; the checker then decides whether the parameter and the paths fit.
 */
export function paginationClause(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const path = (names: string[]) => ['response', ...names].join('.');
  if (value.by === 'link') {
    const items = pointerPath(value.items);
    return items && `paginated by link, items = ${path(items)}`;
  }
  const cursor = value.cursorParameter;
  if (typeof cursor !== 'string' || !/^[A-Za-z_]\w*$/.test(cursor)) return undefined;
  const next = pointerPath(value.nextCursor);
  const items = pointerPath(value.items);
  if (!next || !items) return undefined;
  return `paginated ${cursor} = ${path(next)}, items = ${path(items)}`;
}

/**
 * The `latency` clause of an `x-specl-latency` (milliseconds by percentile, `{ "p99": 200,
 * "p99.9": 104 }`), percentiles written as Specl does (`p999` for 99.9), or undefined when any
 * entry is not a percentile with a positive finite number of milliseconds.
 */
export function latencyClause(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const limits: string[] = [];
  for (const [key, ms] of Object.entries(value)) {
    const percentile = /^p(\d{1,3})(?:\.(\d{1,6}))?$/.exec(key);
    if (!percentile || typeof ms !== 'number' || !Number.isFinite(ms) || ms <= 0) return undefined;
    limits.push(`p${percentile[1]}${percentile[2] ?? ''} < ${ms} ms`);
  }
  return limits.length > 0 ? `latency ${limits.join(', ')}` : undefined;
}

/**
 * ` with A, B`: the `x-specl-headers` of an error Specl compiled (the sets its answers carry,
 * kept on the error so that one no endpoint answers keeps them), or `''`.
 */
export function carriedHeaders(schema: Record<string, unknown>): string {
  const names = schema['x-specl-headers'];
  if (!Array.isArray(names) || names.length === 0) return '';
  if (!names.every((name) => typeof name === 'string' && isTypeName(name))) return '';
  return ` with ${names.join(', ')}`;
}

/** ` as "a", "b"`: the `x-specl-media-types` of an error Specl compiled, or `''`. */
export function mediaTypesOf(schema: Record<string, unknown>): string {
  const types = schema['x-specl-media-types'];
  if (!Array.isArray(types) || types.length === 0) return '';
  const literals = types.map((type) =>
    typeof type === 'string' ? stringLiteral(type) : undefined,
  );
  return literals.every((l) => l !== undefined) ? ` as ${literals.join(', ')}` : '';
}

/** The `x-specl-status` of an error body compiled by Specl. */
export function errorStatus(schema: Record<string, unknown>): ErrorStatus | undefined {
  return errorStatusOf(schema['x-specl-status']);
}

/** A status as Specl writes an error's: 400-599, `4XX`, `5XX` or `default`; else undefined. */
export function errorStatusOf(status: unknown): ErrorStatus | undefined {
  if (status === '4XX' || status === '5XX' || status === 'default') return status;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599
    ? status
    : undefined;
}
