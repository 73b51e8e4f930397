// Generates the TypeSpec side of the `specl compile` benchmark: the API shape of the peer
// benchmark in /work/shared/design/peers.md, which is also what `generateSpec(n, { shape: 'peer' })`
// in gen-spec.mjs writes in Specl. N models of 8 fields (`id: string`, `name` with min/max
// length, `count: int32` with a minimum, `enabled: boolean`, an own 3-member enum, an array of
// the pair partner (0<->1, 2<->3, ...), an optional string, a `utcDateTime`) and N operations:
// N/2 pairs of `GET /things{k}/{id}` and `POST /things{k}`. At N = 100, 1,000 and 5,000 the
// text has the line counts peers.md gives (1,856, 18,506 and 92,506).
//
// `link: 'ring'` adds an optional `next` field that makes all N models one reference ring
// (0 -> 1 -> ... -> N-1 -> 0); `link: 'chain'` an optional `previous` field that makes them one
// chain (k -> k-1). Neither is part of the timed shape: they probe deep reference graphs.

/** The tspconfig.yaml beside each generated main.tsp: OpenAPI 3.1, as JSON (as specl writes). */
export const TSPCONFIG = `emit:
  - "@typespec/openapi3"
options:
  "@typespec/openapi3":
    openapi-versions:
      - "3.1.0"
    file-type: json
    output-file: openapi.json
    emitter-output-dir: "{output-dir}"
`;

/**
 * @param {number} n number of models and of operations (even)
 * @param {{ link?: 'none' | 'ring' | 'chain' }} [options]
 * @returns {string} the text of main.tsp
 */
export function generateTypeSpec(n, { link = 'none' } = {}) {
  if (n < 2 || n % 2 !== 0) throw new Error(`N must be even and at least 2, not ${n}`);
  if (!['none', 'ring', 'chain'].includes(link)) throw new Error(`unknown link ${link}`);
  const out = [];
  out.push('import "@typespec/http";');
  out.push('import "@typespec/rest";');
  out.push('using Http;');
  out.push(`@service(#{ title: "Bench${n}" })`);
  out.push(`namespace Bench${n};`, '');

  for (let k = 0; k < n; k++) {
    const partner = k ^ 1; // pairs 0<->1, 2<->3, ...
    out.push(`enum Status${k} {`, '  draft,', '  active,', '  archived,', '}', '');
    out.push(`model Thing${k} {`);
    out.push('  id: string;');
    out.push('  @minLength(1) @maxLength(120) name: string;');
    out.push('  @minValue(0) count: int32;');
    out.push('  enabled: boolean;');
    out.push(`  status: Status${k};`);
    out.push(`  related: Thing${partner}[];`);
    out.push('  note?: string;');
    out.push('  createdAt: utcDateTime;');
    if (link === 'ring') out.push(`  next?: Thing${(k + 1) % n};`);
    if (link === 'chain' && k > 0) out.push(`  previous?: Thing${k - 1};`);
    out.push('}', '');
  }

  for (let k = 0; k < n / 2; k++) {
    out.push(`@route("/things${k}/{id}") @get op getThing${k}(@path id: string): Thing${k};`);
    out.push(`@route("/things${k}") @post op createThing${k}(@body body: Thing${k}): Thing${k};`);
    out.push('');
  }
  return out.join('\n');
}
