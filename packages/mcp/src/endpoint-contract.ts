import type {
  ConditionIR,
  EndpointIR,
  PaginationIR,
  ParamIR,
  SourceLocation,
  SpecIR,
  TypeDeclIR,
  TypeIR,
} from '@specl/compiler';
import { paginationText, typeScriptNames, typeText } from '@specl/compiler';

/** A clause and where the spec states it. */
export interface PlacedClause {
  readonly source: string;
  readonly at: string;
}

/** An endpoint's whole contract, as data. */
export interface EndpointContract {
  readonly endpoint: string;
  readonly method: string;
  readonly path: string;
  readonly at: string;
  readonly description?: string;
  readonly parameters: readonly { in: string; name: string; type: string; optional: boolean }[];
  readonly body?: { readonly type: string; readonly mediaTypes?: readonly string[] };
  readonly responses: readonly {
    status: number;
    type?: string;
    mediaTypes?: readonly string[];
    /** The `headers` declarations the answer carries (`with NAME`). */
    headers?: readonly string[];
  }[];
  readonly errors: readonly {
    status?: number | string;
    name: string;
    headers?: readonly string[];
  }[];
  /** The `headers` declarations its answers carry: each header's name, wire name and type. */
  readonly responseHeaders?: readonly { name: string; headers: readonly string[] }[];
  readonly security?: readonly { scheme: string; scopes: readonly string[] }[];
  /**
   * How its answers come in pages: the clause as written, the cursor parameter and where the
   * cursor and items are; `by: 'link'` (no cursor) when the next page is the `Link` header's.
   */
  readonly pagination?: {
    readonly clause: string;
    readonly by?: 'link';
    readonly cursorParameter?: string;
    readonly nextCursor?: string;
    readonly items: string;
  };
  readonly requires: readonly PlacedClause[];
  readonly ensures: readonly PlacedClause[];
  /** The invariants of every type the endpoint's inputs and outputs reach. */
  readonly invariants: readonly (PlacedClause & { readonly type: string })[];
  /** The written properties whose calls include this endpoint. */
  readonly properties: readonly {
    name: string;
    at: string;
    description?: string;
    expects: readonly PlacedClause[];
  }[];
  /** The types it reaches, as TypeScript declares them (types.ts). */
  readonly types: readonly { name: string; kind: string; at: string; typescript: string }[];
}

/** `file:line:col`, the file relative to the workspace root. */
type Place = (location: SourceLocation) => string;

const placed = (condition: ConditionIR, place: Place): PlacedClause => ({
  source: condition.source,
  at: place(condition.location),
});

/** The names of the declared types a type mentions. */
function refsOf(type: TypeIR, into: Set<string>): void {
  if (type.kind === 'ref') into.add(type.name);
  else if (type.kind === 'list') refsOf(type.element, into);
  else if (type.kind === 'map') refsOf(type.value, into);
  else if (type.kind === 'union') for (const option of type.options) refsOf(option, into);
  else if (type.kind === 'nullable') refsOf(type.inner, into);
}

/** Every declared type an endpoint reaches, through fields and aliases, in declaration order. */
function reachedTypes(ir: SpecIR, endpoint: EndpointIR): TypeDeclIR[] {
  const names = new Set<string>(endpoint.errors);
  const params = [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers];
  for (const type of [
    ...params.map((p) => p.type),
    ...(endpoint.body ? [endpoint.body] : []),
    ...endpoint.responses.flatMap((r) => (r.type ? [r.type] : [])),
  ])
    refsOf(type, names);
  const byName = new Map(ir.types.map((decl) => [decl.name, decl]));
  const pending = [...names];
  while (pending.length > 0) {
    const decl = byName.get(pending.pop()!);
    if (decl === undefined) continue;
    const inner = new Set<string>();
    if (decl.kind === 'record' || decl.kind === 'error')
      for (const field of decl.fields) refsOf(field.type, inner);
    else if (decl.kind === 'alias') refsOf(decl.type, inner);
    for (const name of inner)
      if (!names.has(name)) {
        names.add(name);
        pending.push(name);
      }
  }
  return ir.types.filter((decl) => names.has(decl.name));
}

