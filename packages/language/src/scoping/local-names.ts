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
  const collector = new NameCollector();
  forEachLocalName(from, collector);
  return collector.names;
}

/**
 * What {@link findLocal} answers for the name it finds: a field of a record whose invariants
 * read it, looked up in the record as a whole, or any other local node.
 */
export interface LocalFinder<T> {
  /** The field `name` of `record` (own or spread), or undefined to look further out. */
  field(record: RecordLike, name: string): T | undefined;
  /** What to answer for `node`, a local named `name` that is not a record's field. */
  node(node: AstNode, name: string): T;
}

/**
 * What `finder` answers for the first local of `name` in the order of {@link localNames},
 * found without collecting the others (the linker asks it for every bare name of a spec).
 */
export function findLocal<T>(from: AstNode, name: string, finder: LocalFinder<T>): T | undefined {
  const search = new NameSearch(name, finder);
  forEachLocalName(from, search);
  return search.found;
}

/** The node of the first local of `name` ({@link localNames}`(from).get(name)`). */
export function localName(from: AstNode, name: string): AstNode | undefined {
  return findLocal(from, name, NODES);
}

/** Answers a local's node; a record's field is the first of its name, own or spread. */
const NODES: LocalFinder<AstNode> = {
  field: (record, name) => recordFields(record).find((field) => field.name === name),
  node: (node) => node,
};

/** What {@link forEachLocalName} calls with the names it walks. */
interface LocalVisitor {
  /** A name in scope and its node: true to stop. */
  visit(name: string, node: AstNode): boolean;
  /**
   * A record whose fields are in scope, given whole: true to stop, false to go on further out;
   * undefined to be given its fields one by one.
   */
  visitRecord(record: RecordLike): boolean | undefined;
}

/** Collects each name's first node. */
class NameCollector implements LocalVisitor {
  readonly names = new Map<string, AstNode>();

  visit(name: string, node: AstNode): boolean {
    if (!this.names.has(name)) this.names.set(name, node);
    return false;
  }

  visitRecord(): undefined {
    return undefined;
  }
}

/** Stops at the first local of one name, keeping what its finder answers. */
class NameSearch<T> implements LocalVisitor {
  found: T | undefined = undefined;

  constructor(
    private readonly name: string,
    private readonly finder: LocalFinder<T>,
  ) {}

  visit(name: string, node: AstNode): boolean {
    if (name !== this.name) return false;
    this.found = this.finder.node(node, name);
    return true;
  }

  visitRecord(record: RecordLike): boolean {
    this.found = this.finder.field(record, this.name);
    return this.found !== undefined;
  }
}

/**
 * Calls `visitor` with each name in scope at an expression and its node, innermost first (a
 * name may come again, further out, where an inner one hides it), until it answers true.
 */
function forEachLocalName(from: AstNode, visitor: LocalVisitor): void {
  let child: AstNode = from;
  for (let node = from.$container; node; child = node, node = node.$container) {
    // By `$type` (none of these types has a subtype): one read for each enclosing node instead
    // of asking the reflection up to five times, for every name the linker resolves.
    switch (node.$type) {
      case Quantifier.$type: {
        const quantifier = node as Quantifier;
        const variable = quantifier.variable;
        if (
          quantifier.predicate === child &&
          variable?.name &&
          visitor.visit(variable.name, variable)
        )
          return;
        break;
      }
      case RecordDecl.$type:
      case ErrorDecl.$type: {
        const record = node as RecordLike;
        const whole = visitor.visitRecord(record);
        if (whole) return;
        if (whole === false) break;
        const fields = recordFields(record);
        for (let i = 0; i < fields.length; i++) {
          const field = fields[i]!;
          if (field.name && visitor.visit(field.name, field)) return;
        }
        break;
      }
      case Endpoint.$type:
        if (visitEndpointNames(node as Endpoint, visitor)) return;
        break;
      case Property.$type:
        if (visitPropertyBindings(node as Property, child, visitor)) return;
        break;
    }
  }
}

/** An endpoint's parameters as `endpointParameters` lists them, without the body. */
function visitEndpointNames(endpoint: Endpoint, visitor: LocalVisitor): boolean {
  const segments = endpoint.path?.segments ?? [];
  for (let i = 0; i < segments.length; i++) {
    const parts = segments[i]!.parts;
    for (let j = 0; j < parts.length; j++) {
      const part = parts[j]!;
      if (part.$type === PathParam.$type && part.name && visitor.visit(part.name, part))
        return true;
    }
  }
  const clauses = endpoint.clauses;
  for (let i = 0; i < clauses.length; i++) {
    const clause = clauses[i]!;
    if ((clause.$type === QueryParam.$type || clause.$type === HeaderParam.$type) && clause.name) {
      if (visitor.visit(clause.name, clause)) return true;
    }
  }
  return false;
}

/**
 * A property's bindings: a name means its latest binding above the use (a `forall` holding the
 * use binds above it); bindings below are known too, so that a use before its binding is
 * reported as such rather than as unknown. Above, the nearest first; below, in order.
 */
function visitPropertyBindings(property: Property, child: AstNode, visitor: LocalVisitor): boolean {
  const statements = property.statements;
  const useIndex = statements.indexOf(child as PropertyStatement);
  for (let i = useIndex; i >= 0; i--) {
    const statement = statements[i]!;
    if (isForall(statement)) {
      const variables = statement.variables;
      for (let j = variables.length - 1; j >= 0; j--) {
        if (visitBinding(variables[j]!, visitor)) return true;
      }
    } else if (i < useIndex && isLet(statement) && visitBinding(statement, visitor)) {
      return true;
    }
  }
  for (let i = Math.max(useIndex, 0); i < statements.length; i++) {
    const statement = statements[i]!;
    // A `let` holding the use binds below it (its value cannot read it).
    if (isLet(statement)) {
      if (visitBinding(statement, visitor)) return true;
    } else if (i > useIndex && isForall(statement)) {
      const variables = statement.variables;
      for (let j = 0; j < variables.length; j++) {
        if (visitBinding(variables[j]!, visitor)) return true;
      }
    }
  }
  return false;
}

function visitBinding(binding: ForallVar | Let, visitor: LocalVisitor): boolean {
  return binding.name ? visitor.visit(binding.name, binding) : false;
}
