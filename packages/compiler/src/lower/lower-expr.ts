import type { AstNode } from 'langium';
import type { EnumDecl, EnumMember, Expression, SpeclType } from '@specl/language';
import { isResponseHeadersRef, stripOptional, typeOf } from '@specl/language';
import type { ExprIR, NameScope, ValueKind } from '../ir/spec-ir.js';

/** The run-time kind of a value of a type. */
export function valueKindOf(type: SpeclType): ValueKind {
  const plain = stripOptional(type);
  switch (plain.kind) {
    case 'primitive':
      if (plain.name === 'Int' || plain.name === 'Float') return 'number';
      if (plain.name === 'Bool') return 'bool';
      if (plain.name === 'Date') return 'date';
      if (plain.name === 'DateTime') return 'datetime';
      return 'string';
    case 'enum':
      return 'enum';
    case 'list':
      return 'list';
    case 'map':
      return 'map';
    case 'record':
      return 'record';
    case 'union':
      return plain.options.every((option) => stripOptional(option).kind === 'record')
        ? 'record'
        : 'unknown';
    case 'null':
      return 'null';
    case 'outcome':
      return 'outcome';
    default:
      return 'unknown';
  }
}

// The AST types below are told apart by `$type` (none has a subtype: test/compiler/
// lowering-leaf-types.test.ts), not by Langium's `isX`, which asks the reflection for each
// type tried: lowering asks of every name an expression reads.

/** The scope a name an expression reads belongs to (a field, unless another is its target). */
function scopeOf(target: AstNode | undefined): NameScope {
  switch (target?.$type) {
    case 'PathParam':
    case 'QueryParam':
    case 'HeaderParam':
      return 'param';
    case 'Let':
      return 'let';
    case 'ForallVar':
      return 'forall';
    case 'QuantifierVar':
      return 'quantifier';
    default:
      return 'field';
  }
}

/** Whether a name's target is a member of an enum (and not a field or another name). */
function isEnumMemberOfEnum(
  target: AstNode | undefined,
): target is EnumMember & { $container: EnumDecl } {
  return target?.$type === 'EnumMember' && target.$container?.$type === 'EnumDecl';
}

/** A checked expression as typed IR. */
export function lowerExpr(expr: Expression): ExprIR {
  const type = typeOf(expr);
  // Each node is written out as one object literal, `valueKind` and `optional` first, not as
  // `{ ...base, kind, ... }`: Node 20 builds keys after a spread on a slow path (see `Built`),
  // and lowering N = 5,000 makes 52,000 of these.
  const valueKind = valueKindOf(type);
  const optional = type.kind === 'optional' || type.kind === 'null';
  switch (expr.$type) {
    case 'NumberLiteral':
      return { valueKind, optional, kind: 'literal', value: Number(expr.value) };
    case 'StringLiteral':
      return { valueKind, optional, kind: 'literal', value: expr.value };
    case 'BooleanLiteral':
      return { valueKind, optional, kind: 'literal', value: expr.value };
    case 'NullLiteral':
      return { valueKind, optional, kind: 'literal', value: null };
    case 'ListLiteral':
      return { valueKind, optional, kind: 'list', items: expr.items.map(lowerExpr) };
    case 'RecordLiteral': {
      const record = stripOptional(type);
      const typeName = record.kind === 'record' ? record.decl.name : '';
      const fields = expr.fields.map((init) => ({
        name: init.field.$refText,
        value: lowerExpr(init.value),
      }));
      return { valueKind, optional, kind: 'record', typeName, fields };
    }
    case 'NameRef': {
      const target = expr.target.ref;
      if (isEnumMemberOfEnum(target)) {
        return {
          valueKind,
          optional,
          kind: 'enumMember',
          enumName: target.$container.name,
          member: target.name,
        };
      }
      return {
        valueKind,
        optional,
        kind: 'name',
        name: expr.target.$refText,
        scope: scopeOf(target),
      };
    }
    case 'BodyRef':
      return { valueKind, optional, kind: 'body' };
    case 'ResponseRef':
      return { valueKind, optional, kind: 'response' };
    case 'MemberAccess': {
      const member = expr.member.ref;
      if (isResponseHeadersRef(expr.receiver))
        return { valueKind, optional, kind: 'responseHeader', name: expr.member.$refText };
      if (isEnumMemberOfEnum(member) && expr.receiver.$type === 'NameRef') {
        return {
          valueKind,
          optional,
          kind: 'enumMember',
          enumName: member.$container.name,
          member: member.name,
        };
      }
      return {
        valueKind,
        optional,
        kind: 'member',
        receiver: lowerExpr(expr.receiver),
        name: expr.member.$refText,
        optionalChain: expr.optional,
      };
    }
    case 'UnaryExpr':
      return { valueKind, optional, kind: 'unary', op: expr.op, operand: lowerExpr(expr.operand) };
    case 'BinaryExpr':
      return {
        valueKind,
        optional,
        kind: 'binary',
        op: expr.op,
        left: lowerExpr(expr.left),
        right: lowerExpr(expr.right),
      };
    case 'Quantifier':
      return {
        valueKind,
        optional,
        kind: 'quantifier',
        quantifier: expr.kind,
        variable: expr.variable.name,
        collection: lowerExpr(expr.collection),
        predicate: lowerExpr(expr.predicate),
      };
    case 'BuiltinCall':
      return {
        valueKind,
        optional,
        kind: 'builtin',
        name: expr.name,
        args: expr.args.map(lowerExpr),
      };
    case 'EndpointCall':
      // Calls stand only as the value of a `let`, which lowers them as a call (see lowerLet).
      throw new Error(
        `an endpoint call cannot be lowered as an expression: ${expr.endpoint.$refText}`,
      );
  }
}