function typeScriptOf(decl: TypeDeclIR, ir: SpecIR, names = typeScriptNames(ir)): string {
  if (decl.kind === 'enum')
    return `type ${decl.name} = ${decl.members.map((m) => JSON.stringify(m.name)).join(' | ')};`;
  if (decl.kind === 'alias') return `type ${decl.name} = ${typeText(decl.type, names)};`;
  const fields = decl.fields.map(
    (field) => `  ${field.name}${field.optional ? '?' : ''}: ${typeText(field.type, names)};`,
  );
  return `interface ${decl.name} {\n${fields.join('\n')}\n}`;
}

/** The contract of one endpoint of a lowered spec. */
export function endpointContract(ir: SpecIR, endpoint: EndpointIR, place: Place): EndpointContract {
  const names = typeScriptNames(ir);
  const text = (type: TypeIR) => typeText(type, names);
  const param = (where: string) => (p: ParamIR) => ({
    in: where,
    name: p.wireName,
    type: text(p.type),
    optional: p.optional,
  });
  const types = reachedTypes(ir, endpoint);
  return {
    endpoint: endpoint.name,
    method: endpoint.method,
    path: endpoint.path,
    at: place(endpoint.location),
    ...(endpoint.description !== undefined && { description: endpoint.description }),
    parameters: [
      ...endpoint.pathParams.map(param('path')),
      ...endpoint.query.map(param('query')),
      ...endpoint.headers.map(param('header')),
    ],
    ...(endpoint.body && {
      body: {
        type: text(endpoint.body),
        ...(endpoint.bodyMediaTypes && { mediaTypes: endpoint.bodyMediaTypes }),
      },
    }),
    responses: endpoint.responses.map((r) => ({
      status: r.status,
      ...(r.type && { type: text(r.type) }),
      ...(r.mediaTypes && { mediaTypes: r.mediaTypes }),
      ...(r.headers && { headers: r.headers }),
    })),
    errors: endpoint.errors.map((name) => {
      const decl = ir.types.find((t) => t.name === name);
      if (decl?.kind !== 'error') return { name };
      return { status: decl.status, name, ...(decl.headers && { headers: decl.headers }) };
    }),
    ...responseHeadersOf(ir, endpoint, text),
    ...(endpoint.security && { security: endpoint.security }),
    ...(endpoint.pagination && { pagination: paginationShape(endpoint.pagination) }),
    requires: endpoint.requires.map((c) => placed(c, place)),
    ensures: endpoint.ensures.map((c) => placed(c, place)),
    invariants: types.flatMap((decl) =>
      decl.kind === 'record' || decl.kind === 'error'
        ? decl.invariants.map((c) => ({ type: decl.name, ...placed(c, place) }))
        : [],
    ),
    properties: ir.properties
      .filter((p) =>
        p.statements.some((s) => s.kind === 'let' && s.call?.endpoint === endpoint.name),
      )
      .map((p) => ({
        name: p.name,
        at: place(p.location),
        ...(p.description !== undefined && { description: p.description }),
        expects: p.statements.flatMap((s) =>
          s.kind === 'expect' ? [placed(s.condition, place)] : [],
        ),
      })),
    types: types.map((decl) => ({
      name: decl.name,
      kind: decl.kind,
      at: place(decl.location),
      typescript: typeScriptOf(decl, ir, names),
    })),
  };
}

const clauseLines = (title: string, clauses: readonly PlacedClause[]) =>
  clauses.length === 0 ? [] : [`${title}:`, ...clauses.map((c) => `  ${c.source}  (${c.at})`)];

