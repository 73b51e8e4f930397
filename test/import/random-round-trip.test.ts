import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { buildOpenApiDocument } from '@specl/compiler';
import { importParsed } from '@specl/import';
import { printProject } from '../arbitraries/print-spec.js';
import { multiFileSpecArbitrary, specArbitrary } from '../arbitraries/spec-arbitrary.js';
import type { SpecProject } from '../arbitraries/spec-model.js';
import { lowerFiles } from '../helpers/lower.js';

/** A spec's IR compiled to OpenAPI 3.1 and imported back (with no warning), with its text. */
async function importBack(ir: SpecIR): Promise<{ text: string; ir: SpecIR }> {
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as unknown;
  const result = await importParsed(document, '/random/openapi.json');
  expect(result.warnings, result.text).toEqual([]);
  const back = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
  return { text: result.text, ir: back };
}

/**
 * The IR as JSON without source locations, and without the orders an OpenAPI document does not
 * keep: responses and declared errors (ordered by status there) and the constraints written on a
 * type (keywords in a fixed order).
 */
function meaning(ir: SpecIR): string {
  return JSON.stringify(ir, (key, value: unknown) => {
    if (key === 'fingerprint' || key === 'location' || /Locations?$/.test(key)) return undefined;
    if (key === 'responses' && Array.isArray(value))
      return [...(value as { status: number }[])].sort((a, b) => a.status - b.status);
    if (key === 'errors' && Array.isArray(value)) return [...(value as string[])].sort();
    if (key === 'constraints' && value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)));
    return value;
  });
}

/** Checks one random project: its IR survives the round trip, and a second trip changes nothing. */
async function survivesRoundTrips(project: SpecProject): Promise<void> {
  const files = printProject(project);
  const ir = await lowerFiles(files, project.root);
  const once = await importBack(ir);
  expect(meaning(once.ir), once.text).toBe(meaning(ir));
  const twice = await importBack(once.ir);
  expect(twice.ir.fingerprint, twice.text).toBe(once.ir.fingerprint);
  expect(twice.text).toBe(once.text);
}

/** A project that fast-check shows as its files' text. */
function printed(project: SpecProject): SpecProject {
  const listing = Object.entries(printProject(project))
    .map(([path, text]) => `---- ${path}\n${text}`)
    .join('\n');
  return Object.assign(project, { [fc.toStringMethod]: () => `\n${listing}\n` });
}

// Each step of a shrink is two round trips: a failure stops shrinking after a minute and is
// reported as found by then; runs that take longer than that fail rather than pass unfinished.
const bounded = { interruptAfterTimeLimit: 60_000, markInterruptAsFailure: true } as const;

/**
 * The property: random specs of the test suite's generator, compiled to OpenAPI and
 * imported back, give the same IR (types, endpoints, parameters, conditions and properties
 * restored from the x-specl-* extensions; names are kept, so "up to naming" needs nothing) and,
 * after a second round trip, the same fingerprint and text.
 */
describe('random specs compiled to OpenAPI and imported back', () => {
  it('give the same IR, and the same fingerprint after a second round trip (one file)', async () => {
    await fc.assert(fc.asyncProperty(specArbitrary.map(printed), survivesRoundTrips), {
      seed: 1301,
      numRuns: 40,
      ...bounded,
    });
  }, 120_000);

  it('give the same IR, and the same fingerprint after a second round trip (several files)', async () => {
    await fc.assert(fc.asyncProperty(multiFileSpecArbitrary.map(printed), survivesRoundTrips), {
      seed: 1302,
      numRuns: 15,
      ...bounded,
    });
  }, 120_000);
});
