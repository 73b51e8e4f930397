import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { specArbitrary } from '../../arbitraries/spec-arbitrary.js';
import { lowerProject, lowerSource } from '../../helpers/lower.js';
import { openApiOfIr, schemaValidator } from '../openapi/openapi-helpers.js';
import { repoRoot, vacationIr } from '../typescript/typescript-helpers.js';
import { loadProperties } from './load-properties.js';

/** Whether a JSON value has an object with its own `toString` or `valueOf` key, at any depth. */
function shadowsObjectMethods(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Object.hasOwn(value, 'toString') || Object.hasOwn(value, 'valueOf')) return true;
  return Object.values(value).some(shadowsObjectMethods);
}

/**
 * Ajv's verdict. Ajv compares `uniqueItems` with fast-deep-equal, which calls a value's own
 * `toString`/`valueOf` and throws when they are strings (valid JSON that fast-check's string
 * bias produces as map keys): such values count as fitting once the emitted validator, checked
 * beside, accepts them. Any other throw fails the test.
 */
function ajvVerdict(fits: () => boolean, json: unknown): boolean {
  try {
    return fits();
  } catch (error) {
    if (error instanceof TypeError && shadowsObjectMethods(json)) return true;
    throw error;
  }
}

/** Samples an arbitrary; `undefined` when generation gave up on an unsatisfiable filter. */
function sampleOrGiveUp(arbitrary: fc.Arbitrary<unknown>): unknown[] | undefined {
  try {
    return fc.sample(arbitrary, { seed: 42, numRuns: 50 });
  } catch (error) {
    // Giving up is allowed only with the runtime's clear error about an invariant or `where`
    // of a record type that random values (almost) never meet, never a hang or another error.
    if (!(error instanceof Error) || error.name !== 'UnsatisfiableFilter') throw error;
    expect(error.message).toMatch(
      /^cannot generate a value of \w+ satisfying .+ \(main\.specl:\d+:\d+\)/,
    );
    return undefined;
  }
}

/** Whether a generated value holds raw bytes anywhere. */
function holdsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true;
  if (Array.isArray(value)) return value.some(holdsBytes);
  return typeof value === 'object' && value !== null && Object.values(value).some(holdsBytes);
}

/**
 * Samples 50 values of every named type and checks each with the emitted validator and, under
 * strict Ajv 2020-12, the emitted component schema; answers the number of values checked.
 */
async function checkAgreement(name: string, ir: SpecIR): Promise<number> {
  const { validators, arbitraries } = await loadProperties(name, ir);
  const schemas = schemaValidator(openApiOfIr(ir));
  let checked = 0;
  for (const decl of ir.types) {
    if (decl.kind === 'error' && decl.bodyless) continue; // no body: no values, no schema
    const values = sampleOrGiveUp(arbitraries[decl.name]!) ?? [];
    for (const value of values) {
      const json = JSON.parse(JSON.stringify(value)) as unknown;
      const verdict = {
        type: decl.name,
        value: json,
        validator: validators[decl.name]!(value),
        // A record with a file part (`Bytes`) travels as multipart, never as JSON (its bytes
        // would stringify to `{}`): its schema describes the form's parts, not a JSON value.
        schema: holdsBytes(value) ? true : ajvVerdict(() => schemas.fits(decl.name, json), json),
      };
      expect(verdict).toEqual({ ...verdict, validator: { ok: true }, schema: true });
      checked++;
    }
  }
  return checked;
}

describe('the arbitraries of properties.ts', () => {
  it('gives values of the vacation example that its validators and schemas accept', async () => {
    const ir = await vacationIr();
    expect(await checkAgreement('arbitraries-vacation', ir)).toBe(50 * ir.types.length);
  });

  it('gives values of the v0.1 types (Json, Int32, Decimal, constants, open, tagged)', async () => {
    const source = readFileSync(join(repoRoot, 'test/fixtures/v01-types.specl'), 'utf8');
    const ir = await lowerSource(source);
    expect(await checkAgreement('arbitraries-v01', ir)).toBe(50 * ir.types.length);
  });

  it('gives values of random specs that their validators and schemas accept', async () => {
    const projects = fc.sample(specArbitrary, { seed: 21, numRuns: 12 });
    let checked = 0;
    for (const [index, project] of projects.entries())
      checked += await checkAgreement(`arbitraries-random${index}`, await lowerProject(project));
    expect(checked).toBeGreaterThan(150);
  }, 120_000);
});
