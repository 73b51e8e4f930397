import type { ImportContext } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { numberLiteral, stringLiteral } from './specl-text.js';

/** ` { a: 1, b: 2 }`, or nothing for no constraints. */
function block(entries: readonly (readonly [string, string])[]): string {
  return entries.length === 0 ? '' : ` { ${entries.map(([k, v]) => `${k}: ${v}`).join(', ')} }`;
}

function wholeNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** The constraints of a string schema: lengths, and a pattern (or an enum as a pattern). */
export function stringConstraints(
  context: ImportContext,
  schema: Record<string, unknown>,
  pointer: string,
): string {
  const entries: [string, string][] = [];
  const min = wholeNumber(schema.minLength);
  const max = wholeNumber(schema.maxLength);
  if (min !== undefined && max !== undefined && min > max) {
    context.warn(
      'approximated',
      pointer,
      `minLength ${min} is above maxLength ${max}: both left out`,
    );
  } else {
    if (min !== undefined) entries.push(['minLength', numberLiteral(min)]);
    if (max !== undefined) entries.push(['maxLength', numberLiteral(max)]);
  }
  const patterns: string[] = [];
  if (typeof schema.pattern === 'string') {
    if (isRegExp(schema.pattern)) patterns.push(schema.pattern);
    else
      context.warn(
        'widened',
        childPointer(pointer, 'pattern'),
        `pattern ${JSON.stringify(schema.pattern)} is not an ECMAScript regular expression (u flag): left out`,
      );
  }
  const values = Array.isArray(schema.enum)
    ? schema.enum
    : schema.const !== undefined
      ? [schema.const]
      : undefined;
  if (values) {
    const strings = values.filter((v): v is string => typeof v === 'string');
    if (strings.length !== values.filter((v) => v !== null).length) {
      context.warn(
        'widened',
        childPointer(pointer, 'enum'),
        'enum values that are not strings are left out',
      );
    }
    if (strings.length > 0) patterns.push(`^(?:${strings.map(escapeRegExp).join('|')})$`);
  }
  if (patterns.length > 1) {
    context.warn(
      'widened',
      childPointer(pointer, 'pattern'),
      `pattern ${JSON.stringify(patterns[0])} left out: the enum's values are kept`,
    );
  }
  const pattern = patterns.at(-1);
  if (pattern !== undefined) {
    const literal = stringLiteral(pattern);
    if (literal) entries.push(['pattern', literal]);
    else
      context.warn(
        'widened',
        childPointer(pointer, 'pattern'),
        'a pattern holding control characters is left out',
      );
  }
  return block(entries);
}

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

/** `text` as a regular expression that matches it alone (valid with the u flag: no `\-`). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The bounds of a number schema (3.0's boolean exclusive bounds too); whole ones for Int. */
export function numberConstraints(
  context: ImportContext,
  schema: Record<string, unknown>,
  pointer: string,
  integer: boolean,
  format?: unknown,
): string {
  let min = num(schema.minimum);
  let max = num(schema.maximum);
  let exMin = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum : undefined;
  let exMax = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum : undefined;
  if (schema.exclusiveMinimum === true && min !== undefined) [exMin, min] = [min, undefined];
  if (schema.exclusiveMaximum === true && max !== undefined) [exMax, max] = [max, undefined];
  if (Array.isArray(schema.enum)) {
    const numbers = schema.enum.filter((v): v is number => typeof v === 'number');
    if (numbers.length === 1 && schema.enum.filter((v) => v !== null).length === 1) {
      min = numbers[0];
      max = numbers[0];
    } else if (numbers.length > 0) {
      context.warn(
        'widened',
        childPointer(pointer, 'enum'),
        `a number enum ${JSON.stringify(numbers)} is imported as its range`,
      );
      min = Math.max(min ?? -Infinity, Math.min(...numbers));
      max = Math.min(max ?? Infinity, Math.max(...numbers));
    }
  }
  if (integer) {
    // A whole exclusive bound stays as written (Specl has it for Int); a fractional one, or one
    // beside an inclusive bound, becomes the inclusive bound of the integers it allows.
    if (exMin !== undefined && (!Number.isInteger(exMin) || min !== undefined))
      [min, exMin] = [Math.max(min ?? -Infinity, Math.floor(exMin) + 1), undefined];
    if (exMax !== undefined && (!Number.isInteger(exMax) || max !== undefined))
      [max, exMax] = [Math.min(max ?? Infinity, Math.ceil(exMax) - 1), undefined];
    if (min !== undefined) min = Math.ceil(min);
    if (max !== undefined) max = Math.floor(max);
    const safe = Number.MAX_SAFE_INTEGER;
    // Int holds safe integers already (Int32 its 32 bits): the bounds Specl itself writes for
    // them say nothing more.
    if (min === -safe || (format === 'int32' && min === -(2 ** 31))) min = undefined;
    if (max === safe || (format === 'int32' && max === 2 ** 31 - 1)) max = undefined;
    if ((min !== undefined && min < -safe) || (max !== undefined && max > safe)) {
      context.warn(
        'narrowed',
        pointer,
        'bounds beyond ±(2^53 - 1) are left out: Int holds safe integers',
      );
      if (min !== undefined && min < -safe) min = undefined;
      if (max !== undefined && max > safe) max = undefined;
    }
  }
  if (
    integer &&
    ((exMin ?? 0) < -Number.MAX_SAFE_INTEGER || (exMax ?? 0) > Number.MAX_SAFE_INTEGER)
  ) {
    context.warn(
      'narrowed',
      pointer,
      'bounds beyond ±(2^53 - 1) are left out: Int holds safe integers',
    );
    if ((exMin ?? 0) < -Number.MAX_SAFE_INTEGER) exMin = undefined;
    if ((exMax ?? 0) > Number.MAX_SAFE_INTEGER) exMax = undefined;
  }
  // For Int, the exclusive bounds as the integers they leave.
  const step = integer ? 1 : 0;
  const low = exMin !== undefined ? exMin + step : min;
  const high = exMax !== undefined ? exMax - step : max;
  if (
    low !== undefined &&
    high !== undefined &&
    (low > high || (low === high && !integer && (exMin !== undefined || exMax !== undefined)))
  ) {
    context.warn('widened', pointer, 'bounds that no number meets are left out');
    return '';
  }
  const entries: [string, string][] = [];
  if (min !== undefined) entries.push(['min', numberLiteral(min)]);
  if (max !== undefined) entries.push(['max', numberLiteral(max)]);
  if (exMin !== undefined) entries.push(['exclusiveMin', numberLiteral(exMin)]);
  if (exMax !== undefined) entries.push(['exclusiveMax', numberLiteral(exMax)]);
  return block(entries);
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The constraints of an array schema: item counts and uniqueness. */
export function listConstraints(schema: Record<string, unknown>): string {
  const entries: [string, string][] = [];
  const min = wholeNumber(schema.minItems);
  const max = wholeNumber(schema.maxItems);
  if (!(min !== undefined && max !== undefined && min > max)) {
    if (min !== undefined) entries.push(['minItems', numberLiteral(min)]);
    if (max !== undefined) entries.push(['maxItems', numberLiteral(max)]);
  }
  if (typeof schema.uniqueItems === 'boolean') entries.push(['unique', String(schema.uniqueItems)]);
  return block(entries);
}
