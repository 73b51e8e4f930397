import type { ValidationAcceptor } from 'langium';
import type { AliasDecl, ConstraintValue, TypeExpr, TypeRef } from '../generated/ast.js';
import { isAliasDecl, isStringLiteral, isTypeRef, isUnionTypeRef } from '../generated/ast.js';
import { findField } from '../typing/records.js';
import { resolveTypeExpr } from '../typing/resolve-type.js';
import { report } from './report.js';

/**
 * The constant a type expression is (`"card"`), directly or through aliases naming one, each
 * alias once; undefined when it is no constant.
 */
export function constantOfType(expr: TypeExpr | undefined): ConstraintValue | undefined {
  const seen = new Set<AliasDecl>();
  let current = expr;
  while (isTypeRef(current) && !current.nullable) {
    if (current.constant) return current.constant;
    const target = current.ref?.ref;
    if (!isAliasDecl(target) || seen.has(target)) return undefined;
    seen.add(target);
    current = target.type;
  }
  return undefined;
}

/** A tag an option could take: its name with a lower-case first letter (`Card` is "card"). */
const suggestedTag = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

/**
 * Checks a discriminated union (`type P = A | B by kind`): two or more options, each a record
 * whose field `kind` is required and a string constant, no two options with one tag.
 */
export function checkDiscriminator(decl: AliasDecl, accept: ValidationAcceptor): void {
  const field = decl.discriminator;
  if (field === undefined) return;
  if (!isUnionTypeRef(decl.type)) {
    report(
      accept,
      'specl/invalid-discriminator',
      'notUnion',
      { field },
      { node: decl, property: 'type' },
    );
    return;
  }
  const tags = new Map<string, string>();
  for (const option of decl.type.options) {
    const tag = optionTag(option, field, accept);
    if (tag === undefined) continue;
    const other = tags.get(tag);
    const name = option.ref?.$refText ?? '';
    if (other !== undefined)
      report(
        accept,
        'specl/invalid-discriminator',
        'sharedTag',
        { option: name, other, tag, field },
        { node: option },
      );
    else tags.set(tag, name);
  }
}

/** The tag of one option, or undefined after reporting why it has none. */
function optionTag(option: TypeRef, field: string, accept: ValidationAcceptor): string | undefined {
  const resolved = resolveTypeExpr(option);
  if (resolved.kind === 'unknown') return undefined;
  const name = option.ref?.$refText ?? option.primitive ?? option.collection ?? 'this option';
  if (resolved.kind !== 'record' || option.nullable) {
    report(
      accept,
      'specl/invalid-discriminator',
      'notRecord',
      { option: name, field },
      { node: option },
    );
    return undefined;
  }
  const suggestion = suggestedTag(resolved.decl.name);
  const tagField = findField(resolved.decl, field);
  if (!tagField) {
    report(
      accept,
      'specl/invalid-discriminator',
      'missingField',
      { option: name, field, suggestion },
      { node: option },
    );
    return undefined;
  }
  if (tagField.optional) {
    report(
      accept,
      'specl/invalid-discriminator',
      'optionalField',
      { option: name, field },
      { node: option },
    );
    return undefined;
  }
  const constant = constantOfType(tagField.type);
  if (!isStringLiteral(constant)) {
    report(
      accept,
      'specl/invalid-discriminator',
      'notConstant',
      { option: name, field, suggestion },
      { node: option },
    );
    return undefined;
  }
  return constant.value;
}
