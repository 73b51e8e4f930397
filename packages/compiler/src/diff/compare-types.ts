import type { ConstraintsIR, PrimitiveName, TypeIR } from '../ir/spec-ir.js';
import { typeSource } from '../emit/openapi/expr-source.js';
import { compareConstraints } from './compare-constraints.js';
import { sameValue } from './same-value.js';
import type { TypeDelta } from './type-delta.js';

/** The aliases of each version, to see through them (`Days` and `Int { min: 0 }`). */
export interface AliasLookup {
  readonly old: (name: string) => TypeIR | undefined;
  readonly new: (name: string) => TypeIR | undefined;
}

/** How deep aliases are expanded when two types are compared (aliases may be recursive). */
const MAX_EXPANSIONS = 8;

/** Primitives whose values are all values of another primitive: the narrower, then the wider. */
const subPrimitives: readonly (readonly [PrimitiveName, PrimitiveName])[] = [
  ['Int', 'Float'],
  ['Uuid', 'String'],
  ['Email', 'String'],
  ['Url', 'String'],
  ['UriTemplate', 'String'],
  ['Date', 'String'],
  ['DateTime', 'String'],
];

const sameType = (a: TypeIR, b: TypeIR) => sameValue(a, b);
const shown = (type: TypeIR) => `\`${typeSource(type)}\``;

/**
 * How a type changed between two versions, part by part: nullability, union options, the
 * primitive (`Int` to `Float` widens, `String` to `Uuid` narrows), constraints, list items and
 * map values; another type altogether is `type-changed`. Aliases are seen through, so that
 * inlining one (`Days` to `Int { min: 0, max: 366 }`) is `type-rewritten`, not a new type.
 */
export function compareTypes(
  a: TypeIR,
  b: TypeIR,
  aliases: AliasLookup,
  part = '',
  expansions = 0,
): TypeDelta[] {
  if (sameType(a, b)) return [];
  if (a.kind === 'nullable' || b.kind === 'nullable') {
    const inner = compareTypes(unwrap(a), unwrap(b), aliases, part, expansions);
    if (a.kind === 'nullable' && b.kind === 'nullable') return inner;
    const widened = b.kind === 'nullable';
    return [
      {
        kind: widened ? 'type-widened' : 'type-narrowed',
        part,
        message: widened ? 'may now be `null`' : 'may no longer be `null`',
      },
      ...inner,
    ];
  }
  if (a.kind === 'union' || b.kind === 'union') return compareUnions(a, b, aliases, part);
  const same = sameShape(a, b);
  if (same) return same(aliases, part, expansions);
  const expanded = expandAlias(a, b, aliases, expansions);
  if (expanded) {
    const deltas = compareTypes(expanded[0], expanded[1], aliases, part, expansions + 1);
    const written = `${shown(a)} → ${shown(b)}`;
    return deltas.length > 0
      ? deltas
      : [{ kind: 'type-rewritten', part, message: `${written} (the same values)` }];
  }
  if (a.kind === 'primitive' && b.kind === 'primitive') {
    const wider = subPrimitives.some(([narrow, wide]) => narrow === a.name && wide === b.name);
    const narrower = subPrimitives.some(([narrow, wide]) => narrow === b.name && wide === a.name);
    if (wider || narrower) {
      return [
        {
          kind: wider ? 'type-widened' : 'type-narrowed',
          part,
          message: `\`${a.name}\` → \`${b.name}\``,
        },
        ...compareConstraints(a.constraints, b.constraints, false, part),
      ];
    }
  }
  return [{ kind: 'type-changed', part, message: `${shown(a)} → ${shown(b)}` }];
}

const unwrap = (type: TypeIR) => (type.kind === 'nullable' ? type.inner : type);

