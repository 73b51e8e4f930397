import type {
  AliasIR,
  EnumIR,
  ErrorIR,
  FieldIR,
  RecordIR,
  SpecIR,
  TypeDeclIR,
  TypeIR,
} from '../../ir/spec-ir.js';
import type { Direction } from '../../ir/directional-types.js';
import { isHiddenIn } from '../../ir/directional-types.js';
import type { TypeScriptNames } from './ts-names.js';
import { tsString } from './ts-syntax.js';
import { losesDetail, speclTypeText, typeText } from './type-text.js';
import type { DeclarationModel, PropertyModel } from './types-module.js';

/** A doc paragraph showing the Specl type, when the TypeScript type says less. */
export function speclTypeDoc(type: TypeIR): string | undefined {
  return losesDetail(type) ? `Specl type: \`${speclTypeText(type)}\`.` : undefined;
}

function fieldProperty(
  field: FieldIR,
  names: TypeScriptNames,
  direction?: Direction,
): PropertyModel {
  return {
    kind: 'property',
    name: field.name,
    optional: field.optional || (direction !== undefined && isHiddenIn(field, direction)),
    type: typeText(field.type, names, direction),
    doc: [field.description, speclTypeDoc(field.type)],
  };
}

/** What a type's `<Type>Request` or `<Type>Response` says of itself. */
const DIRECTION_DOCS: Readonly<Record<Direction, string>> = {
  request: 'as a request carries it: its readOnly fields (at any depth) may be absent.',
  response: 'as a response carries it: its writeOnly fields (at any depth) may be absent.',
};

function recordInterface(
  decl: RecordIR | ErrorIR,
  names: TypeScriptNames,
  direction?: Direction,
): DeclarationModel {
  const invariants = decl.invariants.map((inv) => `- \`${inv.source}\``).join('\n');
  const validator = direction
    ? names.directionalValidator(decl.name, direction)
    : names.validator(decl.name);
  return {
    kind: 'interface',
    name: direction ? names.directionalType(decl.name, direction) : names.type(decl.name),
    doc: [
      direction ? `{@link ${names.type(decl.name)}} ${DIRECTION_DOCS[direction]}` : undefined,
      decl.description,
      decl.kind === 'error'
        ? `The body of the error answered with HTTP ${decl.status}.`
        : undefined,
      invariants && `Invariants (checked by {@link ${validator}}):\n${invariants}`,
    ],
    members: decl.fields.map((field) => fieldProperty(field, names, direction)),
    // `unknown`: TypeScript wants every field to fit the index signature, which `T` may not.
    ...(decl.openFields && {
      rest: {
        type: 'unknown',
        doc: [`Further fields, each a \`${speclTypeText(decl.openFields)}\` (\`...Map<T>\`).`],
      },
    }),
  };
}

function aliasType(decl: AliasIR, names: TypeScriptNames, direction?: Direction): DeclarationModel {
  return {
    kind: 'type',
    name: direction ? names.directionalType(decl.name, direction) : names.type(decl.name),
    doc: [
      direction ? `{@link ${names.type(decl.name)}} ${DIRECTION_DOCS[direction]}` : undefined,
      decl.description,
      speclTypeDoc(decl.type),
    ],
    options: [typeText(decl.type, names, direction)],
  };
}

/** A type's `<Type>Request` and `<Type>Response`, for the directions it differs in. */
function directionalDeclarations(decl: TypeDeclIR, names: TypeScriptNames): DeclarationModel[] {
  return (['request', 'response'] as const)
    .filter((direction) => names.isDirectional(decl.name, direction))
    .flatMap((direction) => {
      if (decl.kind === 'record' || decl.kind === 'error')
        return [recordInterface(decl, names, direction)];
      return decl.kind === 'alias' ? [aliasType(decl, names, direction)] : [];
    });
}

function enumDeclarations(decl: EnumIR, names: TypeScriptNames): DeclarationModel[] {
  const name = names.type(decl.name);
  const documented = decl.members
    .filter((member) => member.description !== undefined)
    .map((member) => `- \`${member.name}\`: ${member.description}`);
  const members = decl.members.map((member) => tsString(member.name));
  return [
    {
      kind: 'type',
      name,
      doc: [decl.description, documented.join('\n')],
      options: members.length > 0 ? [members.join(' | ')] : ['never'],
    },
    {
      kind: 'const',
      name,
      doc: [`The members of {@link ${name}}, in the order declared.`],
      value: [`[${members.join(', ')}] as const`],
    },
  ];
}

/**
 * The declarations of a spec's named types, in the IR's order: an interface per record and
 * error (optional fields as `name?:`), a type per alias, and per enum a string-literal union
 * with a constant list of its members; after a type that differs by direction, its
 * `<Type>Request` and `<Type>Response`.
 */
export function typeDeclarations(ir: SpecIR, names: TypeScriptNames): DeclarationModel[] {
  return ir.types.flatMap((decl): DeclarationModel[] => {
    switch (decl.kind) {
      case 'record':
      case 'error':
        return [recordInterface(decl, names), ...directionalDeclarations(decl, names)];
      case 'alias':
        return [aliasType(decl, names), ...directionalDeclarations(decl, names)];
      case 'enum':
        return enumDeclarations(decl, names);
    }
  });
}
