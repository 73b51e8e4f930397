import type { SpecIR, TypeDeclIR, TypeIR } from '../ir/spec-ir.js';

/**
 * Where a named type travels: in requests (path, query, header parameters and bodies: values
 * clients send), in responses (response bodies and declared errors: values clients receive),
 * or both. Each direction names the first endpoint, by name, that uses the type so (for the
 * reasons in the report). A type no endpoint reaches has neither.
 */
export interface TypeUsage {
  readonly input?: string;
  readonly output?: string;
}

/**
 * The usage of every named type a spec's endpoints reach, directly or through other types.
 * Gathered with loops into one list of names an endpoint and direction: a diff works out the
 * usages of both versions, every endpoint of each.
 */
export function typeUsages(spec: SpecIR): Map<string, TypeUsage> {
  const declarations = new Map<string, TypeDeclIR>();
  for (const type of spec.types) declarations.set(type.name, type);
  const headerSets = spec.headers ?? [];
  const input = new Map<string, string>();
  const output = new Map<string, string>();
  const names: string[] = [];
  for (const endpoint of spec.endpoints) {
    for (const param of endpoint.pathParams) collectNames(param.type, names);
    for (const param of endpoint.query) collectNames(param.type, names);
    for (const param of endpoint.headers) collectNames(param.type, names);
    if (endpoint.body) collectNames(endpoint.body, names);
    mark(names, endpoint.name, input, declarations);
    names.length = 0;
    for (const response of endpoint.responses)
      if (response.type) collectNames(response.type, names);
    if (headerSets.length > 0) {
      // The types of the headers answers carry (an enum used only in a header travels too).
      const carried = new Set<string>();
      for (const response of endpoint.responses)
        for (const name of response.headers ?? []) carried.add(name);
      for (const name of endpoint.errors) {
        const error = declarations.get(name);
        if (error?.kind === 'error') for (const set of error.headers ?? []) carried.add(set);
      }
      for (const set of headerSets)
        if (carried.has(set.name))
          for (const header of set.headers) collectNames(header.type, names);
    }
    for (const name of endpoint.errors) names.push(name);
    mark(names, endpoint.name, output, declarations);
    names.length = 0;
  }
  const usages = new Map<string, TypeUsage>();
  for (const [name, endpoint] of input) {
    const usage: { input?: string; output?: string } = { input: endpoint };
    const out = output.get(name);
    if (out !== undefined) usage.output = out;
    usages.set(name, usage);
  }
  for (const [name, endpoint] of output)
    if (!input.has(name)) usages.set(name, { output: endpoint });
  return usages;
}

/**
 * Marks the named types reachable from `roots` as used by `endpoint`, unless already marked
 * (`roots` is used up as the walk's stack).
 */
function mark(
  roots: string[],
  endpoint: string,
  marked: Map<string, string>,
  declarations: ReadonlyMap<string, TypeDeclIR>,
): void {
  const stack = roots;
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (marked.has(name)) continue;
    const declaration = declarations.get(name);
    if (!declaration) continue;
    marked.set(name, endpoint);
    namesInDeclaration(declaration, stack);
  }
}

/** Adds the names a declaration refers to, at any depth, to `into`. */
function namesInDeclaration(declaration: TypeDeclIR, into: string[]): void {
  switch (declaration.kind) {
    case 'record':
    case 'error':
      for (const field of declaration.fields) collectNames(field.type, into);
      if (declaration.openFields) collectNames(declaration.openFields, into);
      return;
    case 'alias':
      collectNames(declaration.type, into);
      return;
    case 'enum':
      return;
  }
}

/** Adds the names a type refers to, at any depth, to `into`, in the order written. */
function collectNames(type: TypeIR, into: string[]): void {
  switch (type.kind) {
    case 'primitive':
      return;
    case 'ref':
      into.push(type.name);
      return;
    case 'list':
      collectNames(type.element, into);
      return;
    case 'map':
      collectNames(type.value, into);
      return;
    case 'nullable':
      collectNames(type.inner, into);
      return;
    case 'union':
      for (const option of type.options) collectNames(option, into);
      return;
  }
}

/**
 * A type's usage in either version (the stricter reading counts both), naming the first
 * endpoint by name of the two, so that swapping the versions gives the same usage.
 */
export function mergeUsage(a: TypeUsage | undefined, b: TypeUsage | undefined): TypeUsage {
  const first = (x?: string, y?: string) =>
    x !== undefined && y !== undefined && y < x ? y : (x ?? y);
  const input = first(a?.input, b?.input);
  const output = first(a?.output, b?.output);
  // One literal a case (keys after a spread are Node 20's slow path).
  if (input && output) return { input, output };
  if (input) return { input };
  return output ? { output } : {};
}
