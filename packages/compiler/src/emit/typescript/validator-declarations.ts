import type {
  AliasIR,
  EnumIR,
  ErrorIR,
  FieldIR,
  RecordIR,
  SpecIR,
  TypeDeclIR,
} from '../../ir/spec-ir.js';
import type { CheckContext } from './check-code.js';
import { checkCall, checkFunction } from './check-code.js';
import type { TranslationContext } from './translate-expression.js';
import { translateExpression } from './translate-expression.js';
import type { TypesByName } from './type-lookup.js';
import { propertyAccess, propertyKey, tsString } from './ts-syntax.js';
import { tagOf } from '../../ir/discriminator-tags.js';
import type { Direction } from '../../ir/directional-types.js';
import { invariantUse, isHiddenIn } from '../../ir/directional-types.js';
import type { ConstModel, DeclarationModel, FunctionModel } from './types-module.js';

/** What validators are built from: names, imports, and the spec's types by name. */
export interface ValidatorContext extends CheckContext {
  readonly types: TypesByName;
}

const VALIDATOR_PARAMS = "value: unknown, path = '$'";

/** A validator context whose named types are checked as they travel one way. */
function directed(context: ValidatorContext, direction: Direction): ValidatorContext {
  const names = {
    ...context.names,
    validator: (name: string) => context.names.directionalValidator(name, direction),
  };
  return { ...context, names };
}

const DIRECTION_NOTES: Readonly<Record<Direction, string>> = {
  request: 'As a request carries it: its readOnly fields may be absent.',
  response: 'As a response carries it: its writeOnly fields may be absent.',
};

function validatorDoc(
  decl: TypeDeclIR,
  context: ValidatorContext,
  direction?: Direction,
): string[] {
  const others = (d: RecordIR | ErrorIR) =>
    d.openFields ? 'and others of the type its `...Map<T>` gives' : 'and no others';
  const checks =
    decl.kind === 'enum'
      ? 'one of its members'
      : decl.kind === 'alias'
        ? decl.discriminator !== undefined
          ? `the option its \`${decl.discriminator}\` names`
          : 'the type it stands for, with its constraints'
        : `its fields (required and optional, ${others(decl)}), their types and constraints${decl.invariants.length > 0 ? ', then its invariants' : ''}`;
  return [
    `Checks a value against {@link ${context.names.type(decl.name)}}: ${checks}.`,
    'Answers the first problem found, with its path below `path` (`$` for the value itself).',
    ...(direction ? [DIRECTION_NOTES[direction]] : []),
  ];
}

/** Statements that run checks in order and return the first failure, or the last result. */
function firstFailure(checks: readonly string[]): string[] {
  if (checks.length === 1) return [`return ${checks[0]};`];
  return checks.flatMap((check, i) => {
    if (i === checks.length - 1) return [`return ${check};`];
    return [`${i === 0 ? 'let result' : 'result'} = ${check};`, 'if (!result.ok) return result;'];
  });
}

/**
 * The invariants a record's validator checks: all of them; in a direction that leaves fields
 * out, each as {@link invariantUse} says (one about a hidden field only when the value has it).
 */
function invariantList(
  decl: RecordIR | ErrorIR,
  context: ValidatorContext,
  direction?: Direction,
): string {
  const table = context.names.invariants(decl.name);
  if (direction === undefined) return table;
  const differs = (name: string) => context.names.isDirectional(name, direction);
  const uses = decl.invariants.map((invariant) =>
    invariantUse(decl, invariant, direction, differs),
  );
  if (uses.every((use) => use.kind === 'always')) return table;
  const items = uses.flatMap((use, i) => {
    const item = `${table}[${i}]!`;
    if (use.kind === 'never') return [];
    if (use.kind === 'always') return [item];
    const present = use.fields.map((field) => `${tsString(field)} in value`).join(' && ');
    return [`...(${present} ? [${item}] : [])`];
  });
  return `[${items.join(', ')}]`;
}

function recordValidator(
  decl: RecordIR | ErrorIR,
  context: ValidatorContext,
  direction?: Direction,
): FunctionModel {
  const { names, imports } = context;
  const hidden = (field: FieldIR) => direction !== undefined && isHiddenIn(field, direction);
  const fieldChecks = decl.fields.map((field) => {
    const optional = field.optional || hidden(field);
    const helper = imports.helper(optional ? 'optionalField' : 'requiredField');
    return `${helper}(value, ${tsString(field.name)}, path, ${checkFunction(field.type, context)})`;
  });
  const known = decl.fields.map((field) => tsString(field.name)).join(', ');
  const others = decl.openFields
    ? `${imports.helper('otherFields')}(value, path, [${known}], ${checkFunction(decl.openFields, context)})`
    : `${imports.helper('onlyFields')}(value, path, ${tsString(decl.name)}, [${known}])`;
  const invariants =
    decl.invariants.length === 0
      ? []
      : [
          `${imports.helper('checkInvariants')}(value as unknown as ${names.type(decl.name)}, path, ${invariantList(decl, context, direction)})`,
        ];
  return {
    kind: 'function',
    name: names.validator(decl.name),
    doc: validatorDoc(decl, context, direction),
    params: VALIDATOR_PARAMS,
    returns: imports.type('ValidationResult'),
    body: [
      `if (!${imports.helper('isObject')}(value)) return ${imports.helper('mismatch')}(path, ${tsString(`an object (${decl.name})`)}, value);`,
      ...firstFailure([...fieldChecks, others, ...invariants]),
    ],
  };
}

