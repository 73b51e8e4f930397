/** The AST types of the declarations that are types: records, aliases, enums and errors. */
export const typeDeclarationTypes: ReadonlySet<string> = new Set([
  'RecordDecl',
  'AliasDecl',
  'EnumDecl',
  'ErrorDecl',
]);

/** The AST types of every top-level declaration: the types, endpoints, properties and headers. */
export const declarationTypes: ReadonlySet<string> = new Set([
  ...typeDeclarationTypes,
  'Endpoint',
  'Property',
  'HeadersDecl',
]);
