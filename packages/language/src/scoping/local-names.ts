import type { AstNode } from 'langium';
import type { ForallVar, Let, Parameter, PropertyStatement } from '../generated/ast.js';
import {
  BodyClause,
  Endpoint,
  ErrorDecl,
  HeaderParam,
  PathParam,
  Property,
  Quantifier,
  QueryParam,
  RecordDecl,
  isForall,
  isLet,
} from '../generated/ast.js';
import type { RecordLike } from '../typing/records.js';
import { recordFields } from '../typing/records.js';

/** The path, query and header parameters of an endpoint, and its body (named `body`). */
export function endpointParameters(endpoint: Endpoint): Parameter[] {
  // Indexed loops into one list: `flatMap`, `filter` and spreads made five lists an endpoint,
  // and the validator and the linker ask for every endpoint's.
  const parameters: Parameter[] = [];
  const segments = endpoint.path?.segments ?? [];
  for (let i = 0; i < segments.length; i++) {
    const parts = segments[i]!.parts;
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      if (part.$type === PathParam.$type) parameters.push(part);
    }
  }
  const clauses = endpoint.clauses;
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    // By `$type` (none of these types has a subtype): one read for each clause.
    const type = clause.$type;
    if (type === QueryParam.$type || type === HeaderParam.$type || type === BodyClause.$type)
      parameters.push(clause);
  }
  return parameters;
}

/**
 * The names in scope at an expression, innermost first: quantifier variables, then the
 * fields of the enclosing record (in invariants), the parameters of the enclosing endpoint
 * (in `requires` and `ensures`), or the `forall` variables and `let` bindings of the
 * enclosing property. Whether a `let` is bound before its use is the validator's concern.
 */
export function localNames(from: AstNode): Map<string, AstNode> {
  const names = new Map<string, AstNode>();
  forEachLocalName(from, (name, node) => {
    if (!names.has(name)) names.set(name, node);
    return false;
  });
  return names;
}

/**
 * The node `name` means among the names in scope at an expression: the first of that name in
 * the order of {@link localNames} (which it answers as `localNames(from).get(name)` does),
 * found without collecting the others, as the linker asks for every name of a spec.
 * `recordField` finds a field of a record by name (the first of the name, own or spread).
 */
export function localName(
  from: AstNode,
  name: string,
  recordField: (record: RecordLike, name: string) => AstNode | undefined = firstField,
): AstNode | undefined {
  let found: AstNode | undefined;
  forEachLocalName(
    from,
    (candidate, node) => {
      if (candidate !== name) return false;
      found = node;
      return true;
    },
    (record) => {
      found = recordField(record, name);
      return found !== undefined;
    },
  );
  return found;
}

function firstField(record: RecordLike, name: string): AstNode | undefined {
  return recordFields(record).find((field) => field.name === name);
}

/**
 * Calls `visit` with each name in scope at an expression and its node, innermost first (a
 * name may come again, further out, where an inner one hides it), until `visit` answers true.
 * With `visitRecord`, a record's fields are given to it whole instead (true: stop).
 */
function forEachLocalName(
  from: AstNode,
  visit: (name: string, node: AstNode) => boolean,
  visitRecord?: (record: RecordLike) => boolean,
): void {
  let child: AstNode = from;
  for (let node = from.$container; node; child = node, node = node.$container) {
    // By `$type` (none of these types has a subtype): one read for each enclosing node instead
    // of asking the reflection up to five times, for every name the linker resolves.
    switch (node.$type) {
      case Quantifier.$type: {
        const quantifier = node as Quantifier;
        const variable = quantifier.variable;
        if (quantifier.predicate === child && variable?.name && visit(variable.name, variable))
          return;
        break;
      }
      case RecordDecl.$type:
      case ErrorDecl.$type: {
        const record = node as RecordLike;
        if (visitRecord) {
          if (visitRecord(record)) return;
          break;
        }
        for (const field of recordFields(record)) {
          if (field.name && visit(field.name, field)) return;
        }
        break;
      }
      case Endpoint.$type:
        if (visitEndpointNames(node as Endpoint, visit)) return;
        break;
      case Property.$type:
        if (visitPropertyBindings(node as Property, child, visit)) return;
        break;
    }
  }
}

/** An endpoint's parameters as `endpointParameters` lists them, without the body. */
function visitEndpointNames(
  endpoint: Endpoint,
  visit: (name: string, node: AstNode) => boolean,
): boolean {
  for (const segment of endpoint.path?.segments ?? []) {
    for (const part of segment.parts) {
      if (part.$type === PathParam.$type && part.name && visit(part.name, part)) return true;
    }
  }
  for (const clause of endpoint.clauses) {
    if ((clause.$type === QueryParam.$type || clause.$type === HeaderParam.$type) && clause.name) {
      if (visit(clause.name, clause)) return true;
    }
  }
  return false;
}

/**
 * A property's bindings: a name means its latest binding above the use; bindings below are
 * known too, so that a use before its binding is reported as such rather than as unknown.
 */
function visitPropertyBindings(
  property: Property,
  child: AstNode,
  visit: (name: string, node: AstNode) => boolean,
): boolean {
  const useIndex = property.statements.indexOf(child as PropertyStatement);
  const bindings = property.statements.flatMap((statement, index) => {
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
  for (const { binding } of [...above, ...below]) {
    if (binding.name && visit(binding.name, binding)) return true;
  }
  return false;
}
