import type { AliasDecl, Endpoint, EnumDecl, ErrorDecl, RecordDecl } from '../generated/ast.js';

/** The primitive types of Specl. The string formats (`Uuid`, `Email`, ...) are strings on the wire. */
export type PrimitiveName =
  'String' | 'Int' | 'Float' | 'Bool' | 'Uuid' | 'Email' | 'Url' | 'Date' | 'DateTime' | 'Bytes';

/**
 * The static type of a Specl expression or type reference, after aliases are resolved.
 * `unknown` stands for a type that could not be determined because of an error already
 * reported; it is compatible with everything so that one mistake gives one diagnostic.
 */
export type SpeclType =
  | { readonly kind: 'primitive'; readonly name: PrimitiveName }
  | { readonly kind: 'list'; readonly element: SpeclType }
  | { readonly kind: 'map'; readonly value: SpeclType }
  | { readonly kind: 'record'; readonly decl: RecordDecl | ErrorDecl }
  | { readonly kind: 'enum'; readonly decl: EnumDecl }
  | { readonly kind: 'union'; readonly options: readonly SpeclType[] }
  | { readonly kind: 'optional'; readonly inner: SpeclType }
  | { readonly kind: 'null' }
  | { readonly kind: 'outcome'; readonly value: SpeclType; readonly errors: readonly ErrorDecl[] }
  | { readonly kind: 'typeName'; readonly decl: EnumDecl | RecordDecl | AliasDecl | ErrorDecl }
  /** `headers` in an `ensures`: the success answer's headers, read one by one (`headers.x`). */
  | { readonly kind: 'responseHeaders'; readonly endpoint: Endpoint }
  | { readonly kind: 'unknown' };

/** The type of an expression whose type could not be determined (after a reported error). */
export const unknownType: SpeclType = { kind: 'unknown' };
export const nullType: SpeclType = { kind: 'null' };
export const boolType: SpeclType = { kind: 'primitive', name: 'Bool' };
export const intType: SpeclType = { kind: 'primitive', name: 'Int' };
export const floatType: SpeclType = { kind: 'primitive', name: 'Float' };
export const stringType: SpeclType = { kind: 'primitive', name: 'String' };

/** The string formats: strings on the wire, with a JSON Schema `format`. */
export const stringFormats: ReadonlySet<PrimitiveName> = new Set([
  'String',
  'Uuid',
  'Email',
  'Url',
  'Date',
  'DateTime',
]);

/** Removes one level of optionality: `T?` becomes `T`. */
export function stripOptional(type: SpeclType): SpeclType {
  return type.kind === 'optional' ? type.inner : type;
}

/** Makes a type optional, unless it already is (or is `null`/unknown). */
export function makeOptional(type: SpeclType): SpeclType {
  if (type.kind === 'optional' || type.kind === 'null' || type.kind === 'unknown') return type;
  return { kind: 'optional', inner: type };
}

/** Whether a type is a primitive, or one of the primitives named. */
export function isPrimitive(type: SpeclType, ...names: PrimitiveName[]): boolean {
  return type.kind === 'primitive' && (names.length === 0 || names.includes(type.name));
}

/** Whether a type is `Int` or `Float`. */
export function isNumeric(type: SpeclType): boolean {
  return isPrimitive(type, 'Int', 'Float');
}

/** Whether a type is `String` or a string format. */
export function isStringLike(type: SpeclType): boolean {
  return type.kind === 'primitive' && stringFormats.has(type.name);
}

/** Renders a type as it would be written in a spec, for messages and hovers. */
export function typeToString(type: SpeclType): string {
  switch (type.kind) {
    case 'primitive':
      return type.name;
    case 'list':
      return `List<${typeToString(type.element)}>`;
    case 'map':
      return `Map<${typeToString(type.value)}>`;
    case 'record':
    case 'enum':
      return type.decl.name;
    case 'union':
      return type.options.map(typeToString).join(' | ');
    case 'optional':
      return `${typeToString(type.inner)}?`;
    case 'null':
      return 'null';
    case 'outcome':
      return `outcome of ${typeToString(type.value)}`;
    case 'typeName':
      return `the type ${type.decl.name}`;
    case 'responseHeaders':
      return `the headers of ${type.endpoint.name}'s answer`;
    case 'unknown':
      return 'unknown';
  }
}
