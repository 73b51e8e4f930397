import type { ValidationAcceptor } from 'langium';
import type { Constraint, TypeRef } from '../generated/ast.js';
import {
  isBooleanLiteral,
  isField,
  isHeaderParam,
  isQueryParam,
  isStringLiteral,
} from '../generated/ast.js';
import { effectiveConstraints } from '../typing/resolve-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import { isStringLike, typeToString } from '../typing/specl-type.js';
import { report } from './report.js';
import type { MessageId, MessageOf } from './diagnostic-codes.js';
import type { MessageArguments } from './message-template.js';
import { constraintNumber } from '../util/constraint-number.js';
import { FORMAT_SHAPES } from '../util/format-shapes.js';

/**
 * The annotations: written in a type's braces next to its constraints (as OpenAPI writes them
 * in the same Schema Object), they describe values rather than restrict them.
 */
export const annotationNames = ['example', 'default', 'deprecated', 'readOnly', 'writeOnly'];

/** Checks of annotations: where they may stand, and that examples and defaults fit their type. */
export class AnnotationChecks {
  /** Checks one annotation; false when it does not fit. */
  check(
    constraint: Constraint,
    ref: TypeRef,
    type: SpeclType,
    accept: ValidationAcceptor,
  ): boolean {
    const fail = <M extends MessageId<'specl/invalid-annotation'>>(
      id: M,
      args: MessageArguments<MessageOf<'specl/invalid-annotation', M>>,
    ) => {
      report(accept, 'specl/invalid-annotation', id, args, {
        node: constraint,
        property: 'value',
      });
      return false;
    };
    const name = constraint.name;
    const holder = ref.$container;
    if (name === 'deprecated' || name === 'readOnly' || name === 'writeOnly') {
      if (!isBooleanLiteral(constraint.value)) return fail('takesTrueOr', { name });
      if (name !== 'deprecated' && !isField(holder)) return fail('appliesRecordS', { name });
      const other = name === 'readOnly' ? 'writeOnly' : 'readOnly';
      const both = ref.constraints.some(
        (c) => c.name === other && isBooleanLiteral(c.value) && c.value.value,
      );
      if (name === 'writeOnly' && both && constraint.value.value)
        return fail('fieldBothReadOnly', {});
      return true;
    }
    if (name === 'default') {
      const optional =
        (isField(holder) || isQueryParam(holder) || isHeaderParam(holder)) && holder.optional;
      if (!optional) return fail('defaultAppliesOptional', {});
    }
    const problem = this.valueProblem(constraint, ref, type);
    return problem === undefined ? true : fail('default', { name, problem });
  }

  /** Why a literal does not fit a type and its constraints, or undefined when it fits. */
  private valueProblem(constraint: Constraint, ref: TypeRef, type: SpeclType): string | undefined {
    const value = constraint.value;
    const n = constraintNumber(value);
    const limits = new Map(
      effectiveConstraints(ref).map((c) => [c.name, c.constraint.value] as const),
    );
    const limit = (key: string) => constraintNumber(limits.get(key));
    switch (type.kind) {
      case 'unknown':
        return undefined;
      case 'enum':
        if (!isStringLiteral(value)) return `must be a member of ${type.decl.name}, in quotes`;
        return type.decl.members.some((m) => m.name === value.value)
          ? undefined
          : `is not a member of ${type.decl.name} (${type.decl.members.map((m) => m.name).join(', ')})`;
      case 'primitive':
        break;
      default:
        return `must be a literal, so it fits only a String, number, Bool or enum, not ${typeToString(type)}; give examples on the fields instead`;
    }
    if (type.name === 'Bool')
      return isBooleanLiteral(value) ? undefined : 'must be `true` or `false`';
    if (type.name === 'Int' || type.name === 'Float') {
      if (n === undefined) return `must be a number, since the type is ${type.name}`;
      if (type.name === 'Int' && !Number.isInteger(n)) return 'must be a whole number';
      const min = limit('min');
      const max = limit('max');
      const exMin = limit('exclusiveMin');
      const exMax = limit('exclusiveMax');
      if (min !== undefined && n < min) return `is below the minimum ${min}`;
      if (max !== undefined && n > max) return `is above the maximum ${max}`;
      if (exMin !== undefined && n <= exMin) return `must be above ${exMin}`;
      if (exMax !== undefined && n >= exMax) return `must be below ${exMax}`;
      return undefined;
    }
    if (isStringLike(type)) {
      if (!isStringLiteral(value)) return `must be a string, since the type is ${type.name}`;
      const text = value.value;
      const shape = FORMAT_SHAPES[type.name];
      if (shape && !shape.test(text)) return `is not a valid ${type.name}`;
      const length = [...text].length;
      const minLength = limit('minLength');
      const maxLength = limit('maxLength');
      if (minLength !== undefined && length < minLength)
        return `is shorter than the minLength ${minLength}`;
      if (maxLength !== undefined && length > maxLength)
        return `is longer than the maxLength ${maxLength}`;
      const pattern = limits.get('pattern');
      if (isStringLiteral(pattern) && !safeTest(pattern.value, text))
        return `does not match the pattern ${JSON.stringify(pattern.value)}`;
      return undefined;
    }
    return `cannot be written for ${type.name}`;
  }
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return true; // an invalid pattern is reported on its own
  }
}
