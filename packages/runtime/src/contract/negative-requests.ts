import fc from 'fast-check';
import type { EndpointContract, ParameterShape } from './contract.js';
import { decodeRequest } from './decode-request.js';

/** What a negative request breaks: one kind per way a request can fall outside the spec. */
export type NegativeKind =
  | 'malformed JSON'
  | 'wrong media type'
  | 'body of the wrong type'
  | 'missing required field'
  | 'unknown field'
  | 'field of the wrong type'
  | 'value outside its constraints'
  | 'missing parameter'
  | 'parameter of the wrong type'
  | 'parameter outside its constraints';

/** A body sent as given bytes and content type, not encoded from the request object. */
export interface RawBody {
  readonly text: string;
  readonly contentType: string;
}

/**
 * A request that breaks its endpoint's contract in one known way: the server must refuse it
 * (a 4xx), never accept it nor crash on it.
 */
export interface NegativeRequest {
  readonly kind: NegativeKind;
  /** What exactly is wrong: `body.name: a number where the spec declares another type`. */
  readonly detail: string;
  /** The request object to send (parameters by name, `body`). */
  readonly request: Readonly<Record<string, unknown>>;
  /** The body's bytes, when they are not the request object's `body` encoded. */
  readonly raw?: RawBody;
}

type Json = unknown;
type Path = readonly (string | number)[];

/** A value of each JSON type, to put where another type is declared. */
const OTHER_TYPES: readonly Json[] = [
  'specl-not-this-type',
  -1.5,
  true,
  null,
  [],
  { speclUnexpected: 1 },
];

function typeOf(value: Json): string {
  return value === null ? 'null' : Array.isArray(value) ? 'list' : typeof value;
}

/** Values beside `value` that constraints may rule out: lengths, bounds, fractions, sizes. */
function beyond(value: Json): Json[] {
  if (typeof value === 'string')
    return ['', value.repeat(Math.ceil(10_001 / Math.max(1, value.length))), `${value}\u0000`];
  if (typeof value === 'number')
    return [value + 0.5, -1e15, 1e15, value - 1_000_000, value + 1_000_000, 2 ** 63];
  if (Array.isArray(value))
    return [[], [...value, ...value], Array.from({ length: 1001 }, () => value[0] ?? null)];
  return [];
}

/** The places in a JSON value (up to `limit`), depth first: the root is `[]`. */
function places(value: Json, limit = 64): Path[] {
  const found: Path[] = [];
  const walk = (node: Json, path: Path) => {
    if (found.length >= limit) return;
    found.push(path);
    if (Array.isArray(node)) node.slice(0, 4).forEach((item, i) => walk(item, [...path, i]));
    else if (typeof node === 'object' && node !== null)
      for (const [key, item] of Object.entries(node)) walk(item, [...path, key]);
  };
  walk(value, []);
  return found;
}

function at(value: Json, path: Path): Json {
  return path.reduce<Json>((node, key) => (node as Record<string | number, Json>)[key], value);
}

/** A copy of `value` with the node at `path` replaced (or removed, for `undefined`). */
function replaced(value: Json, path: Path, by: Json): Json {
  if (path.length === 0) return by;
  const [key, ...rest] = path;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    Json
  >;
  const next = replaced(copy[key!], rest, by);
  if (next === undefined) delete copy[key!];
  else copy[key!] = next;
  return copy;
}

function pathText(path: Path): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`),
    'body',
  );
}

function short(value: Json): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}… (${text.length} characters)` : text;
}

/** A candidate mutation: its kind, and the request (or raw body) it makes, if it breaks the spec. */
interface Candidate {
  readonly kind: NegativeKind;
  make(): NegativeRequest | undefined;
}

function bodyIsJson(contract: EndpointContract): boolean {
  const first = contract.bodyMedia?.[0];
  return first === undefined || first.kind === 'json';
}

/** Whether a body breaks the endpoint's declared type (as it travels: through JSON). */
function bodyBreaks(contract: EndpointContract, body: Json): boolean {
  if (contract.validateBody === undefined || body === undefined) return false;
  return !contract.validateBody(JSON.parse(JSON.stringify(body)) as Json).ok;
}

function wireText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * Whether the server sees a parameter problem in `request` as it travels: the request's
 * parameters written as HTTP carries them, read back as a server (and the middleware) reads them.
 */
function parametersBreak(
  contract: EndpointContract,
  request: Readonly<Record<string, unknown>>,
): boolean {
  const texts = (shape: ParameterShape) => {
    const value = request[shape.name];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map(wireText);
  };
  const path = Object.fromEntries(
    contract.pathParams.map((shape) => [shape.wireName, texts(shape)[0] ?? '']),
  );
  const query = new URLSearchParams();
  for (const shape of contract.query)
    for (const text of texts(shape)) query.append(shape.wireName, text);
  const headers = Object.fromEntries(
    contract.headers
      .filter((shape) => request[shape.name] !== undefined)
      .map((shape) => [shape.wireName.toLowerCase(), texts(shape).join(', ')]),
  );
  return decodeRequest(contract, path, query, headers, undefined).problems.length > 0;
}

/** Whether a header value can travel over HTTP at all (visible ASCII, not empty). */
function headerCarries(value: unknown): boolean {
  return /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/.test(wireText(value));
}

