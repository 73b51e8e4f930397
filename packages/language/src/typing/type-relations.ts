import type { SpeclType } from './specl-type.js';
import { isNumeric, isStringLike, makeOptional, stripOptional } from './specl-type.js';
import { recordFields } from './records.js';
import { resolveTypeExpr } from './resolve-type.js';

/**
 * Whether a value of type `source` may stand where `target` is expected. Records are
 * structural (a record with every required field of the target fits it); `Int` widens to
 * `Float`; the string formats are interchangeable (their formats are checked at run time).
 */
export function isAssignable(source: SpeclType, target: SpeclType, seen?: Set<string>): boolean {
  if (source.kind === 'unknown' || target.kind === 'unknown') return true;
  if (target.kind === 'primitive' && source.kind === 'primitive') {
    if (source.name === target.name) return true;
    if (source.name === 'Int' && target.name === 'Float') return true;
    // A plain String fits a string format and back (the format is checked at run time).
    return (
      isStringLike(source) &&
      isStringLike(target) &&
      (source.name === 'String' || target.name === 'String')
    );
  }
  // The pairs of records met on the way, one set for the whole comparison (made only when the
  // comparison goes inside a type: most compare two primitives).
  seen ??= new Set<string>();
  if (target.kind === 'optional') {
    if (source.kind === 'null') return true;
    return isAssignable(stripOptional(source), target.inner, seen);
  }
  if (source.kind === 'null') return target.kind === 'null';
  if (source.kind === 'optional') return false;

  if (source.kind === 'union')
    return source.options.every((option) => isAssignable(option, target, seen));
  if (target.kind === 'union')
    return target.options.some((option) => isAssignable(source, option, seen));
  switch (target.kind) {
    case 'primitive':
      return false;
    case 'list':
      return source.kind === 'list' && isAssignable(source.element, target.element, seen);
    case 'map':
      return source.kind === 'map' && isAssignable(source.value, target.value, seen);
    case 'enum':
      return source.kind === 'enum' && source.decl === target.decl;
    case 'record':
      return source.kind === 'record' && isRecordAssignable(source, target, seen);
    default:
      return false;
  }
}

function isRecordAssignable(
  source: Extract<SpeclType, { kind: 'record' }>,
  target: Extract<SpeclType, { kind: 'record' }>,
  seen: Set<string>,
): boolean {
  if (source.decl === target.decl) return true;
  const key = `${source.decl.name}->${target.decl.name}`;
  if (seen.has(key)) return true;
  seen.add(key);
  const sourceFields = new Map(recordFields(source.decl).map((field) => [field.name, field]));
  return recordFields(target.decl).every((targetField) => {
    const sourceField = sourceFields.get(targetField.name);
    if (!sourceField) return targetField.optional;
    return isAssignable(fieldType(sourceField), fieldType(targetField), seen);
  });
}

/** The type of a record field; optional fields give an optional type. */
export function fieldType(field: {
  type: Parameters<typeof resolveTypeExpr>[0];
  optional: boolean;
}): SpeclType {
  const type = resolveTypeExpr(field.type);
  return field.optional ? makeOptional(type) : type;
}

/** Whether two values may be compared with `==` and `!=`. */
export function isComparable(left: SpeclType, right: SpeclType): boolean {
  if (left.kind === 'null' || right.kind === 'null') return true;
  const a = stripOptional(left);
  const b = stripOptional(right);
  return isAssignable(a, b) || isAssignable(b, a);
}

/** Whether two values may be compared with `<`, `<=`, `>` and `>=`. */
export function isOrdered(left: SpeclType, right: SpeclType): boolean {
  if (left.kind === 'unknown' || right.kind === 'unknown') return true;
  if (isNumeric(left) && isNumeric(right)) return true;
  // Strings order lexicographically, dates chronologically (ISO text orders the same way).
  return isStringLike(left) && isStringLike(right) && isAssignable(left, right);
}

/** The least type both values fit, or undefined when there is none. */
export function joinTypes(a: SpeclType, b: SpeclType): SpeclType | undefined {
  if (a.kind === 'unknown') return b;
  if (b.kind === 'unknown') return a;
  if (a.kind === 'null')
    return b.kind === 'null' ? a : { kind: 'optional', inner: stripOptional(b) };
  if (b.kind === 'null') return { kind: 'optional', inner: stripOptional(a) };
  // An absent value joins by what is there: `[[null], null, [-9]]` is a List<List<Int?>?>.
  if (a.kind === 'optional' || b.kind === 'optional') {
    const inner = joinTypes(stripOptional(a), stripOptional(b));
    return inner && { kind: 'optional', inner: stripOptional(inner) };
  }
  // Lists join element-wise: `[["a"], [null]]` is a List<List<String?>>.
  if (a.kind === 'list' && b.kind === 'list') {
    const element = joinTypes(a.element, b.element);
    return element && { kind: 'list', element };
  }

  const aFitsB = isAssignable(a, b);
  const bFitsA = isAssignable(b, a);
  // When each fits the other (`List<S>` and the empty list's `List<unknown>`), keep the one that
  // says more.
  if (aFitsB && bFitsA) return containsUnknown(b) ? a : b;
  if (aFitsB) return b;
  if (bFitsA) return a;
  return undefined;
}

function containsUnknown(type: SpeclType): boolean {
  switch (type.kind) {
    case 'unknown':
      return true;
    case 'list':
      return containsUnknown(type.element);
    case 'map':
      return containsUnknown(type.value);
    case 'optional':
      return containsUnknown(type.inner);
    default:
      return false;
  }
}
