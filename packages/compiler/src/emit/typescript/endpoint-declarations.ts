import type { EndpointIR, ParamIR, SpecIR } from '../../ir/spec-ir.js';
import { errorStatusType } from './error-status-type.js';
import type { RuntimeImports } from './runtime-imports.js';
import type { TypeScriptNames } from './ts-names.js';
import { speclTypeDoc } from './type-declarations.js';
import { typeText } from './type-text.js';
import type { DeclarationModel, InterfaceModel, PropertyModel } from './types-module.js';

function parameter(param: ParamIR, what: string, names: TypeScriptNames): PropertyModel {
  return {
    kind: 'property',
    name: param.name,
    optional: param.optional,
    type: typeText(param.type, names),
    doc: [param.description, `${what}.`, speclTypeDoc(param.type)],
  };
}

const route = (endpoint: EndpointIR) => `\`${endpoint.method} ${endpoint.path}\``;

/** The schemes an endpoint accepts: its own security, else the spec's. */
function schemesOf(endpoint: EndpointIR, ir: SpecIR) {
  const requirements = endpoint.security ?? ir.security ?? [];
  return requirements.flatMap((r) => ir.auth?.find((a) => a.name === r.scheme) ?? []);
}

/** The `auth` of a protected endpoint's request: the credentials of each scheme it accepts. */
function authMember(endpoint: EndpointIR, ir: SpecIR): PropertyModel[] {
  const schemes = schemesOf(endpoint, ir);
  if (schemes.length === 0) return [];
  const options = schemes.map((auth) => {
    const scheme = `scheme: ${JSON.stringify(auth.name)}`;
    if (auth.kind === 'basic') return `{ ${scheme}; username: string; password: string }`;
    if (auth.kind === 'apiKey') return `{ ${scheme}; key: string }`;
    return `{ ${scheme}; token: string }`;
  });
  return [
    {
      kind: 'property',
      name: 'auth',
      optional: true,
      type: options.join(' | '),
      doc: [
        `The credentials the request carried (${schemes.map((s) => s.name).join(' or ')}); absent when it carried none, and then the handler answers 401.`,
      ],
    },
  ];
}

function requestInterface(
  endpoint: EndpointIR,
  ir: SpecIR,
  names: TypeScriptNames,
): InterfaceModel {
  const handler = `${names.handlers}.${endpoint.name}`;
  return {
    kind: 'interface',
    name: names.request(endpoint.name),
    doc: [`The request of {@link ${handler}} (${route(endpoint)}).`],
    members: [
      ...endpoint.pathParams.map((p) => parameter(p, `Path parameter \`{${p.name}}\``, names)),
      ...endpoint.query.map((p) => parameter(p, `Query parameter \`${p.wireName}\``, names)),
      ...endpoint.headers.map((p) => parameter(p, `Header \`${p.wireName}\``, names)),
      ...(endpoint.body
        ? [
            {
              kind: 'property' as const,
              name: 'body',
              optional: false,
              type: typeText(endpoint.body, names, 'request'),
              doc: ['The request body.', speclTypeDoc(endpoint.body)],
            },
          ]
        : []),
      ...authMember(endpoint, ir),
    ],
  };
}

function resultType(
  endpoint: EndpointIR,
  ir: SpecIR,
  names: TypeScriptNames,
  imports: RuntimeImports,
): DeclarationModel {
  const headers = (sets: readonly string[] | undefined) =>
    sets ? `; headers: ${sets.map((set) => names.headers(set)).join(' & ')}` : '';
  const successes = endpoint.responses.map((response) =>
    response.type
      ? `{ status: ${response.status}; body: ${typeText(response.type, names, 'response')}${headers(response.headers)} }`
      : `{ status: ${response.status}${headers(response.headers)} }`,
  );
  const declares401 = endpoint.errors.some((name) =>
    ir.types.find((type) => type.name === name && type.kind === 'error' && type.status === 401),
  );
  const adds401 = schemesOf(endpoint, ir).length > 0 && !declares401;
  const errors = endpoint.errors.flatMap((name) => {
    const decl = ir.types.find((type) => type.name === name);
    if (decl?.kind !== 'error') return [];
    const status = errorStatusType(decl, endpoint, ir, adds401, imports);
    return [
      decl.bodyless
        ? `{ status: ${status}${headers(decl.headers)} }`
        : `{ status: ${status}; body: ${names.directionalType(name, 'response')}${headers(decl.headers)} }`,
    ];
  });
  if (adds401) errors.push('{ status: 401 }');
  return {
    kind: 'type',
    name: names.result(endpoint.name),
    doc: [
      `What {@link ${names.handlers}.${endpoint.name}} answers: a success or a declared error, told apart by \`status\`.`,
    ],
    options: [...successes, ...errors],
  };
}

/**
 * One interface per `headers` declaration: its headers by their Specl names, each documented
 * with its wire name (the handler gives values; the server writes them as text).
 */
function headersInterfaces(ir: SpecIR, names: TypeScriptNames): InterfaceModel[] {
  return (ir.headers ?? []).map((decl) => ({
    kind: 'interface',
    name: names.headers(decl.name),
    doc: [decl.description, `Response headers \`${decl.name}\`, by their Specl names.`],
    members: decl.headers.map((header) => ({
      kind: 'property',
      name: header.name,
      optional: header.optional,
      type: typeText(header.type, names),
      doc: [header.description, `Header \`${header.wireName}\`.`, speclTypeDoc(header.type)],
    })),
  }));
}

/**
 * The response header interfaces, then per endpoint, in the IR's order: `<Endpoint>Request` (path parameters, query parameters and
 * headers by their Specl names, and `body`) and `<Endpoint>Result` (a union discriminated by
 * `status`: the responses as written, then the declared errors; a response without a body has
 * no `body`, and one that carries headers (`with H`) has `headers`).
 */
export function endpointDeclarations(
  ir: SpecIR,
  names: TypeScriptNames,
  imports: RuntimeImports,
): DeclarationModel[] {
  return [
    ...headersInterfaces(ir, names),
    ...ir.endpoints.flatMap((endpoint) => [
      requestInterface(endpoint, ir, names),
      resultType(endpoint, ir, names, imports),
    ]),
  ];
}

/** `Handlers`: one method per endpoint, named after it, from its request to its result. */
export function handlersInterface(ir: SpecIR, names: TypeScriptNames): InterfaceModel {
  const conditions = (title: string, list: EndpointIR['requires']) =>
    list.length > 0 ? `${title}:\n${list.map((c) => `- \`${c.source}\``).join('\n')}` : undefined;
  return {
    kind: 'interface',
    name: names.handlers,
    doc: [
      `An implementation of the ${ir.name} API: one method per endpoint, from its request to its result.`,
    ],
    members: ir.endpoints.map((endpoint) => ({
      kind: 'method',
      name: endpoint.name,
      params: `request: ${names.request(endpoint.name)}`,
      returns: `Promise<${names.result(endpoint.name)}>`,
      doc: [
        endpoint.description,
        `${route(endpoint)}`,
        conditions('Requires', endpoint.requires),
        conditions('Ensures', endpoint.ensures),
      ],
    })),
  };
}