function bodyCandidates(
  contract: EndpointContract,
  request: Readonly<Record<string, unknown>>,
): Candidate[] {
  const body = request['body'];
  if (!contract.hasBody || body === undefined || !bodyIsJson(contract)) return [];
  const text = JSON.stringify(body);
  const candidates: Candidate[] = [
    {
      kind: 'malformed JSON',
      make: () => {
        const cut = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
        const broken = isJson(cut) ? `${cut},` : cut;
        return {
          kind: 'malformed JSON',
          detail: `a body that is not JSON: ${short(broken)}`,
          request,
          raw: { text: broken, contentType: 'application/json' },
        };
      },
    },
    {
      kind: 'wrong media type',
      make: () =>
        (contract.bodyMedia ?? []).some((media) => media.kind === 'text')
          ? undefined
          : {
              kind: 'wrong media type',
              detail: 'a JSON body sent as text/plain, which the endpoint does not accept',
              request,
              raw: { text, contentType: 'text/plain' },
            },
    },
  ];
  for (const path of places(body)) {
    const node = at(body, path);
    const mutate = (kind: NegativeKind, by: Json, what: string): Candidate => ({
      kind,
      make: () => {
        const changed = replaced(body, path, by);
        if (!bodyBreaks(contract, changed)) return undefined;
        return {
          kind,
          detail: `${pathText(path)}: ${what}`,
          request: { ...request, body: changed },
        };
      },
    });
    for (const other of OTHER_TYPES)
      if (typeOf(other) !== typeOf(node))
        candidates.push(
          mutate(
            path.length === 0 ? 'body of the wrong type' : 'field of the wrong type',
            other,
            `${short(other)} where the spec declares another type`,
          ),
        );
    for (const out of beyond(node))
      candidates.push(mutate('value outside its constraints', out, `${short(out)}`));
    if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
      for (const key of Object.keys(node))
        candidates.push(
          mutate(
            'missing required field',
            replaced(node, [key], undefined),
            `without its field ${key}`,
          ),
        );
      candidates.push(
        mutate(
          'unknown field',
          { ...node, speclUnknownField: 'x' },
          'with a field speclUnknownField its type does not declare',
        ),
      );
    }
  }
  return candidates;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function parameterCandidates(
  contract: EndpointContract,
  request: Readonly<Record<string, unknown>>,
): Candidate[] {
  const candidates: Candidate[] = [];
  const places = [
    ['path parameter', contract.pathParams],
    ['query parameter', contract.query],
    ['header', contract.headers],
  ] as const;
  for (const [place, shapes] of places)
    for (const shape of shapes) {
      const what = `the ${place} ${shape.wireName}`;
      const mutate = (kind: NegativeKind, by: unknown, detail: string): Candidate => ({
        kind,
        make: () => {
          if (place === 'header' && by !== undefined && !headerCarries(by)) return undefined;
          if (place === 'path parameter' && (by === undefined || wireText(by) === ''))
            return undefined;
          const changed = { ...request, [shape.name]: by };
          if (by === undefined) delete changed[shape.name];
          return parametersBreak(contract, changed)
            ? { kind, detail: `${what}: ${detail}`, request: changed }
            : undefined;
        },
      });
      if (!shape.optional && place !== 'path parameter')
        candidates.push(mutate('missing parameter', undefined, 'left out, though required'));
      for (const other of ['specl-not-this-type', -1.5, true, '{'])
        candidates.push(
          mutate(
            'parameter of the wrong type',
            other,
            `${short(other)} where another type is declared`,
          ),
        );
      const value = request[shape.name];
      if (value !== undefined)
        for (const out of beyond(value))
          candidates.push(mutate('parameter outside its constraints', out, short(out)));
    }
  return candidates;
}

/**
 * Requests of an endpoint that break its contract, one way each: malformed JSON, a body under
 * a media type it does not accept, a body or field of the wrong type, a value outside its
 * constraints, a required field left out, an unknown field in a (closed) record, a required
 * parameter left out, a parameter of the wrong type or outside its constraints. Each starts
 * from a valid request and is confirmed to break the contract by the same validators a server
 * (and the middleware) would use; `undefined` when no mutation of that request breaks it.
 * Schemathesis's negative testing is the model; mutations are chosen by the generated numbers,
 * so fast-check shrinks towards the first kinds and the smallest valid request.
 */
export function negativeRequests(
  contract: EndpointContract,
): fc.Arbitrary<NegativeRequest | undefined> {
  return fc
    .tuple(contract.requests as fc.Arbitrary<Record<string, unknown>>, fc.nat(), fc.nat())
    .map(([request, pick, spread]) => {
      const byKind = new Map<NegativeKind, Candidate[]>();
      for (const candidate of [
        ...parameterCandidates(contract, request),
        ...bodyCandidates(contract, request),
      ])
        byKind.set(candidate.kind, [...(byKind.get(candidate.kind) ?? []), candidate]);
      // A kind first, each with an equal share of runs; then a place within it; the next
      // candidates (and kinds) when one does not break this request.
      const kinds = [...byKind.values()];
      for (let k = 0; k < kinds.length; k++) {
        const candidates = kinds[(pick + k) % kinds.length]!;
        for (let tried = 0; tried < Math.min(candidates.length, 8); tried++) {
          const negative = candidates[(spread + tried) % candidates.length]!.make();
          if (negative !== undefined) return negative;
        }
      }
      return undefined;
    });
}

/** Whether an endpoint has any request that could break it: a body or a parameter. */
export function hasNegativeRequests(contract: EndpointContract): boolean {
  return (
    (contract.hasBody && bodyIsJson(contract)) ||
    contract.pathParams.length + contract.query.length + contract.headers.length > 0
  );
}
