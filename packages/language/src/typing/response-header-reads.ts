import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Endpoint, ResponseHeader } from '../generated/ast.js';
import {
  isEndpoint,
  isEnsuresClause,
  isHeadersDecl,
  isNameRef,
  isResponseClause,
} from '../generated/ast.js';
import { isSuccessResponse } from './endpoint-types.js';
import { fieldType, joinTypes } from './type-relations.js';
import type { SpeclType } from './specl-type.js';
import { makeOptional, stripOptional, unknownType } from './specl-type.js';

/** The name that reads the success answer's headers in `ensures`: `headers.remaining`. */
export const RESPONSE_HEADERS_NAME = 'headers';

/** The type of the scope's description of `headers` (it links to the endpoint, but is a value). */
export const RESPONSE_HEADERS_TYPE = 'ResponseHeaders';

/**
 * The endpoint whose answer's headers `headers` stands for at a node: the enclosing endpoint
 * when the node is inside one of its `ensures`; undefined elsewhere (the name is not bound).
 */
export function responseHeadersEndpoint(node: AstNode): Endpoint | undefined {
  if (!AstUtils.getContainerOfType(node, isEnsuresClause)) return undefined;
  return AstUtils.getContainerOfType(node, isEndpoint);
}

/**
 * Whether an expression is `headers` read in an `ensures`: a bare name that resolved (after
 * parameters, declarations and enum members, so that no spec valid before changes meaning) to
 * the enclosing endpoint, which stands for its success answer's headers.
 */
export function isResponseHeadersRef(node: unknown): boolean {
  if (!isNameRef(node) || node.target?.$refText !== RESPONSE_HEADERS_NAME) return false;
  const target = node.target.ref;
  return isEndpoint(target) && target === responseHeadersEndpoint(node);
}

/**
 * The headers of each 2xx answer of an endpoint (`with NAME, ...`), one list per answer, in
 * the order declared. 3xx answers and errors are left out: `ensures` holds of successes.
 */
export function successHeaderSets(endpoint: Endpoint): ResponseHeader[][] {
  return endpoint.clauses
    .filter(isResponseClause)
    .filter(isSuccessResponse)
    .map((clause) =>
      clause.headers.flatMap((ref) => (isHeadersDecl(ref?.ref) ? ref.ref.members : [])),
    );
}

/** The headers `headers.NAME` may name in an endpoint's `ensures`: each name once, first first. */
export function successHeaders(endpoint: Endpoint): ResponseHeader[] {
  const seen = new Map<string, ResponseHeader>();
  for (const header of successHeaderSets(endpoint).flat())
    if (!seen.has(header.name)) seen.set(header.name, header);
  return [...seen.values()];
}

/**
 * The type of `headers.NAME`: the header's type joined across the 2xx answers that declare it
 * (their union when they do not join), optional when one of them declares it optional or a 2xx
 * answer does not carry it at all.
 */
export function responseHeaderType(endpoint: Endpoint, name: string): SpeclType {
  const sets = successHeaderSets(endpoint);
  const found = sets.map((set) => set.find((header) => header.name === name));
  const declared = found.filter((header): header is ResponseHeader => header !== undefined);
  if (declared.length === 0) return unknownType;
  const types = declared.map((header) => stripOptional(fieldType(header)));
  let joined: SpeclType | undefined = types[0]!;
  for (const type of types.slice(1)) joined = joined && joinTypes(joined, type);
  const type = joined ?? { kind: 'union', options: types };
  const optional = declared.length < sets.length || declared.some((header) => header.optional);
  return optional ? makeOptional(type) : type;
}
