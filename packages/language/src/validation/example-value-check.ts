import type { AstNode } from 'langium';
import type {
  AliasDecl,
  AnnotationValue,
  Constraint,
  Field,
  JsonObject,
  TypeExpr,
  TypeRef,
} from '../generated/ast.js';
import {
  isAliasDecl,
  isBooleanLiteral,
  isEnumDecl,
  isJsonArray,
  isJsonObject,
  isNullLiteral,
  isStringLiteral,
  isTypeRef,
  isUnionTypeRef,
} from '../generated/ast.js';
import { builtinTypeOf } from '../typing/media-types.js';
import type { RecordLike } from '../typing/records.js';
import { isRecordLike, recordFields, recordOpenFields } from '../typing/records.js';
import { constraintNumber } from '../util/constraint-number.js';
import { didYouMean } from '../util/did-you-mean.js';
import { FORMAT_SHAPES } from '../util/format-shapes.js';
import { annotationJson, jsonKeyPath } from '../util/annotation-json.js';
import { brokenInvariant } from './invariant-on-example.js';

/**
 * Which message a value is an example of: a request's body (readOnly fields left out), an
 * answer's body (writeOnly fields left out), or a type wherever it is used (every field).
 */
export type ExampleDirection = 'request' | 'response' | 'any';

/** Where inside a value it does not fit its type, and why. */
export interface ValueProblem {
  /** The part of the value that does not fit (the value itself, an entry, an item). */
  readonly node: AstNode;
  /** The path to that part from the annotation: `example.items[2].amount`. */
  readonly path: string;
  readonly problem: string;
}

/** The most steps a check takes (unions try each option); past it, a value is taken as fitting. */
const STEP_BUDGET = 200_000;

