import type { ValidationAcceptor } from 'langium';
import type { Constraint, TypeRef } from '../generated/ast.js';
import { isAliasDecl, isBooleanLiteral, isStringLiteral } from '../generated/ast.js';
import type { EffectiveConstraint } from '../typing/resolve-type.js';
import { effectiveConstraints, resolveTypeExpr } from '../typing/resolve-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import { isNumeric, isStringLike, stripOptional, typeToString } from '../typing/specl-type.js';
import { closestName, didYouMean } from '../util/did-you-mean.js';
import { changeTo, rangeOf } from './fixes.js';
import { report } from './report.js';
import { constraintNumber } from '../util/constraint-number.js';
import { AnnotationChecks, annotationNames } from './annotation-checks.js';

type ConstraintFamily = 'number' | 'string' | 'list';

interface ConstraintSpec {
  readonly family: ConstraintFamily;
  readonly value: 'number' | 'count' | 'string' | 'boolean';
}

/** Every constraint Specl knows, the types it fits and the kind of value it takes. */
export const constraintSpecs: Readonly<Record<string, ConstraintSpec>> = {
  min: { family: 'number', value: 'number' },
  max: { family: 'number', value: 'number' },
  exclusiveMin: { family: 'number', value: 'number' },
  exclusiveMax: { family: 'number', value: 'number' },
  minLength: { family: 'string', value: 'count' },
  maxLength: { family: 'string', value: 'count' },
  pattern: { family: 'string', value: 'string' },
  minItems: { family: 'list', value: 'count' },
  maxItems: { family: 'list', value: 'count' },
  unique: { family: 'list', value: 'boolean' },
};

const familyTypes: Record<ConstraintFamily, string> = {
  number: 'Int and Float',
  string: 'String and the string formats',
  list: 'List',
};

/** Checks of constraints: known names, fitting types, value kinds, regexes and contradictions. */
export class ConstraintChecks {
  private readonly annotations = new AnnotationChecks();

  checkTypeRef(ref: TypeRef, accept: ValidationAcceptor): void {
    if (ref.constraints.length === 0) return;
    const type = stripOptional(resolveTypeExpr(ref));
    const seen = ref.constraints.length > 1 ? new Set<string>() : undefined;
    // Conflicts are judged only once every constraint is given once and fits.
    let allFit = true;
    for (const constraint of ref.constraints) {
      if (seen?.has(constraint.name)) {
        report(
          accept,
          'specl/duplicate-constraint',
          'default',
          { constraintName: constraint.name },
          {
            node: constraint,
            property: 'name',
          },
        );
        allFit = false;
      }
      seen?.add(constraint.name);
      if (annotationNames.includes(constraint.name)) {
        this.annotations.check(constraint, ref, accept);
        continue;
      }
      allFit = this.checkConstraint(constraint, type, accept) && allFit;
    }
    if (allFit) this.checkConflicts(ref, type, accept);
  }

  /** Checks one constraint on its own; false when it does not fit, so conflicts are not checked. */
  private checkConstraint(
    constraint: Constraint,
    type: SpeclType,
    accept: ValidationAcceptor,
  ): boolean {
    // Own keys only: `__proto__` or `toString` name no constraint.
    const spec = Object.hasOwn(constraintSpecs, constraint.name)
      ? constraintSpecs[constraint.name]
      : undefined;
    if (!spec) {
      const known = [...Object.keys(constraintSpecs), ...annotationNames];
      report(
        accept,
        'specl/unknown-constraint',
        'default',
        {
          constraintName: constraint.name,
          arg1: didYouMean(
            constraint.name,
            known,
            `; the constraints are ${Object.keys(constraintSpecs).join(', ')}, and the annotations ${annotationNames.join(', ')}`,
          ),
        },
        { node: constraint, property: 'name' },
        changeTo(closestName(constraint.name, known), rangeOf(constraint, 'name')),
      );
      return false;
    }
    if (type.kind !== 'unknown' && !fitsFamily(type, spec.family)) {
      report(
        accept,
        'specl/constraint-type-mismatch',
        'applies',
        {
          constraintName: constraint.name,
          arg1: familyTypes[spec.family],
          typeToString: typeToString(type),
        },
        { node: constraint, property: 'name' },
      );
      return false;
    }
    const value = constraint.value;
    const n = constraintNumber(value);
    switch (spec.value) {
      case 'number':
        if (n === undefined) return this.wrongValue(constraint, 'a number', accept);
        if (type.kind === 'primitive' && type.name === 'Int' && !Number.isInteger(n)) {
          return this.wrongValue(constraint, 'a whole number, since the type is Int', accept);
        }
        return true;
      case 'count':
        if (n === undefined || !Number.isInteger(n) || n < 0)
          return this.wrongValue(constraint, 'a whole number of 0 or more', accept);
        return true;
      case 'boolean':
        if (!isBooleanLiteral(value))
          return this.wrongValue(constraint, '`true` or `false`', accept);
        return true;
      case 'string': {
        if (!isStringLiteral(value))
          return this.wrongValue(constraint, 'a regular expression in a string', accept);
        const problem = regexProblem(value.value);
        if (problem) {
          report(
            accept,
            'specl/invalid-pattern',
            'default',
            { problem },
            {
              node: constraint,
              property: 'value',
            },
          );
          return false;
        }
        return true;
      }
    }
  }

