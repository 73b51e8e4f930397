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

/** The usage of every named type a spec's endpoints reach, directly or through other types. */
export function typeUsages(spec: SpecIR): Map<string, TypeUsage> {
  const declarations = new Map(spec.types.map((type) => [type.name, type]));
  const input = new Map<string, string>();
  const output = new Map<string, string>();
  for (const endpoint of spec.endpoints) {
    const requests = [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers].map(
      (param) => param.type,
    );
    if (endpoint.body) requests.push(endpoint.body);
    const responses = endpoint.responses.flatMap((response) =>
      response.type ? [response.type] : [],
    );
    // The types of the headers answers carry (an enum used only in a header travels too).
    const carried = new Set([
      ...endpoint.responses.flatMap((response) => response.headers ?? []),
      ...endpoint.errors.flatMap((name) => {
        const error = declarations.get(name);
        return error?.kind === 'error' ? (error.headers ?? []) : [];
      }),
    ]);
    for (const set of spec.headers ?? [])
      if (carried.has(set.name)) responses.push(...set.headers.map((header) => header.type));
    mark(requests.flatMap(referencedNames), endpoint.name, input, declarations);
    mark(
      [...responses.flatMap(referencedNames), ...endpoint.errors],
      endpoint.name,
      output,
      declarations,
    );
  }
  const usages = new Map<string, TypeUsage>();
  for (const name of new Set([...input.keys(), ...output.keys()])) {
    const usage: { input?: string; output?: string } = {};
    if (input.has(name)) usage.input = input.get(name)!;
    if (output.has(name)) usage.output = output.get(name)!;
    usages.set(name, usage);
  }
  return usages;
}

/** Marks the named types reachable from `roots` as used by `endpoint`, unless already marked. */
function mark(
  roots: readonly string[],
  endpoint: string,
  marked: Map<string, string>,
  declarations: ReadonlyMap<string, TypeDeclIR>,
): void {
  const stack = [...roots];
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (marked.has(name)) continue;
    const declaration = declarations.get(name);
    if (!declaration) continue;
    marked.set(name, endpoint);
    stack.push(...namesInDeclaration(declaration));
  }
}

function namesInDeclaration(declaration: TypeDeclIR): string[] {
  switch (declaration.kind) {
    case 'record':
    case 'error':
      return [
        ...declaration.fields.flatMap((field) => referencedNames(field.type)),
        ...(declaration.openFields ? referencedNames(declaration.openFields) : []),
      ];
    case 'alias':
      return referencedNames(declaration.type);
    case 'enum':
      return [];
  }
}

/** The names a type refers to, at any depth. */
export function referencedNames(type: TypeIR): string[] {
  switch (type.kind) {
    case 'primitive':
      return [];
    case 'ref':
      return [type.name];
    case 'list':
      return referencedNames(type.element);
    case 'map':
      return referencedNames(type.value);
    case 'nullable':
      return referencedNames(type.inner);
    case 'union':
      return type.options.flatMap(referencedNames);
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
  return { ...(input ? { input } : {}), ...(output ? { output } : {}) };
}
