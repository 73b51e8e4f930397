import type { PrimitiveName, TypeIR } from '../../ir/spec-ir.js';
import type { RuntimeHelper, RuntimeImports } from './runtime-imports.js';
import type { TypeScriptNames } from './ts-names.js';
import { tsString } from './ts-syntax.js';
import { constraintsLiteral, typeText } from './type-text.js';

/** What the code of a check needs: names, and the imports it adds to. */
export interface CheckContext {
  readonly names: TypeScriptNames;
  readonly imports: RuntimeImports;
}

const PRIMITIVE_CHECKS: Readonly<Record<PrimitiveName, RuntimeHelper>> = {
  String: 'checkString',
  Int: 'checkInt',
  Float: 'checkFloat',
  Bool: 'checkBool',
  Uuid: 'checkUuid',
  Email: 'checkEmail',
  Url: 'checkUrl',
  Date: 'checkDate',
  DateTime: 'checkDateTime',
  Bytes: 'checkBytes',
  Json: 'checkJson',
  Int32: 'checkInt32',
  Int64: 'checkInt64',
  Decimal: 'checkDecimal',
  UriTemplate: 'checkUriTemplate',
};

/** The code of a constant as a check's argument. */
function constantCode(value: string | number | boolean): string {
  return typeof value === 'string' ? tsString(value) : String(value);
}

/**
 * Code of type `ValidationResult` that checks the value `value` at the path `path` against a
 * type: its shape, its constraints, and (through the named types' validators) invariants.
 */
export function checkCall(
  type: TypeIR,
  value: string,
  path: string,
  context: CheckContext,
): string {
  const helper = (name: RuntimeHelper) => context.imports.helper(name);
  const args = (...rest: (string | undefined)[]) =>
    [value, path, ...rest.filter((arg) => arg !== undefined)].join(', ');
  switch (type.kind) {
    case 'primitive':
      if (type.constraints.const !== undefined)
        return `${helper('checkConst')}(${args(constantCode(type.constraints.const))})`;
      return `${helper(PRIMITIVE_CHECKS[type.name])}(${args(constraintsLiteral(type.constraints))})`;
    case 'list':
      return `${helper('checkList')}(${args(
        checkFunction(type.element, context),
        constraintsLiteral(type.constraints),
      )})`;
    case 'map':
      return `${helper('checkMap')}(${args(checkFunction(type.value, context))})`;
    case 'ref': {
      const validator = context.names.validator(type.name);
      const constraints = constraintsLiteral(type.constraints);
      if (constraints === undefined) return `${validator}(${args()})`;
      return `${helper('checkRefined')}(${args(validator, constraints)})`;
    }
    case 'nullable':
      return `${helper('checkNullable')}(${args(checkFunction(type.inner, context))})`;
    case 'union': {
      const options = type.options.map((option) => checkFunction(option, context));
      const expected = tsString(typeText(type, context.names));
      return `${helper('checkUnion')}(${args(`[${options.join(', ')}]`, expected)})`;
    }
  }
}

/**
 * Code of type `Check` for a type: the validator or primitive check itself when the type is a
 * bare name or an unconstrained primitive, and otherwise `(v, p) => ...`.
 */
export function checkFunction(type: TypeIR, context: CheckContext): string {
  if (type.kind === 'ref' && constraintsLiteral(type.constraints) === undefined)
    return context.names.validator(type.name);
  if (
    type.kind === 'primitive' &&
    type.constraints.const === undefined &&
    constraintsLiteral(type.constraints) === undefined
  )
    return context.imports.helper(PRIMITIVE_CHECKS[type.name]);
  return `(v, p) => ${checkCall(type, 'v', 'p', context)}`;
}
