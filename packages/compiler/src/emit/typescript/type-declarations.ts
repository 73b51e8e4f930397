import type {
  AliasIR,
  EnumIR,
  ErrorIR,
  FieldIR,
  RecordIR,
  SpecIR,
  TypeIR,
} from '../../ir/spec-ir.js';
import type { TypeScriptNames } from './ts-names.js';
import { tsString } from './ts-syntax.js';
import { losesDetail, speclTypeText, typeText } from './type-text.js';
import type { DeclarationModel, PropertyModel } from './types-module.js';

/** A doc paragraph showing the Specl type, when the TypeScript type says less. */
export function speclTypeDoc(type: TypeIR): string | undefined {
  return losesDetail(type) ? `Specl type: \`${speclTypeText(type)}\`.` : undefined;
}

function fieldProperty(field: FieldIR, names: TypeScriptNames): PropertyModel {
  return {
    kind: 'property',
    name: field.name,
    optional: field.optional,
    type: typeText(field.type, names),
    doc: [field.description, speclTypeDoc(field.type)],
  };
}

function recordInterface(decl: RecordIR | ErrorIR, names: TypeScriptNames): DeclarationModel {
  const invariants = decl.invariants.map((inv) => `- \`${inv.source}\``).join('\n');
  return {
    kind: 'interface',
    name: names.type(decl.name),
    doc: [
      decl.description,
      decl.kind === 'error'
        ? `The body of the error answered with ${errorStatusText(decl.status)}.`
        : undefined,
      invariants && `Invariants (checked by {@link ${names.validator(decl.name)}}):\n${invariants}`,
    ],
    members: decl.fields.map((field) => fieldProperty(field, names)),
    // `unknown`: TypeScript wants every field to fit the index signature, which `T` may not.
    ...(decl.openFields && {
      rest: {
        type: 'unknown',
        doc: [`Further fields, each a \`${speclTypeText(decl.openFields)}\` (\`...Map<T>\`).`],
      },
    }),
  };
}

function aliasType(decl: AliasIR, names: TypeScriptNames): DeclarationModel {
  return {
    kind: 'type',
    name: names.type(decl.name),
    doc: [decl.description, speclTypeDoc(decl.type)],
    options: [typeText(decl.type, names)],
  };
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
 * with a constant list of its members.
 */
export function typeDeclarations(ir: SpecIR, names: TypeScriptNames): DeclarationModel[] {
  return ir.types.flatMap((decl): DeclarationModel[] => {
    switch (decl.kind) {
      case 'record':
      case 'error':
        return [recordInterface(decl, names)];
      case 'alias':
        return [aliasType(decl, names)];
      case 'enum':
        return enumDeclarations(decl, names);
    }
  });
}

/** An error's status in words: `HTTP 404`, `any HTTP 4xx status`, `any HTTP status`. */
function errorStatusText(status: ErrorIR['status']): string {
  if (typeof status === 'number') return `HTTP ${status}`;
  return status === 'default'
    ? 'any HTTP status its endpoint declares no other way'
    : `any HTTP ${status[0]}xx status its endpoint does not declare exactly`;
}