  private wrongValue(constraint: Constraint, expected: string, accept: ValidationAcceptor): false {
    report(
      accept,
      'specl/constraint-type-mismatch',
      'takes',
      { constraintName: constraint.name, expected },
      {
        node: constraint,
        property: 'value',
      },
    );
    return false;
  }

  private checkConflicts(ref: TypeRef, type: SpeclType, accept: ValidationAcceptor): void {
    // A conflict is between two constraints: one alone has none. A reference to no alias has
    // its own constraints only, counted without making the list of them (most have one or none).
    if (ref.constraints.length < 2 && !isAliasDecl(ref.ref?.ref)) return;
    const effective = effectiveConstraints(ref);
    if (effective.length < 2) return;
    this.reportConflicts(effective, type, accept);
  }

  /**
   * Reports conflicting constraints among `effective` (two or more). A method of its own: the
   * closures below capture its variables, so a call allocates their context as it starts.
   */
  private reportConflicts(
    effective: EffectiveConstraint[],
    type: SpeclType,
    accept: ValidationAcceptor,
  ): void {
    const isInt = type.kind === 'primitive' && type.name === 'Int';
    const conflict = (
      a: EffectiveConstraint | undefined,
      b: EffectiveConstraint | undefined,
      why: string,
    ) => {
      const at = [b, a].find((c) => c && !c.inherited);
      if (!at) return;
      const other = at === b ? a : b;
      const from = other?.inherited ? ' (from the alias)' : '';
      report(
        accept,
        'specl/constraint-conflict',
        'default',
        { atName: at.name, otherName: String(other?.name), from, why },
        {
          node: at.constraint,
        },
      );
    };
    const last = (name: string) => {
      for (let i = effective.length - 1; i >= 0; i--) {
        if (effective[i]!.name === name) return effective[i];
      }
      return undefined;
    };
    const valueOf = (c: EffectiveConstraint | undefined) => constraintNumber(c?.constraint.value);

    const lower = pickBound(last('min'), last('exclusiveMin'), valueOf, 'larger');
    const upper = pickBound(last('max'), last('exclusiveMax'), valueOf, 'smaller');
    if (lower && upper) {
      const lo = valueOf(lower)!;
      const hi = valueOf(upper)!;
      const exclusive = lower.name.startsWith('exclusive') || upper.name.startsWith('exclusive');
      const empty =
        lo > hi || (lo === hi && exclusive) || (isInt && emptyIntRange(lower, upper, lo, hi));
      if (empty) conflict(lower, upper, `no value lies between ${lo} and ${hi}`);
    }
    for (const [minName, maxName] of [
      ['minLength', 'maxLength'],
      ['minItems', 'maxItems'],
    ] as const) {
      const min = last(minName);
      const max = last(maxName);
      if (min && max && valueOf(min)! > valueOf(max)!) {
        conflict(min, max, `${valueOf(min)} is more than ${valueOf(max)}`);
      }
    }
  }
}

/** Of an inclusive and an exclusive bound, the tighter one. */
function pickBound(
  inclusive: EffectiveConstraint | undefined,
  exclusive: EffectiveConstraint | undefined,
  valueOf: (c: EffectiveConstraint | undefined) => number | undefined,
  keep: 'larger' | 'smaller',
): EffectiveConstraint | undefined {
  if (!inclusive || !exclusive) return inclusive ?? exclusive;
  const a = valueOf(inclusive)!;
  const b = valueOf(exclusive)!;
  if (a === b) return exclusive;
  return keep === 'larger' ? (a > b ? inclusive : exclusive) : a < b ? inclusive : exclusive;
}

function emptyIntRange(
  lower: EffectiveConstraint,
  upper: EffectiveConstraint,
  lo: number,
  hi: number,
): boolean {
  const first = lower.name === 'exclusiveMin' ? Math.floor(lo) + 1 : Math.ceil(lo);
  const lastValue = upper.name === 'exclusiveMax' ? Math.ceil(hi) - 1 : Math.floor(hi);
  return first > lastValue;
}

function fitsFamily(type: SpeclType, family: ConstraintFamily): boolean {
  switch (family) {
    case 'number':
      return isNumeric(type);
    case 'string':
      return isStringLike(type);
    case 'list':
      return type.kind === 'list';
  }
}

/** Why a regular expression is invalid (as ECMAScript with the `u` flag reads it), if it is. */
export function regexProblem(pattern: string): string | undefined {
  try {
    new RegExp(pattern, 'u');
    return undefined;
  } catch (error) {
    return (error as Error).message.replace(/^Invalid regular expression: /, '');
  }
}
