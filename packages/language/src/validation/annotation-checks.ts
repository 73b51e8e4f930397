import type { ValidationAcceptor } from 'langium';
import type { AnnotationValue, Constraint, TypeRef } from '../generated/ast.js';
import {
  isBodyClause,
  isBooleanLiteral,
  isField,
  isHeaderParam,
  isJsonObject,
  isQueryParam,
  isResponseClause,
} from '../generated/ast.js';
import { report } from './report.js';
import type { MessageId, MessageOf } from './diagnostic-codes.js';
import type { MessageArguments } from './message-template.js';
import { jsonKeyPath } from '../util/annotation-json.js';
import type { ExampleDirection } from './example-value-check.js';
import { exampleProblem } from './example-value-check.js';

/**
 * The annotations: written in a type's braces next to its constraints (as OpenAPI writes them
 * in the same Schema Object), they describe values rather than restrict them.
 */
export const annotationNames = [
  'example',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
];

/** Checks of annotations: where they may stand, and that examples and defaults fit their type. */
export class AnnotationChecks {
  /** Checks one annotation; false when it does not fit. */
  check(constraint: Constraint, ref: TypeRef, accept: ValidationAcceptor): boolean {
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
    if (name === 'examples') {
      const body = messageOf(ref);
      if (!body) return fail('examplesOnMessage', {});
      if (!isJsonObject(constraint.value) || constraint.value.entries.length === 0)
        return fail('examplesNamed', {});
      // Every named example is judged, so each one that does not fit is reported.
      let fit = true;
      for (const entry of constraint.value.entries)
        fit =
          this.fits(
            entry.value,
            ref,
            'example',
            jsonKeyPath('examples', entry.key),
            body,
            accept,
          ) && fit;
      return fit;
    }
    const direction = (name === 'example' && messageOf(ref)) || 'any';
    return this.fits(constraint.value, ref, name, name, direction, accept);
  }

  /** Whether a value fits the type it annotates, reported where it does not. */
  private fits(
    value: AnnotationValue,
    ref: TypeRef,
    name: string,
    path: string,
    direction: ExampleDirection,
    accept: ValidationAcceptor,
  ): boolean {
    const problem = exampleProblem(value, ref, path, direction);
    if (!problem) return true;
    const args = { name, path: problem.path, problem: problem.problem };
    if (problem.path === name)
      report(accept, 'specl/invalid-annotation', 'default', args, { node: problem.node });
    else report(accept, 'specl/invalid-annotation', 'at', args, { node: problem.node });
    return false;
  }
}

/**
 * The message whose example a reference's annotation is, when the reference is the whole type
 * of a `body` (a request) or a `response` (an answer); undefined elsewhere.
 */
function messageOf(ref: TypeRef): 'request' | 'response' | undefined {
  if (ref.$containerProperty !== 'type') return undefined;
  if (isBodyClause(ref.$container)) return 'request';
  if (isResponseClause(ref.$container)) return 'response';
  return undefined;
}
