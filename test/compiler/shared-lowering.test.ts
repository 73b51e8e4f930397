// Lowering shares a field's (and an invariant's) IR among the records its spreads bring it to,
// the OpenAPI emitter makes a shared field's schema once, and the fingerprint hashes a shared
// object's JSON once. Differential tests: every output and the fingerprint must be exactly what
// the same IR gives with nothing shared (a JSON copy of it), and the fingerprint exactly its
// definition, `sha256` of `JSON.stringify(ir)` without source locations.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { buildSpec, compileTargetNames, compileTargets, fingerprintOf } from '@specl/compiler';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { lowerFiles, lowerSource } from '../helpers/lower.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

/** The IR without its fingerprint: what the fingerprint is of. */
function withoutFingerprint(ir: SpecIR): object {
  return Object.fromEntries(Object.entries(ir).filter(([key]) => key !== 'fingerprint'));
}

/**
 * The IR without its source locations, as the fingerprint defines them: keys `location`,
 * `…Location` and `…Locations` of the IR's own objects; within the user's data (`example`,
 * `default`, `examples`, an auth flow's `settings`) every key stays.
 */
function withoutLocations(value: unknown, data = false): unknown {
  if (Array.isArray(value)) return value.map((item) => withoutLocations(item, data));
  if (typeof value !== 'object' || value === null) return value;
  const isLocation = (key: string) =>
    key === 'location' || key.endsWith('Location') || key.endsWith('Locations');
  const isData = (key: string) => ['example', 'default', 'examples', 'settings'].includes(key);
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => data || !isLocation(key))
      .map(([key, item]) => [key, withoutLocations(item, data || isData(key))]),
  );
}

/** The fingerprint as defined: the IR's JSON without locations, hashed in one piece. */
function definedFingerprint(ir: SpecIR): string {
  const json = JSON.stringify(withoutLocations(withoutFingerprint(ir)));
  return `sha256:${createHash('sha256').update(json).digest('hex')}`;
}

/** Every target's files (YAML too), by path. */
function outputs(ir: SpecIR): Record<string, string> {
  const files = compileTargets(ir, compileTargetNames, { yaml: true });
  return Object.fromEntries(files.map((file) => [file.path, file.content]));
}

/** How many field objects of the IR's records are held by more than one record. */
function sharedFields(ir: SpecIR): number {
  const seen = new Set<object>();
  const shared = new Set<object>();
  for (const decl of ir.types) {
    if (decl.kind !== 'record' && decl.kind !== 'error') continue;
    for (const field of decl.fields) (seen.has(field) ? shared : seen).add(field);
  }
  return shared.size;
}

/** The same outputs and fingerprint with and without shared objects, and as defined. */
function expectSameAsUnshared(ir: SpecIR): void {
  const unshared = JSON.parse(JSON.stringify(ir)) as SpecIR;
  expect(sharedFields(unshared)).toBe(0);
  expect(ir.fingerprint).toBe(definedFingerprint(ir));
  expect(fingerprintOf(withoutFingerprint(ir))).toBe(ir.fingerprint);
  expect(fingerprintOf(withoutFingerprint(unshared))).toBe(ir.fingerprint);
  expect(outputs(ir)).toEqual(outputs(unshared));
}

/** `type T{k} { ...T{k-1}, f{k}: Int }`, `depth` deep. */
function growingChain(depth: number): string {
  const lines = ['type T0 { f0: Int { min: 0 } invariant f0 < 100 }'];
  for (let k = 1; k < depth; k++) lines.push(`type T${k} { ...T${k - 1}, f${k}: Int }`);
  lines.push(`endpoint getT GET /t { response 200 T${depth - 1} }`);
  return lines.join('\n');
}

describe('fields shared among the records that spread them', () => {
  it('are one object per field declared, and change no output or fingerprint', async () => {
    const ir = await lowerSource(growingChain(30));
    // A record's own field is its own object; the records that spread it share one: f0 to f27
    // are each in two records or more besides their own, f28 in one (T29), f29 in none.
    expect(sharedFields(ir)).toBe(28);
    expectSameAsUnshared(ir);
  });

  it('keep a spread through a diamond, an alias, an error, invariants and doc comments', async () => {
    const ir = await lowerSource(
      [
        '/// The base.',
        'type Base {',
        '  /// Where it is.',
        '  location: String { example: "here" }',
        '  atLocation: Int { min: 0, example: 3 }',
        '  meta: Map<String> { example: { location: "x", fooLocations: "y", kept: "z" } }',
        '  invariant atLocation < 10',
        '}',
        'type Left { ...Base, left?: Bool }',
        'type Right { ...Base, right: Float { max: 2.5 } }',
        'type Both { ...Left, ...Right }',
        'type Named = Base',
        'type Via { ...Named, via: String }',
        'error Broken 409 { ...Both, reason: String }',
        'endpoint getBoth GET /both { response 200 Both\n errors Broken }',
        'endpoint getVia GET /via { response 200 Via }',
      ].join('\n'),
    );
    expect(sharedFields(ir)).toBeGreaterThan(0);
    expectSameAsUnshared(ir);
  });

  it('leave a spec without spreads as it was', async () => {
    const ir = await lowerSource('type A { a: Int }\nendpoint getA GET /a { response 200 A }');
    expect(sharedFields(ir)).toBe(0);
    expectSameAsUnshared(ir);
  });

  it('change nothing in the examples', async () => {
    for (const name of ['vacation', 'ach-payments', 'product-similarity']) {
      const build = await buildSpec({ root: join(EXAMPLES, name, `${name}.specl`) });
      expect(build.ir, name).toBeDefined();
      expectSameAsUnshared(build.ir!);
    }
  });

  it('change nothing in generated specs', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (project) => {
        expectSameAsUnshared(await lowerFiles(printProject(project), project.root));
      }),
      { seed: 1717, numRuns: 25 },
    );
  });
});
