import { describe, expect, it } from 'vitest';
import { reflection } from '../../packages/language/src/generated/ast.js';

// The linker, the typing and the checks tell these AST types apart by `$type` (one read instead
// of a question to the reflection for each type tried), which is `isX` only for a type that has
// no subtype: a grammar change that gives one a subtype must change those places too.
const DISPATCHED_BY_TYPE = [
  // scoping/specl-scope-provider.ts (getScope)
  'NameRef',
  'MemberAccess',
  'FieldInit',
  'Argument',
  'EndpointCall',
  'PaginatedClause',
  // scoping/local-names.ts (forEachLocalName, endpointParameters)
  'Quantifier',
  'RecordDecl',
  'ErrorDecl',
  'Endpoint',
  'Property',
  // typing/resolve-type.ts
  'UnionTypeRef',
  'EnumDecl',
  'AliasDecl',
  // typing/type-of.ts (typeOfNamedElement, typeOfMember), util/by-type.ts users
  'Field',
  'PathParam',
  'BodyClause',
  'ForallVar',
  'QueryParam',
  'HeaderParam',
  'Let',
  'QuantifierVar',
  'EnumMember',
  'TypeRef',
  'ResponseHeader',
  // typing/records.ts (a record's members)
  'Spread',
  'Invariant',
  'OpenFields',
  // util/by-type.ts users (an endpoint's clauses)
  'ResponseClause',
  'ErrorsClause',
  // util/constraint-number.ts
  'ConstNumber',
  // validation/declaration-checks.ts (checkTypeRefTarget), expression-checks.ts (checkNameRef,
  // checkResponseRef)
  'SpecHeader',
  'HeadersDecl',
  'RequiresClause',
  'EnsuresClause',
];

describe('AST types dispatched by `$type`', () => {
  it.each(DISPATCHED_BY_TYPE)('%s has no subtype', (type) => {
    expect(reflection.getAllTypes()).toContain(type);
    expect(reflection.getAllSubTypes(type)).toEqual([type]);
  });
});
