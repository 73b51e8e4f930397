import type { ValidationAcceptor } from 'langium';
import type { ErrorDecl, HeadersDecl, ResponseClause, ResponseHeader } from '../generated/ast.js';
import { isHeadersDecl, isTypeRef } from '../generated/ast.js';
import { resolveTypeExpr } from '../typing/resolve-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import { typeToString } from '../typing/specl-type.js';
import { withArticle } from '../util/article.js';
import { describeDeclaration } from './declaration-checks.js';
import { fitsParameter } from './endpoint-checks.js';
import type { DiagnosticFix } from './fixes.js';
import { rangeOf } from './fixes.js';
import { report } from './report.js';

/** A valid HTTP header name (RFC 9110 `token`). */
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Headers HTTP sets from the body and its media type: never declared as response headers. */
const FROM_THE_BODY = new Set(['content-type', 'content-length']);

/** The name a response header has on the wire: its wire name, else its Specl name. */
export function wireNameOf(header: ResponseHeader): string {
  return header.wireName ?? header.name;
}

/** Moves a nullable type's `?` to the header's name: `reset: Int?` becomes `reset?: Int`. */
function makeOptionalFix(header: ResponseHeader): DiagnosticFix[] {
  const type = header.type;
  const ref = type && isTypeRef(type) ? type : undefined;
  const typeRange = rangeOf(header, 'type');
  const question = ref ? rangeOf(ref, 'nullable') : undefined;
  const after = rangeOf(header, header.wireName === undefined ? 'name' : 'wireName');
  if (header.optional || !typeRange || !question || !after) return [];
  return [
    {
      title: `Make \`${header.name}\` optional`,
      edits: [
        { range: { start: after.end, end: after.end }, newText: '?' },
        { range: question, newText: '' },
      ],
    },
  ];
}

function checkHeaderType(header: ResponseHeader, accept: ValidationAcceptor): void {
  if (!header.type) return;
  const type: SpeclType = resolveTypeExpr(header.type);
  const at = { node: header, property: 'type' as const };
  if (type.kind === 'optional' && fitsHeader(type.inner)) {
    const inner = typeToString(type.inner);
    const args = { name: header.name, inner };
    report(accept, 'specl/invalid-response-header', 'nullable', args, at, makeOptionalFix(header));
  } else if (!fitsHeader(type)) {
    const actual = withArticle(typeToString(type));
    report(accept, 'specl/invalid-response-header', 'notScalar', { name: header.name, actual }, at);
  }
}

/** Whether a header can hold a value of this type: a string, number, boolean or enum. */
function fitsHeader(type: SpeclType): boolean {
  if (type.kind === 'optional') return false;
  if (type.kind === 'primitive' && type.name === 'Bytes') return false;
  return fitsParameter(type, false);
}

/**
 * A `headers` declaration: each header's wire name valid and not one HTTP sets from the body,
 * its type one a header holds, and no two headers sharing a name or (case-insensitively) a
 * wire name.
 */
export function checkHeadersDecl(decl: HeadersDecl, accept: ValidationAcceptor): void {
  const names = new Set<string>();
  const wires = new Map<string, ResponseHeader>();
  for (const header of decl.members) {
    if (names.has(header.name)) {
      const args = { name: header.name, decl: decl.name };
      const at = { node: header, property: 'name' as const };
      report(accept, 'specl/duplicate-response-header', 'sameName', args, at);
    }
    names.add(header.name);
    const wire = wireNameOf(header);
    const property = header.wireName === undefined ? ('name' as const) : ('wireName' as const);
    const at = { node: header, property };
    if (!HEADER_NAME.test(wire)) {
      report(accept, 'specl/invalid-header-name', 'default', { wire }, at);
    } else if (FROM_THE_BODY.has(wire.toLowerCase())) {
      report(accept, 'specl/invalid-response-header', 'reserved', { wire }, at);
    }
    const other = wires.get(wire.toLowerCase());
    if (other) {
      const args = { wire, other: other.name };
      report(accept, 'specl/duplicate-response-header', 'sameWire', args, at);
    } else wires.set(wire.toLowerCase(), header);
    checkHeaderType(header, accept);
  }
}

/**
 * The `with` of a response or an error: every name a `headers` declaration, none twice, and no
 * wire name carried by two of them.
 */
export function checkWithHeaders(
  node: ResponseClause | ErrorDecl,
  accept: ValidationAcceptor,
): void {
  // Each name is compared with those before it (a `with` lists a few) instead of a map's.
  const refs = node.headers;
  for (let index = 0; index < refs.length; index++) {
    const target = refs[index]!.ref;
    if (!target) continue;
    const at = { node, property: 'headers' as const, index };
    if (!isHeadersDecl(target)) {
      const args = { name: target.name, what: describeDeclaration(target) };
      report(accept, 'specl/unknown-headers', 'notHeaders', args, at);
      continue;
    }
    if (headersListedBefore(node, index, target)) {
      report(accept, 'specl/duplicate-response-header', 'listedTwice', { name: target.name }, at);
      continue;
    }
    for (const header of target.members) {
      const wire = wireNameOf(header);
      const first = wireCarrierBefore(node, index, wire);
      if (first) {
        const args = { wire, first: first.name, second: target.name };
        report(accept, 'specl/duplicate-response-header', 'acrossDeclarations', args, at);
      }
    }
  }
}

/** Whether `target` is named in `node`'s `with` before the name at `end`. */
function headersListedBefore(
  node: ResponseClause | ErrorDecl,
  end: number,
  target: HeadersDecl,
): boolean {
  for (let j = 0; j < end; j++) if (node.headers[j]!.ref === target) return true;
  return false;
}

/** The first `headers` declaration named before `end` in `node`'s `with` that carries `wire`. */
function wireCarrierBefore(
  node: ResponseClause | ErrorDecl,
  end: number,
  wire: string,
): HeadersDecl | undefined {
  const lower = wire.toLowerCase();
  for (let j = 0; j < end; j++) {
    const target = node.headers[j]!.ref;
    if (!target || !isHeadersDecl(target)) continue;
    for (const header of target.members) {
      const other = wireNameOf(header);
      if (other.toLowerCase() === lower) return target;
    }
  }
  return undefined;
}