const DECIMAL = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const INT_RANGES: Record<string, readonly [number, number]> = {
  Int32: [-(2 ** 31), 2 ** 31 - 1],
  Int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/**
 * Why an `example` or `default` value (`value`, at `path`) does not fit the type expression
 * `expr` and its constraints, or undefined when it fits: records with their required fields
 * and no unknown ones, lists, maps, unions (a discriminated one by its tag), nullability,
 * scalars with their formats and constraints. `Json` takes any value.
 */
export function exampleProblem(
  value: AnnotationValue,
  expr: TypeExpr,
  path: string,
  direction: ExampleDirection,
): ValueProblem | undefined {
  return duplicateKey(value, path) ?? new ValueCheck(direction).check(value, expr, path, []);
}

/** The first key written twice in one object of the value, at any depth. */
function duplicateKey(value: AnnotationValue, path: string): ValueProblem | undefined {
  if (isJsonArray(value)) {
    for (const [i, item] of value.items.entries()) {
      const problem = duplicateKey(item, `${path}[${i}]`);
      if (problem) return problem;
    }
  } else if (isJsonObject(value)) {
    const seen = new Set<string>();
    for (const entry of value.entries) {
      const at = jsonKeyPath(path, entry.key);
      if (seen.has(entry.key)) return { node: entry, path: at, problem: 'is written twice' };
      seen.add(entry.key);
      const problem = duplicateKey(entry.value, at);
      if (problem) return problem;
    }
  }
  return undefined;
}

class ValueCheck {
  private steps = 0;

  constructor(private readonly direction: ExampleDirection) {}

  check(
    value: AnnotationValue,
    expr: TypeExpr | undefined,
    path: string,
    outer: readonly Constraint[],
    discriminator?: string,
    seen: ReadonlySet<AliasDecl> = new Set(),
  ): ValueProblem | undefined {
    if (!expr || ++this.steps > STEP_BUDGET) return undefined;
    if (isUnionTypeRef(expr)) return this.union(value, expr.options, path, discriminator);
    return this.ref(value, expr, path, outer, seen);
  }

  private ref(
    value: AnnotationValue,
    ref: TypeRef,
    path: string,
    outer: readonly Constraint[],
    seen: ReadonlySet<AliasDecl>,
  ): ValueProblem | undefined {
    const fail = (problem: string, node: AstNode = value) => ({ node, path, problem });
    if (isNullLiteral(value) && ref.nullable) return undefined;
    const constraints = [...outer, ...ref.constraints];
    const decl = ref.ref?.ref;
    if (isAliasDecl(decl)) {
      if (seen.has(decl)) return undefined; // a cycle, reported on its own
      const next = new Set(seen).add(decl);
      return this.check(value, decl.type, path, constraints, decl.discriminator, next);
    }
    if (builtinTypeOf(ref) === 'Json') return undefined;
    if (isNullLiteral(value))
      return fail('is null, but the type is not nullable (`T?` allows null)');
    if (ref.collection === 'List') {
      if (!isJsonArray(value)) return fail('must be a list `[ ... ]`');
      const limits = limitsOf(constraints);
      const count = value.items.length;
      if (limits.minItems !== undefined && count < limits.minItems)
        return fail(`has ${count} items, fewer than the minItems ${limits.minItems}`);
      if (limits.maxItems !== undefined && count > limits.maxItems)
        return fail(`has ${count} items, more than the maxItems ${limits.maxItems}`);
      if (limits.unique) {
        const texts = value.items.map((item) => JSON.stringify(annotationJson(item)));
        const twice = texts.findIndex((text, i) => texts.indexOf(text) !== i);
        if (twice >= 0) return fail(`has item ${twice} twice, but its items are unique`);
      }
      for (const [i, item] of value.items.entries()) {
        const problem = this.check(item, ref.element, `${path}[${i}]`, []);
        if (problem) return problem;
      }
      return undefined;
    }
    if (ref.collection === 'Map') {
      if (!isJsonObject(value)) return fail('must be an object `{ ... }`, since the type is a Map');
      for (const entry of value.entries) {
        const problem = this.check(entry.value, ref.element, jsonKeyPath(path, entry.key), []);
        if (problem) return problem;
      }
      return undefined;
    }
    if (isRecordLike(decl)) return this.record(value, decl, path);
    if (isEnumDecl(decl)) {
      if (!isStringLiteral(value)) return fail(`must be a member of ${decl.name}, in quotes`);
      return decl.members.some((m) => m.name === value.value)
        ? undefined
        : fail(`is not a member of ${decl.name} (${decl.members.map((m) => m.name).join(', ')})`);
    }
    const problem = scalarProblem(value, ref, constraints);
    return problem === undefined ? undefined : fail(problem);
  }

  private record(value: AnnotationValue, decl: RecordLike, path: string): ValueProblem | undefined {
    if (!isJsonObject(value))
      return {
        node: value,
        path,
        problem: `must be an object \`{ ... }\`, since the type is ${decl.name}`,
      };
    const fields = recordFields(decl);
    const byName = new Map(fields.map((field) => [field.name, field]));
    const open = recordOpenFields(decl);
    for (const entry of value.entries) {
      const at = jsonKeyPath(path, entry.key);
      const field = byName.get(entry.key);
      if (!field) {
        if (open) {
          const problem = this.check(entry.value, open.type, at, []);
          if (problem) return problem;
          continue;
        }
        const hint = didYouMean(entry.key, [...byName.keys()]);
        return { node: entry, path: at, problem: `is not a field of ${decl.name}${hint}` };
      }
      if (this.leftOut(field)) {
        const why =
          this.direction === 'request'
            ? 'is readOnly: a request does not send it; leave it out'
            : 'is writeOnly: an answer does not carry it; leave it out';
        return { node: entry, path: at, problem: why };
      }
      const problem = this.check(entry.value, field.type, at, []);
      if (problem) return problem;
    }
    const given = new Set(value.entries.map((entry) => entry.key));
    const missing = fields.find((f) => !f.optional && !given.has(f.name) && !this.leftOut(f));
    if (missing)
      return {
        node: value,
        path,
        problem: `has no \`${missing.name}\`, a required field of ${decl.name}`,
      };
    // The fields fit: the record's invariants are judged on them, where they can be (not
    // those that read a field the direction leaves out: the example must not have it).
    const leftOut = new Set(
      fields.filter((f) => this.leftOut(f) && !given.has(f.name)).map((f) => f.name),
    );
    const broken = brokenInvariant(decl, annotationJson(value), leftOut);
    if (broken) {
      const invariant = (broken.expr?.$cstNode?.text ?? '').replace(/\s+/g, ' ');
      const place =
        broken.$container === decl
          ? decl.name
          : `${broken.$container.name}, spread into ${decl.name}`;
      return {
        node: value,
        path,
        problem: `breaks the invariant \`${invariant}\` of ${place}`,
      };
    }
    return undefined;
  }

  /** Whether the direction leaves a field out (a readOnly one of a request, a writeOnly one of an answer). */
  private leftOut(field: Field): boolean {
    if (this.direction === 'any') return false;
    return hasFlag(field.type, this.direction === 'request' ? 'readOnly' : 'writeOnly');
  }

  private union(
    value: AnnotationValue,
    options: readonly TypeRef[],
    path: string,
    discriminator: string | undefined,
  ): ValueProblem | undefined {
    if (discriminator !== undefined && isJsonObject(value)) {
      const chosen = this.byTag(value, options, discriminator);
      if (typeof chosen === 'string') return { node: value, path, problem: chosen };
      return this.check(value, chosen, path, []);
    }
    const problems: ValueProblem[] = [];
    for (const option of options) {
      const problem = this.check(value, option, path, []);
      if (!problem) return undefined;
      problems.push(problem);
    }
    // The option the value went deepest into is the one it was most likely meant to be.
    const deepest = problems.reduce((a, b) => (b.path.length > a.path.length ? b : a));
    if (deepest.path !== path) return deepest;
    const names = options.map((o) => o.$cstNode?.text ?? '?').join(' | ');
    return { node: value, path, problem: `fits none of the options ${names}` };
  }

  /** The option of a discriminated union whose tag the value names, or why there is none. */
  private byTag(value: JsonObject, options: readonly TypeRef[], tag: string): TypeRef | string {
    const entry = value.entries.find((e) => e.key === tag);
    if (!entry || !isStringLiteral(entry.value))
      return `has no \`${tag}\` string, the tag that tells the options apart`;
    const wanted = entry.value.value;
    const found = options.find((option) => {
      const decl = option.ref?.ref;
      if (!isRecordLike(decl)) return false;
      const field = recordFields(decl).find((f) => f.name === tag);
      const constant = isTypeRef(field?.type) ? field.type.constant : undefined;
      return isStringLiteral(constant) && constant.value === wanted;
    });
    return found ?? `names by \`${tag}\` "${wanted}" none of the options`;
  }
}

/** Whether a field's type says `flag: true` (`readOnly`, `writeOnly`). */
function hasFlag(type: TypeExpr, flag: string): boolean {
  return (
    isTypeRef(type) &&
    type.constraints.some((c) => c.name === flag && isBooleanLiteral(c.value) && c.value.value)
  );
}

interface Limits {
  min?: number;
  max?: number;
  exclusiveMin?: number;
  exclusiveMax?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  unique?: boolean;
  pattern?: string;
}

/** The constraints in effect, the last written of each name winning. */
function limitsOf(constraints: readonly Constraint[]): Limits {
  const limits: Record<string, number | string | boolean> = {};
  for (const c of constraints) {
    const n = constraintNumber(c.value);
    if (n !== undefined) limits[c.name] = n;
    else if (isStringLiteral(c.value)) limits[c.name] = c.value.value;
    else if (isBooleanLiteral(c.value)) limits[c.name] = c.value.value;
  }
  return limits as Limits;
}

/** Why a value does not fit a scalar type (primitive, built-in or constant), or undefined. */
function scalarProblem(
  value: AnnotationValue,
  ref: TypeRef,
  constraints: readonly Constraint[],
): string | undefined {
  const limits = limitsOf(constraints);
  const builtin = builtinTypeOf(ref);
  if (ref.constant) {
    const want = annotationJson(ref.constant);
    return annotationJson(value) === want
      ? undefined
      : `must be the constant ${JSON.stringify(want)}`;
  }
  const name = ref.primitive ?? builtin;
  if (name === undefined) return undefined; // an unresolved name, reported on its own
  if (name === 'Bool') return isBooleanLiteral(value) ? undefined : 'must be `true` or `false`';
  if (name === 'Int' || name === 'Float' || name === 'Int32' || name === 'Int64') {
    const n = constraintNumber(value);
    if (n === undefined) return `must be a number, since the type is ${name}`;
    if (name !== 'Float' && !Number.isInteger(n)) return 'must be a whole number';
    const range = INT_RANGES[name];
    if (range && (n < range[0] || n > range[1])) return `is outside the range of ${name}`;
    if (limits.min !== undefined && n < limits.min) return `is below the minimum ${limits.min}`;
    if (limits.max !== undefined && n > limits.max) return `is above the maximum ${limits.max}`;
    if (limits.exclusiveMin !== undefined && n <= limits.exclusiveMin)
      return `must be above ${limits.exclusiveMin}`;
    if (limits.exclusiveMax !== undefined && n >= limits.exclusiveMax)
      return `must be below ${limits.exclusiveMax}`;
    return undefined;
  }
  if (!isStringLiteral(value)) return `must be a string, since the type is ${name}`;
  const text = value.value;
  if (name === 'Decimal') return DECIMAL.test(text) ? undefined : 'is not a decimal number';
  if (name === 'Bytes') return undefined;
  const shape = FORMAT_SHAPES[name];
  if (shape && !shape.test(text)) return `is not a valid ${name}`;
  const length = [...text].length;
  if (limits.minLength !== undefined && length < limits.minLength)
    return `is shorter than the minLength ${limits.minLength}`;
  if (limits.maxLength !== undefined && length > limits.maxLength)
    return `is longer than the maxLength ${limits.maxLength}`;
  if (limits.pattern !== undefined && !safeTest(limits.pattern, text))
    return `does not match the pattern ${JSON.stringify(limits.pattern)}`;
  return undefined;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true; // an invalid pattern is reported on its own
  }
}
