/**
 * Response headers and redirects of a generated spec: `headers NAME { ... }` sets (most
 * declared where first attached with `with`, some never used), ` with A, B` on answers and
 * errors, and 3xx responses.
 */
import type { Builder } from './spec-arbitrary.js';
import { freshName, pools } from './spec-names.js';
import type { EndpointClause, Expr, HeadersDeclModel } from './spec-model.js';
import type { Term } from './spec-terms.js';
import type { RT, Value } from './spec-values.js';
import { makeOpt, witness } from './spec-values.js';

/** A declared set of response headers: each header's Specl name, whether it may be absent, its type. */
export interface HeaderSetInfo {
  name: string;
  file: string;
  members: { name: string; optional: boolean; rt: RT }[];
}

/**
 * `headers NAME { ... }` in `file`: one to three headers, each of a type a header holds, with a name on
 * the wire (its own, or the Specl name) that no other response header of the project has in
 * any case, so that any sets may be attached together.
 */
export function declareHeaders(b: Builder, file: string): HeaderSetInfo {
  const g = b.g;
  const names = new Set<string>();
  const members: HeadersDeclModel['members'] = [];
  const info: HeaderSetInfo['members'] = [];
  for (let i = g.int(1, 3); i > 0; i--) {
    const name = freshName(g, pools.responseHeader, names);
    // Its own name on the wire, or the Specl name (numbered when another header has it).
    const base = g.bool() ? name : g.pick(pools.responseWire);
    let wire = base;
    for (let n = 2; b.wires.has(wire.toLowerCase()); n++) wire = `${base}-${n}`;
    b.wires.add(wire.toLowerCase());
    const typed = b.type({ file, self: Infinity, usage: 'header', depth: 0 });
    const wireName = wire === name && g.bool() ? {} : { wireName: wire };
    const optional = g.chance(3);
    members.push({ name, ...wireName, optional, type: typed.model });
    info.push({ name, optional, rt: typed.rt });
  }
  const name = freshName(g, pools.headers, b.taken);
  const set = { name, file, members: info };
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

/**
 * `headers.NAME` in `ensures`: the headers the success answers carry (each answer's sets, by
 * name), as terms conditions may read, with a witness of each in `scope` under `headers`. A
 * header is optional when some success answer may leave it out; one two sets of an answer both
 * name, or that answers give different types, is left unread.
 */
export function headerTerms(
  b: Builder,
  answers: (string[] | undefined)[],
  scope: Map<string, Value>,
): Term[] {
  const found = new Map<string, { rt: RT; optional: boolean; count: number; clash: boolean }>();
  for (const sets of answers) {
    const members = (sets ?? []).flatMap((n) => b.headerSets.find((h) => h.name === n)!.members);
    for (const m of members) {
      const seen = found.get(m.name);
      const twice = members.filter((o) => o.name === m.name).length > 1;
      if (!seen) found.set(m.name, { rt: m.rt, optional: m.optional, count: 1, clash: twice });
      else {
        seen.count++;
        seen.optional ||= m.optional;
        seen.clash ||= twice || JSON.stringify(seen.rt) !== JSON.stringify(m.rt);
      }
    }
  }
  const values: { [name: string]: Value } = {};
  const out: Term[] = [];
  for (const [name, h] of found) {
    if (h.clash) continue;
    const rt = h.optional || h.count < answers.length ? makeOpt(h.rt) : h.rt;
    values[name] = witness(b.g, rt, b.records);
    const expr: Expr = {
      kind: 'member',
      receiver: { kind: 'name', name: 'headers' },
      name,
      optional: false,
    };
    out.push({ expr, rt });
  }
  if (out.length > 0) scope.set('headers', values);
  return out;
}
