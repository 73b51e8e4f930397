import { describe, expect, it } from 'vitest';
import { reflection } from '../../packages/language/src/generated/ast.js';

// Lowering (packages/compiler/src/lower/) tells these AST types apart by `$type` (one read
// instead of a question to the reflection for each type tried), which is Langium's `isX` only
// for a type that has no subtype: a grammar change that gives one a subtype must change
// lowering too.
const DISPATCHED_BY_TYPE = [
  // lower-spec.ts (declarations, property statements)
  'RecordDecl',
  'ErrorDecl',
  'AliasDecl',
  'EnumDecl',
  'Endpoint',
  'Property',
  'AuthDecl',
  'TagDecl',
  'HeadersDecl',
  'Forall',
  'Let',
  'EndpointCall',
  // lower-type.ts (type expressions, constraint values)
  'TypeRef',
  'StringLiteral',
  'BooleanLiteral',
  // lower-expr.ts (the target of a name)
  'PathParam',
  'QueryParam',
  'HeaderParam',
  'ForallVar',
  'QuantifierVar',
  'EnumMember',
  'NameRef',
];

describe('AST types lowering dispatches by `$type`', () => {
  it.each(DISPATCHED_BY_TYPE)('%s has no subtype', (type) => {
    expect(reflection.getAllTypes()).toContain(type);
    expect(reflection.getAllSubTypes(type)).toEqual([type]);
  });
});
