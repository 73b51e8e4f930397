// Generates a Specl spec of N record types and N endpoints, shaped like the peer benchmark in
// /work/shared/design/peers.md: 8 constrained fields per type, types that reference each other
// in pairs (0<->1, 2<->3, ...), in one long ring and in one long chain, some invariants, N/2
// GET/POST endpoint pairs (some with requires/ensures) and a few properties.
//
// `shape: 'peer'` gives instead exactly the API that gen-typespec.mjs writes in TypeSpec (for
// `specl compile` against `tsp compile`): the same 8 fields without the extras TypeSpec cannot
// say or chokes on (no ring, chain, invariants, requires/ensures, errors or properties), with
// `link: 'ring'` or `link: 'chain'` to join all N types in one ring or one chain.

/** How many types form the ring (TypeSpec overflows its stack at ~270-390 models in one ring). */
export const RING = 500;

/**
 * @param {number} n number of types and of endpoints (even)
 * @param {{ shape?: 'check' | 'peer', link?: 'none' | 'ring' | 'chain' }} [options] `link`
 *   only with `shape: 'peer'`
 * @returns {string} the spec's text
 */
export function generateSpec(n, { shape = 'check', link = 'none' } = {}) {
  if (n < 2 || n % 2 !== 0) throw new Error(`N must be even and at least 2, not ${n}`);
  if (shape === 'peer') return generatePeerSpec(n, link);
  if (shape !== 'check') throw new Error(`unknown shape ${shape}`);
  const ring = Math.min(RING, n);
  const out = [];
  out.push(`/// Generated benchmark spec: ${n} types, ${n} endpoints.`);
  out.push(`spec Bench${n} version "1.0.0"`, '');
  out.push('error NotFound 404 { message: String }');
  out.push('error Invalid 422 { message: String, field?: String }', '');

  for (let k = 0; k < n; k++) {
    const partner = k ^ 1; // pairs 0<->1, 2<->3, ...
    out.push(`enum Status${k} { draft, active, archived }`, '');
    out.push(`/// Thing number ${k}.`);
    out.push(`type Thing${k} {`);
    out.push('  id: Uuid');
    out.push('  name: String { minLength: 1, maxLength: 120 }');
    out.push('  count: Int { min: 0 }');
    out.push('  enabled: Bool');
    out.push(`  status: Status${k}`);
    out.push(`  related: List<Thing${partner}> { maxItems: 10 }`);
    out.push('  note?: String { maxLength: 500 }');
    out.push('  createdAt: DateTime');
    // The first `ring` types form one ring 0 -> 1 -> ... -> ring-1 -> 0; the rest one chain.
    if (k < ring) out.push(`  next?: Thing${(k + 1) % ring}`);
    else out.push(`  previous?: Thing${k - 1}`);
    if (k % 2 === 0) out.push('  invariant count >= 0');
    if (k % 5 === 0) out.push('  invariant enabled implies len(name) >= 1');
    if (k % 7 === 0) out.push('  invariant status == archived implies not enabled');
    out.push('}', '');
  }

  for (let k = 0; k < n / 2; k++) {
    out.push(`endpoint getThing${k} GET /things${k}/{id: Uuid} {`);
    out.push(`  response 200 Thing${k}`);
    out.push('  errors NotFound');
    if (k % 2 === 0) out.push('  ensures response.id == id');
    out.push('}', '');
    out.push(`endpoint createThing${k} POST /things${k} {`);
    out.push(`  body Thing${k}`);
    out.push(`  response 201 Thing${k}`);
    out.push('  errors Invalid');
    if (k % 2 === 0) {
      out.push('  requires body.count >= 0 and len(body.name) <= 120');
      out.push('  ensures response.name == body.name');
      out.push('  ensures all r in response.related: r.count >= 0');
    }
    out.push('}', '');
  }

  const properties = Math.max(3, Math.floor(n / 100));
  for (let p = 0; p < properties; p++) {
    const k = (p * 2) % (n / 2);
    out.push(`/// Creating a thing and reading it back gives the same thing.`);
    out.push(`property roundTrip${p} {`);
    out.push(`  forall t: Thing${k}, extra: Int { min: 0, max: 10 } where t.count >= extra`);
    out.push(`  let created = createThing${k}(body: t)`);
    out.push(`  let fetched = try getThing${k}(id: created.id)`);
    out.push('  expect fetched.ok implies fetched.value.name == t.name');
    out.push('  expect created.count == t.count and created.status in [draft, active, archived]');
    out.push(`  expect not fetched.ok implies fetched.status == 404`);
    out.push('}', '');
  }
  return out.join('\n');
}

/**
 * The API of gen-typespec.mjs in Specl, line for line: enum, record, GET and POST pair.
 * Differences that the languages force: Specl's `Int` for `int32`, `DateTime` for `utcDateTime`,
 * `spec ... version` for `@service`.
 */
function generatePeerSpec(n, link) {
  if (!['none', 'ring', 'chain'].includes(link)) throw new Error(`unknown link ${link}`);
  const out = [];
  out.push(`/// Generated benchmark spec: ${n} types, ${n} endpoints (the peers.md shape).`);
  out.push(`spec Bench${n} version "1.0.0"`, '');
  for (let k = 0; k < n; k++) {
    const partner = k ^ 1; // pairs 0<->1, 2<->3, ...
    out.push(`enum Status${k} { draft, active, archived }`, '');
    out.push(`type Thing${k} {`);
    out.push('  id: String');
    out.push('  name: String { minLength: 1, maxLength: 120 }');
    out.push('  count: Int { min: 0 }');
    out.push('  enabled: Bool');
    out.push(`  status: Status${k}`);
    out.push(`  related: List<Thing${partner}>`);
    out.push('  note?: String');
    out.push('  createdAt: DateTime');
    if (link === 'ring') out.push(`  next?: Thing${(k + 1) % n}`);
    if (link === 'chain' && k > 0) out.push(`  previous?: Thing${k - 1}`);
    out.push('}', '');
  }
  for (let k = 0; k < n / 2; k++) {
    out.push(`endpoint getThing${k} GET /things${k}/{id: String} {`);
    out.push(`  response 200 Thing${k}`);
    out.push('}', '');
    out.push(`endpoint createThing${k} POST /things${k} {`);
    out.push(`  body Thing${k}`);
    out.push(`  response 200 Thing${k}`);
    out.push('}', '');
  }
  return out.join('\n');
}
