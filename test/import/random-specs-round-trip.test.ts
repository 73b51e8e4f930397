import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { buildOpenApiDocument } from '@specl/compiler';
import { importParsed } from '@specl/import';
import { printProject } from '../arbitraries/print-spec.js';
import { multiFileSpecArbitrary, specArbitrary } from '../arbitraries/spec-arbitrary.js';
import type { SpecProject } from '../arbitraries/spec-model.js';
import { lowerFiles } from '../helpers/lower.js';

/** A project with its printed files; fast-check shows it as the files' text. */
function printed(project: SpecProject) {
  const value = { root: project.root, files: printProject(project) };
  const listing = Object.entries(value.files)
    .map(([path, text]) => `---- ${path}\n${text}`)
    .join('\n');
  return Object.assign(value, { [fc.toStringMethod]: () => `\n${listing}\n` });
}

/** Compiles an IR to OpenAPI and imports it back (in memory), answering the new IR. */
async function throughOpenApi(
  ir: SpecIR,
): Promise<{ ir: SpecIR; warnings: readonly unknown[]; text: string }> {
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as unknown;
  const result = await importParsed(document, '/random/openapi.json');
  const back = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
  return { ir: back, warnings: result.warnings, text: result.text };
}

async function roundTrips(project: ReturnType<typeof printed>): Promise<void> {
  const ir = await lowerFiles(project.files, project.root);
  const once = await throughOpenApi(ir);
  expect(once.warnings, once.text).toEqual([]);
  expect(once.ir.fingerprint, once.text).toBe(ir.fingerprint);
  const twice = await throughOpenApi(once.ir);
  expect(twice.ir.fingerprint).toBe(once.ir.fingerprint);
}

describe('random specs compiled to OpenAPI and imported back', () => {
  it('give the same spec (fingerprint), twice over (one file)', async () => {
    await fc.assert(fc.asyncProperty(specArbitrary.map(printed), roundTrips), {
      seed: 1301,
      numRuns: 6,
    });
  });

  it('give the same spec (fingerprint), twice over (a root importing other files)', async () => {
    await fc.assert(fc.asyncProperty(multiFileSpecArbitrary.map(printed), roundTrips), {
      seed: 1302,
      numRuns: 3,
    });
  });
});