/** The `headers` declarations an endpoint's answers carry, each header written out. */
function responseHeadersOf(
  ir: SpecIR,
  endpoint: EndpointIR,
  text: (type: TypeIR) => string,
): Pick<EndpointContract, 'responseHeaders'> {
  const errors = endpoint.errors.flatMap((name) => {
    const decl = ir.types.find((t) => t.name === name);
    return decl?.kind === 'error' ? (decl.headers ?? []) : [];
  });
  const names = new Set([...endpoint.responses.flatMap((r) => r.headers ?? []), ...errors]);
  const sets = (ir.headers ?? []).filter((decl) => names.has(decl.name));
  if (sets.length === 0) return {};
  return {
    responseHeaders: sets.map((decl) => ({
      name: decl.name,
      headers: decl.headers.map(
        (h) => `${h.name} ${JSON.stringify(h.wireName)}${h.optional ? '?' : ''}: ${text(h.type)}`,
      ),
    })),
  };
}

/** The contract as the model reads it. */
export function contractText(contract: EndpointContract): string {
  const lines = [
    `${contract.endpoint}: ${contract.method} ${contract.path}  (${contract.at})`,
    ...(contract.description !== undefined ? [contract.description] : []),
    ...contract.parameters.map((p) => `  ${p.in} ${p.name}${p.optional ? '?' : ''}: ${p.type}`),
    ...(contract.body
      ? [
          `  body: ${contract.body.type}${contract.body.mediaTypes ? ` as ${contract.body.mediaTypes.join(', ')}` : ''}`,
        ]
      : []),
    ...contract.responses.map(
      (r) =>
        `  response ${r.status} ${r.type ?? 'no body'}${r.mediaTypes ? ` as ${r.mediaTypes.join(', ')}` : ''}${r.headers ? ` with ${r.headers.join(', ')}` : ''}`,
    ),
    ...(contract.responseHeaders ?? []).map(
      (set) => `  headers ${set.name} { ${set.headers.join(', ')} }`,
    ),
    ...(contract.errors.length > 0
      ? [`  errors ${contract.errors.map((e) => `${e.status ?? ''} ${e.name}`.trim()).join(', ')}`]
      : []),
    ...(contract.security
      ? [
          `  security ${contract.security.length === 0 ? 'none' : contract.security.map((s) => `${s.scheme}${s.scopes.length > 0 ? `(${s.scopes.join(', ')})` : ''}`).join(' | ')}`,
        ]
      : []),
    ...(contract.pagination ? [`  ${contract.pagination.clause}`] : []),
    ...clauseLines('requires', contract.requires),
    ...clauseLines('ensures', contract.ensures),
    ...(contract.invariants.length > 0
      ? [
          'invariants of the types it uses:',
          ...contract.invariants.map((c) => `  ${c.type}: ${c.source}  (${c.at})`),
        ]
      : []),
    ...(contract.properties.length > 0
      ? [
          'properties that call it:',
          ...contract.properties.flatMap((p) => [
            `  ${p.name}  (${p.at})${p.description ? `: ${p.description}` : ''}`,
            ...p.expects.map((e) => `    expect ${e.source}  (${e.at})`),
          ]),
        ]
      : []),
    ...(contract.types.length > 0
      ? [
          'types (TypeScript, as types.ts declares them):',
          ...contract.types.map((t) => t.typescript),
        ]
      : []),
  ];
  return lines.join('\n');
}

/** An endpoint's pagination as the contract gives it: the clause, and its parts. */
function paginationShape(pagination: PaginationIR): NonNullable<EndpointContract['pagination']> {
  const items = ['response', ...pagination.items].join('.');
  const clause = paginationText(pagination);
  if (pagination.by === 'link') return { clause, by: 'link', items };
  const nextCursor = ['response', ...pagination.nextCursor].join('.');
  return { clause, cursorParameter: pagination.cursorParameter, nextCursor, items };
}
