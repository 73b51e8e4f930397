import type { Direction } from '../../ir/directional-types.js';
import type { ConstraintsIR, PrimitiveName, TypeIR } from '../../ir/spec-ir.js';
import type { TypeScriptNames } from './ts-names.js';
import { tsNumber, tsString } from './ts-syntax.js';

const PRIMITIVE_TYPES: Readonly<Record<PrimitiveName, string>> = {
  String: 'string',
  Int: 'number',
  Float: 'number',
  Bool: 'boolean',
  Uuid: 'string',
  Email: 'string',
  Url: 'string',
  Date: 'string',
  DateTime: 'string',
  Bytes: 'Uint8Array',
  Json: 'unknown',
  Int32: 'number',
  Int64: 'number',
  Decimal: 'string',
  UriTemplate: 'string',
};

/** A constant as a TypeScript literal type (`"card"`, `3`, `true`). */
function constantText(value: number | string | boolean): string {
  if (typeof value === 'number') return tsNumber(value);
  return typeof value === 'string' ? tsString(value) : String(value);
}

/** Whether a type's text must be parenthesised before `[]`. */
const needsParens = (type: TypeIR) => type.kind === 'union' || type.kind === 'nullable';

/**
 * The TypeScript type of a Specl type: primitives as `string`, `number` or `boolean` (formats
 * and constraints are checked by the validators, not by the type), `T[]`, `Record<string, T>`,
 * `A | B`, `T | null`, and named types by their TypeScript names; with a `direction`, named
 * types as they travel that way (`<Type>Request`, `<Type>Response`).
 */
export function typeText(type: TypeIR, names: TypeScriptNames, direction?: Direction): string {
  switch (type.kind) {
    case 'primitive':
      if (type.constraints.const !== undefined) return constantText(type.constraints.const);
      return PRIMITIVE_TYPES[type.name];
    case 'list': {
      const element = typeText(type.element, names, direction);
      return needsParens(type.element) ? `(${element})[]` : `${element}[]`;
    }
    case 'map':
      return `Record<string, ${typeText(type.value, names, direction)}>`;
    case 'ref':
      return direction ? names.directionalType(type.name, direction) : names.type(type.name);
    case 'union':
      return type.options.map((option) => typeText(option, names, direction)).join(' | ');
    case 'nullable':
      return `${typeText(type.inner, names, direction)} | null`;
  }
}

/** The constraints in the order Specl documents them. */
const CONSTRAINT_ORDER: readonly (keyof ConstraintsIR)[] = [
  'min',
  'max',
  'exclusiveMin',
  'exclusiveMax',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'unique',
];

/** The constraints that are set, in a fixed order. */
export function constraintEntries(
  constraints: ConstraintsIR,
): [keyof ConstraintsIR, number | string | boolean][] {
  return CONSTRAINT_ORDER.flatMap((key) => {
    const value = constraints[key] as number | string | boolean | undefined;
    return value === undefined ? [] : [[key, value] as [keyof ConstraintsIR, typeof value]];
  });
}

/** Constraints as a TypeScript object literal (`{ min: 0, max: 366 }`), or undefined when none. */
export function constraintsLiteral(constraints: ConstraintsIR): string | undefined {
  const entries = constraintEntries(constraints);
  if (entries.length === 0) return undefined;
  const value = (v: number | string | boolean) =>
    typeof v === 'number' ? tsNumber(v) : typeof v === 'string' ? tsString(v) : String(v);
  return `{ ${entries.map(([key, v]) => `${key}: ${value(v)}`).join(', ')} }`;
}

function speclConstraints(constraints: ConstraintsIR): string {
  const entries = constraintEntries(constraints);
  if (entries.length === 0) return '';
  const value = (v: number | string | boolean) =>
    typeof v === 'string' ? JSON.stringify(v) : String(v);
  return ` { ${entries.map(([key, v]) => `${key}: ${value(v)}`).join(', ')} }`;
}

/** A type as Specl writes it (`List<String> { maxItems: 10 }`, `Int? { min: 1 }`), for doc comments. */
export function speclTypeText(type: TypeIR, nullable = false): string {
  const mark = nullable ? '?' : '';
  switch (type.kind) {
    case 'primitive': {
      const c = type.constraints.const;
      const name = c === undefined ? type.name : JSON.stringify(c);
      return `${name}${mark}${speclConstraints(type.constraints)}`;
    }
    case 'list':
      return `List<${speclTypeText(type.element)}>${mark}${speclConstraints(type.constraints)}`;
    case 'map':
      return `Map<${speclTypeText(type.value)}>${mark}${speclConstraints(type.constraints)}`;
    case 'ref':
      return `${type.name}${mark}${speclConstraints(type.constraints)}`;
    case 'union':
      // `A? | B` is how Specl writes a union that admits null (types have no parentheses).
      return type.options
        .map((option, i) => speclTypeText(option, nullable && i === 0))
        .join(' | ');
    case 'nullable':
      return speclTypeText(type.inner, true);
  }
}

/**
 * Whether the TypeScript type says less than the Specl type (a format, `Int`, a constraint),
 * so that doc comments should show the Specl type.
 */
export function losesDetail(type: TypeIR): boolean {
  switch (type.kind) {
    case 'primitive':
      return (
        !['String', 'Float', 'Bool'].includes(type.name) ||
        constraintEntries(type.constraints).length > 0
      );
    case 'list':
      return constraintEntries(type.constraints).length > 0 || losesDetail(type.element);
    case 'map':
      return constraintEntries(type.constraints).length > 0 || losesDetail(type.value);
    case 'ref':
      return constraintEntries(type.constraints).length > 0;
    case 'union':
      return type.options.some(losesDetail);
    case 'nullable':
      return losesDetail(type.inner);
  }
}
