import type { AstNode } from 'langium';
import type { Endpoint, ForallVar, Let, Parameter, PropertyStatement } from '../generated/ast.js';
import {
  isBodyClause,
  isEndpoint,
  isForall,
  isHeaderParam,
  isLet,
  isPathParam,
  isProperty,
  isQuantifier,
  isQueryParam,
} from '../generated/ast.js';
import { isRecordLike, recordFields } from '../typing/records.js';

/** The path, query and header parameters of an endpoint, and its body (named `body`). */
export function endpointParameters(endpoint: Endpoint): Parameter[] {
  const pathParams =
    endpoint.path?.segments.flatMap((segment) => segment.parts.filter(isPathParam)) ?? [];
  const clauses: Parameter[] = [];
  for (const clause of endpoint.clauses) {
    if (isQueryParam(clause) || isHeaderParam(clause) || isBodyClause(clause)) clauses.push(clause);
  }
  return [...pathParams, ...clauses];
}

/**
 * The names in scope at an expression, innermost first: quantifier variables, then the
 * fields of the enclosing record (in invariants), the parameters of the enclosing endpoint
 * (in `requires` and `ensures`), or the `forall` variables and `let` bindings of the
 * enclosing property. Whether a `let` is bound before its use is the validator's concern.
 */
export function localNames(from: AstNode): Map<string, AstNode> {
  const names = new Map<string, AstNode>();
  const add = (name: string | undefined, node: AstNode) => {
    if (name && !names.has(name)) names.set(name, node);
  };
  let child: AstNode = from;
  for (let node = from.$container; node; child = node, node = node.$container) {
    if (isQuantifier(node) && node.predicate === child) {
      add(node.variable?.name, node.variable);
    } else if (isRecordLike(node)) {
      for (const field of recordFields(node)) add(field.name, field);
    } else if (isEndpoint(node)) {
      for (const param of endpointParameters(node)) {
        if (!isBodyClause(param)) add(param.name, param);
      }
    } else if (isProperty(node)) {
      // A name means its latest binding above the use; bindings below are known too, so
      // that a use before its binding is reported as such rather than as unknown.
      const useIndex = node.statements.indexOf(child as PropertyStatement);
      const bindings = node.statements.flatMap((statement, index) => {
        const nodes: (ForallVar | Let)[] = isForall(statement)
          ? statement.variables
          : isLet(statement)
            ? [statement]
            : [];
        return nodes.map((binding) => ({
          binding,
          before: index < useIndex || (index === useIndex && isForall(statement)),
        }));
      });
      const above = bindings.filter((b) => b.before).reverse();
      const below = bindings.filter((b) => !b.before);
      for (const { binding } of [...above, ...below]) add(binding.name, binding);
    }
  }
  return names;
}
