// Specs that once took superlinear time or memory (found by fuzzing, see issue 17): deep chains
// of aliases and spreads, long lists, a huge identifier. Each is generated at a size N; the
// benchmark (bench/superlinear.mjs) checks and compiles them and compares the time to an aim.

const HEADER = 'spec Deep version "1.0.0"\n\n';

/** `type A{k} = A{k-1}`, N deep, used by a record: one alias chain. */
function aliasChain(n) {
  const out = [HEADER, 'type A0 = String { maxLength: 40 }'];
  for (let k = 1; k < n; k++) out.push(`type A${k} = A${k - 1}`);
  out.push(`type R { f: A${n - 1} }`, 'endpoint getR GET /r { response 200 R }');
  return out.join('\n');
}

/** `type T{k} { ...T{k-1} }`, N deep: the last record has the first one's three fields. */
function spreadChain(n) {
  const out = [HEADER, 'type T0 { id: String, name: String { maxLength: 40 }, count: Int }'];
  for (let k = 1; k < n; k++) out.push(`type T${k} { ...T${k - 1} }`);
  out.push(`endpoint getT GET /t { response 200 T${n - 1} }`);
  return out.join('\n');
}

/**
 * `type T{k} { ...T{k-1}, f{k}: Int }`, N deep: record k has k + 1 fields, so the records have
 * N^2/2 fields in all, and the OpenAPI document (each schema lists its fields) is as large.
 */
function growingSpreadChain(n) {
  const out = [HEADER, 'type T0 { f0: Int }'];
  for (let k = 1; k < n; k++) out.push(`type T${k} { ...T${k - 1}, f${k}: Int }`);
  out.push(`endpoint getT GET /t { response 200 T${n - 1} }`);
  return out.join('\n');
}

/**
 * An endpoint with an `errors` list of N entries. Error statuses run from 400 to 599, so all
 * but the first 200 repeat a status: N - 200 `duplicate-status` diagnostics, each at its entry.
 */
function errorsList(n) {
  const out = [HEADER];
  for (let k = 0; k < n; k++) out.push(`error E${k} ${400 + (k % 200)} { message: String }`);
  const names = Array.from({ length: n }, (_, k) => `E${k}`).join(', ');
  out.push(`endpoint getX GET /x {\n  response 200\n  errors ${names}\n}`);
  return out.join('\n');
}

/** A record of N fields and an enum of N members, each written on one line. */
function wideDeclarations(n) {
  const fields = Array.from({ length: n }, (_, k) => `f${k}: Int`).join(', ');
  const members = Array.from({ length: n }, (_, k) => `m${k}`).join(', ');
  return `${HEADER}enum E { ${members} }\ntype R { e: E, ${fields} }\nendpoint getR GET /r { response 200 R }\n`;
}

/** A record named by an identifier of N characters, used twice. */
function longIdentifier(n) {
  const name = `T${'x'.repeat(n - 1)}`;
  return `${HEADER}type ${name} { f: Int }\nendpoint getT GET /t { response 200 ${name} }\n`;
}

/**
 * The cases: name, what it is, its size, whether it compiles clean (else only `specl check` is
 * timed, with the diagnostics it must give), and its generator.
 */
export const CASES = [
  { name: 'alias chain', size: 5000, unit: 'aliases deep', clean: true, generate: aliasChain },
  { name: 'spread chain', size: 5000, unit: 'spreads deep', clean: true, generate: spreadChain },
  {
    name: 'growing spread chain',
    size: 1000,
    unit: 'spreads deep (N^2/2 fields)',
    clean: true,
    generate: growingSpreadChain,
  },
  {
    name: 'errors list',
    size: 5000,
    unit: 'entries',
    clean: false,
    diagnostics: 4800,
    generate: errorsList,
  },
  {
    name: 'wide record and enum',
    size: 5000,
    unit: 'fields and members',
    clean: true,
    generate: wideDeclarations,
  },
  {
    name: 'long identifier',
    size: 1024 * 1024,
    unit: 'characters',
    clean: true,
    generate: longIdentifier,
  },
];