function invariantsTable(decl: RecordIR | ErrorIR, context: ValidatorContext): ConstModel {
  const { names, imports, types } = context;
  const typeName = names.type(decl.name);
  const entries = decl.invariants.flatMap((invariant) => {
    let readsValue = false;
    const translation: TranslationContext = {
      resolve(reference) {
        const field =
          reference.kind === 'name'
            ? decl.fields.find((f) => f.name === reference.name)
            : undefined;
        if (field === undefined) {
          const what = reference.kind === 'name' ? reference.name : reference.kind;
          throw new Error(
            `an invariant of ${decl.name} reads ${what}, which is not one of its fields`,
          );
        }
        readsValue = true;
        return {
          code: `value${propertyAccess(field.name)}`,
          type: field.type,
          optional: field.optional,
        };
      },
      helper: (name) => imports.helper(name),
      types,
      reserved: ['value'],
    };
    const code = translateExpression(invariant.expr, translation);
    const { file, line, column } = invariant.location;
    return [
      '  {',
      `    source: ${tsString(invariant.source)},`,
      `    at: ${tsString(`${file}:${line}:${column}`)},`,
      `    holds: (${readsValue ? 'value' : ''}) => ${code},`,
      '  },',
    ];
  });
  return {
    kind: 'const',
    name: names.invariants(decl.name),
    doc: [
      `The invariants of {@link ${typeName}}, in the order written, each a function over a value.`,
    ],
    type: `readonly ${imports.type('Invariant')}<${typeName}>[]`,
    value: ['[', ...entries, ']'],
  };
}

/** `checkTagged(...)` for a discriminated union: each option's validator by its tag. */
function taggedCheck(decl: AliasIR, field: string, context: ValidatorContext): string {
  const options = decl.type.kind === 'union' ? decl.type.options : [decl.type];
  const entries = options.flatMap((option) => {
    const tag = option.kind === 'ref' ? tagOf(option.name, field, context.types) : undefined;
    return tag === undefined
      ? []
      : [`${propertyKey(tag, true)}: ${checkFunction(option, context)}`];
  });
  const expected = tsString(decl.name);
  return `${context.imports.helper('checkTagged')}(value, path, ${tsString(field)}, { ${entries.join(', ')} }, ${expected})`;
}

function aliasValidator(
  decl: AliasIR,
  context: ValidatorContext,
  direction?: Direction,
): FunctionModel {
  if (decl.discriminator !== undefined)
    return {
      kind: 'function',
      name: context.names.validator(decl.name),
      doc: validatorDoc(decl, context, direction),
      params: VALIDATOR_PARAMS,
      returns: context.imports.type('ValidationResult'),
      body: [`return ${taggedCheck(decl, decl.discriminator, context)};`],
    };
  return {
    kind: 'function',
    name: context.names.validator(decl.name),
    doc: validatorDoc(decl, context, direction),
    params: VALIDATOR_PARAMS,
    returns: context.imports.type('ValidationResult'),
    body: [`return ${checkCall(decl.type, 'value', 'path', context)};`],
  };
}

function enumValidator(decl: EnumIR, context: ValidatorContext): FunctionModel {
  return {
    kind: 'function',
    name: context.names.validator(decl.name),
    doc: validatorDoc(decl, context),
    params: VALIDATOR_PARAMS,
    returns: context.imports.type('ValidationResult'),
    body: [
      `return ${context.imports.helper('checkEnum')}(value, path, ${context.names.type(decl.name)});`,
    ],
  };
}

/**
 * The validators, in the IR's order: `validate<Type>(value: unknown, path = '$')` for every
 * named type (a record's followed by `invariantsOf<Type>` when it has invariants), then the
 * `validators` map from type names to validators.
 */
export function validatorDeclarations(ir: SpecIR, context: ValidatorContext): DeclarationModel[] {
  const variants = (decl: TypeDeclIR): DeclarationModel[] =>
    (['request', 'response'] as const)
      .filter((direction) => context.names.isDirectional(decl.name, direction))
      .flatMap((direction) => {
        const inner = directed(context, direction);
        if (decl.kind === 'record' || decl.kind === 'error')
          return [recordValidator(decl, inner, direction)];
        if (decl.kind === 'alias') return [aliasValidator(decl, inner, direction)];
        return [];
      });
  const functions = ir.types.flatMap((decl): DeclarationModel[] => [
    ...plainValidators(decl),
    ...variants(decl),
  ]);
  function plainValidators(decl: TypeDeclIR): DeclarationModel[] {
    switch (decl.kind) {
      case 'record':
      case 'error':
        return decl.invariants.length > 0
          ? [recordValidator(decl, context), invariantsTable(decl, context)]
          : [recordValidator(decl, context)];
      case 'alias':
        return [aliasValidator(decl, context)];
      case 'enum':
        return [enumValidator(decl, context)];
    }
  }
  const entries = ir.types.map(
    (decl) => `  ${propertyKey(decl.name, true)}: ${context.names.validator(decl.name)},`,
  );
  const map: DeclarationModel = {
    kind: 'const',
    name: context.names.validators,
    doc: ['Every validator, by the name of the type it checks.'],
    type: `Readonly<Record<string, ${context.imports.type('Validator')}>>`,
    value: entries.length > 0 ? ['{', ...entries, '}'] : ['{}'],
  };
  return [...functions, map];
}
