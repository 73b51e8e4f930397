import type { SpecIR } from '../../ir/spec-ir.js';
import type { Direction } from '../../ir/directional-types.js';
import { directionalTypes } from '../../ir/directional-types.js';
import { RUNTIME_HELPERS, RUNTIME_TYPES } from './runtime-imports.js';
import { RESERVED_WORDS } from './ts-syntax.js';

/** Global types generated code writes, which a spec's own type must not shadow. */
const GLOBAL_TYPES = ['Record', 'Readonly', 'Promise'];

/**
 * Hands out top-level names: each once, the wanted name when it is free, and otherwise the
 * name with `_` appended until it is.
 */
class NameTable {
  private readonly taken: Set<string>;

  constructor(reserved: Iterable<string>) {
    this.taken = new Set(reserved);
  }

  claim(wanted: string): string {
    let name = wanted;
    while (this.taken.has(name)) name += '_';
    this.taken.add(name);
    return name;
  }
}

/**
 * The top-level names of a generated `types.ts`, for it and for the emitters whose output
 * imports from it. A spec's types keep their names (a name TypeScript reserves, such as
 * `string` or `Record`, gets a `_`); generated names (`<Endpoint>Request`, `Handlers`, ...)
 * give way to them, and get a `_` when a spec's name took them first.
 */
export interface TypeScriptNames {
  /** The type (and, for an enum, the list of members) of a named type. */
  type(name: string): string;
  /** `validate<Type>`: checks a value of a named type. */
  validator(name: string): string;
  /**
   * `validate<Type>Request` or `validate<Type>Response`: checks a value of a named type as it
   * travels that way (without its readOnly or writeOnly fields required); the plain validator
   * when the type is the same both ways.
   */
  directionalValidator(name: string, direction: Direction): string;
  /**
   * `<Type>Request` or `<Type>Response`: the TypeScript type of a named type's values as they
   * travel that way (readOnly or writeOnly fields optional, at any depth); the plain type when
   * the type is the same both ways.
   */
  directionalType(name: string, direction: Direction): string;
  /** Whether a named type has validators of its own for a direction. */
  isDirectional(name: string, direction: Direction): boolean;
  /** `invariantsOf<Type>`: a record's invariants, each a function over a value. */
  invariants(name: string): string;
  /** `<Endpoint>Request`: what a handler receives. */
  request(endpoint: string): string;
  /** `<Endpoint>Result`: what a handler answers, one member per status. */
  result(endpoint: string): string;
  /** The interface of a `headers` declaration. */
  headers(name: string): string;
  /** `Handlers`: one method per endpoint. */
  readonly handlers: string;
  /** `validators`: every validator by type name. */
  readonly validators: string;
  /** `spec`: the spec's name, version and fingerprint. */
  readonly spec: string;
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function lookup(map: ReadonlyMap<string, string>, kind: string) {
  return (name: string): string => {
    const found = map.get(name);
    if (found === undefined) throw new Error(`no ${kind} named ${name} in this spec`);
    return found;
  };
}

/** Names everything a spec's `types.ts` declares, in a fixed order (so the same every time). */
export function typeScriptNames(ir: SpecIR): TypeScriptNames {
  const table = new NameTable([
    ...RESERVED_WORDS,
    ...GLOBAL_TYPES,
    ...RUNTIME_HELPERS,
    ...RUNTIME_TYPES,
  ]);
  const types = new Map(ir.types.map((decl) => [decl.name, table.claim(decl.name)]));
  const requests = new Map<string, string>();
  const results = new Map<string, string>();
  for (const endpoint of ir.endpoints) {
    requests.set(endpoint.name, table.claim(`${capitalised(endpoint.name)}Request`));
    results.set(endpoint.name, table.claim(`${capitalised(endpoint.name)}Result`));
  }
  const handlers = table.claim('Handlers');
  const validators = new Map(ir.types.map((d) => [d.name, table.claim(`validate${d.name}`)]));
  const invariants = new Map(
    ir.types
      .filter((decl) => decl.kind === 'record' || decl.kind === 'error')
      .map((decl) => [decl.name, table.claim(`invariantsOf${decl.name}`)]),
  );
  const handlersName = handlers;
  const validatorsName = table.claim('validators');
  const specName = table.claim('spec');
  // Claimed last, and only for specs with readOnly or writeOnly fields: v0 names never move.
  const directional = (direction: Direction, suffix: string) =>
    new Map(
      [...directionalTypes(ir, direction)].map((n) => [n, table.claim(`validate${n}${suffix}`)]),
    );
  const byDirection = {
    request: directional('request', 'Request'),
    response: directional('response', 'Response'),
  };
  const typeByDirection = {
    request: new Map([...byDirection.request.keys()].map((n) => [n, table.claim(`${n}Request`)])),
    response: new Map(
      [...byDirection.response.keys()].map((n) => [n, table.claim(`${n}Response`)]),
    ),
  };
  // Claimed last, and only for specs with response headers: no earlier name moves.
  const headerSets = new Map((ir.headers ?? []).map((h) => [h.name, table.claim(h.name)]));
  return {
    type: lookup(types, 'type'),
    headers: lookup(headerSets, 'headers'),
    validator: lookup(validators, 'type'),
    directionalValidator: (name, direction) =>
      byDirection[direction].get(name) ?? lookup(validators, 'type')(name),
    directionalType: (name, direction) =>
      typeByDirection[direction].get(name) ?? lookup(types, 'type')(name),
    isDirectional: (name, direction) => byDirection[direction].has(name),
    invariants: lookup(invariants, 'record'),
    request: lookup(requests, 'endpoint'),
    result: lookup(results, 'endpoint'),
    handlers: handlersName,
    validators: validatorsName,
    spec: specName,
  };
}
