/**
 * Response headers and redirects of a generated spec: `headers NAME { ... }` sets (most
 * declared where first attached with `with`, some never used), ` with A, B` on answers and
 * errors, and 3xx responses.
 */
import type { Builder } from './spec-arbitrary.js';
import { freshName, pools } from './spec-names.js';
import type { EndpointClause, HeadersDeclModel } from './spec-model.js';

/**
 * `headers NAME { ... }` in `file`: one to three headers, each of a type a header holds, with a name on
 * the wire (its own, or the Specl name) that no other response header of the project has in
 * any case, so that any sets may be attached together.
 */
export function declareHeaders(b: Builder, file: string): { name: string; file: string } {
  const g = b.g;
  const names = new Set<string>();
  const members: HeadersDeclModel['members'] = [];
  for (let i = g.int(1, 3); i > 0; i--) {
    const name = freshName(g, pools.responseHeader, names);
    // Its own name on the wire, or the Specl name (numbered when another header has it).
    const base = g.bool() ? name : g.pick(pools.responseWire);
    let wire = base;
    for (let n = 2; b.wires.has(wire.toLowerCase()); n++) wire = `${base}-${n}`;
    b.wires.add(wire.toLowerCase());
    const typed = b.type({ file, self: Infinity, usage: 'header', depth: 0 });
    const wireName = wire === name && g.bool() ? {} : { wireName: wire };
    members.push({ name, ...wireName, optional: g.chance(3), type: typed.model });
  }
  const name = freshName(g, pools.headers, b.taken);
  const set = { name, file };
  b.headerSets.push(set);
  b.add(file, { kind: 'headers', name, members });
  return set;
}

/**
 * ` with A, B`: none, or one or two sets of headers, each one the file sees or a new one
 * declared in it.
 */
export function withHeaders(b: Builder, file: string): { headers?: string[] } {
  const g = b.g;
  if (!g.chance(5)) return {};
  const count = g.chance(3) ? 2 : 1;
  const seen = b.headerSets.filter((h) => b.visible(file, h.file));
  const sets = g.shuffle(seen).slice(0, g.nat(Math.min(count, seen.length)));
  while (sets.length < count) sets.push(declareHeaders(b, file));
  return { headers: sets.map((h) => h.name) };
}

/**
 * A 3xx answer now and then: declared (a redirect with where it goes, a 304 without a body),
 * never a success, so it changes neither `response` in `ensures` nor a call's value.
 */
export function redirect(b: Builder, file: string): EndpointClause | undefined {
  const g = b.g;
  if (!g.chance(5)) return undefined;
  const status = g.pick([301, 302, 303, 304, 307, 308, g.int(300, 399)]);
  const typed =
    status === 304 || !g.chance(3)
      ? undefined
      : b.type({ file, self: Infinity, usage: 'value', depth: 0 });
  return {
    kind: 'response',
    status,
    ...(typed ? { type: typed.model } : {}),
    ...withHeaders(b, file),
  };
}