/** The comparison of two types of the same shape (same primitive, both lists, ...), if they are. */
function sameShape(a: TypeIR, b: TypeIR) {
  if (a.kind === 'primitive' && b.kind === 'primitive' && a.name === b.name) {
    return (_: AliasLookup, part: string) =>
      compareConstraints(a.constraints, b.constraints, a.name === 'Int', part);
  }
  if (a.kind === 'ref' && b.kind === 'ref' && a.name === b.name) {
    return (_: AliasLookup, part: string) =>
      compareConstraints(a.constraints, b.constraints, false, part);
  }
  if (a.kind === 'list' && b.kind === 'list') {
    return (aliases: AliasLookup, part: string, expansions: number) => [
      ...compareConstraints(a.constraints, b.constraints, false, part),
      ...compareTypes(a.element, b.element, aliases, `${part}[]`, expansions),
    ];
  }
  if (a.kind === 'map' && b.kind === 'map') {
    return (aliases: AliasLookup, part: string, expansions: number) => [
      ...compareConstraints(a.constraints, b.constraints, false, part),
      ...compareTypes(a.value, b.value, aliases, `${part}{}`, expansions),
    ];
  }
  return undefined;
}

/** A key that matches union options of the same shape across versions. */
function optionKey(type: TypeIR): string {
  switch (type.kind) {
    case 'primitive':
    case 'ref':
      return `${type.kind}:${type.name}`;
    case 'nullable':
      return `${optionKey(type.inner)}?`;
    default:
      return type.kind;
  }
}

/** Union options matched by shape: dropped ones narrow, new ones widen, kept ones compare. */
function compareUnions(a: TypeIR, b: TypeIR, aliases: AliasLookup, part: string): TypeDelta[] {
  const before = a.kind === 'union' ? [...a.options] : [a];
  const after = b.kind === 'union' ? [...b.options] : [b];
  const deltas: TypeDelta[] = [];
  const unmatched = [...after];
  for (const option of before) {
    const index = unmatched.findIndex((other) => optionKey(other) === optionKey(option));
    if (index < 0) {
      deltas.push({
        kind: 'type-narrowed',
        part,
        message: `no longer accepts ${shown(option)} (${shown(a)} → ${shown(b)})`,
      });
      continue;
    }
    deltas.push(...compareTypes(option, unmatched[index]!, aliases, part));
    unmatched.splice(index, 1);
  }
  for (const option of unmatched) {
    deltas.push({
      kind: 'type-widened',
      part,
      message: `now also accepts ${shown(option)} (${shown(a)} → ${shown(b)})`,
    });
  }
  return deltas;
}

/**
 * The two types with an alias reference on either side replaced by what the alias stands for
 * (its own constraints and the reference's, together), or undefined when neither side is a
 * reference to an alias or the expansion limit is reached.
 */
function expandAlias(
  a: TypeIR,
  b: TypeIR,
  aliases: AliasLookup,
  expansions: number,
): [TypeIR, TypeIR] | undefined {
  if (expansions >= MAX_EXPANSIONS) return undefined;
  const expand = (type: TypeIR, lookup: (name: string) => TypeIR | undefined) => {
    if (type.kind !== 'ref') return undefined;
    const target = lookup(type.name);
    return target ? withConstraints(target, type.constraints) : undefined;
  };
  const left = expand(a, aliases.old);
  if (left) return [left, b];
  const right = expand(b, aliases.new);
  return right ? [a, right] : undefined;
}

/** A type with more constraints on it (both sets hold), or undefined when they cannot merge. */
function withConstraints(type: TypeIR, extra: ConstraintsIR): TypeIR | undefined {
  if (Object.keys(extra).length === 0) return type;
  if (type.kind === 'union' || type.kind === 'nullable') return undefined;
  const merged = bothConstraints(type.constraints, extra);
  return merged ? { ...type, constraints: merged } : undefined;
}

const lowerKeys = ['min', 'exclusiveMin', 'minLength', 'minItems'] as const;
const upperKeys = ['max', 'exclusiveMax', 'maxLength', 'maxItems'] as const;

function bothConstraints(a: ConstraintsIR, b: ConstraintsIR): ConstraintsIR | undefined {
  if (a.pattern !== undefined && b.pattern !== undefined && a.pattern !== b.pattern) {
    return undefined;
  }
  const merged: Record<string, unknown> = { ...a, ...b };
  const pick = (
    keys: readonly (keyof ConstraintsIR)[],
    choose: (x: number, y: number) => number,
  ) => {
    for (const key of keys) {
      const x = a[key] as number | undefined;
      const y = b[key] as number | undefined;
      if (x !== undefined && y !== undefined) merged[key] = choose(x, y);
    }
  };
  pick(lowerKeys, Math.max);
  pick(upperKeys, Math.min);
  if (a.unique || b.unique) merged['unique'] = true;
  return merged as ConstraintsIR;
}
