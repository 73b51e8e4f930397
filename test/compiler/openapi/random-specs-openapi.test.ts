import fc from 'fast-check';
import { describe, it } from 'vitest';
import { printProject } from '../../arbitraries/print-spec.js';
import { multiFileSpecArbitrary, specArbitrary } from '../../arbitraries/spec-arbitrary.js';
import type { SpecProject } from '../../arbitraries/spec-model.js';
import { expectValidOpenApi, lowerSources, openApiOfIr } from './openapi-helpers.js';

/** A project with its printed files; fast-check shows it as the files' text. */
function printed(project: SpecProject) {
  const value = { root: project.root, files: printProject(project) };
  const listing = Object.entries(value.files)
    .map(([path, text]) => `---- ${path}\n${text}`)
    .join('\n');
  return Object.assign(value, { [fc.toStringMethod]: () => `\n${listing}\n` });
}

async function emitsValidOpenApi(project: ReturnType<typeof printed>): Promise<void> {
  const ir = await lowerSources(project.files, project.root);
  await expectValidOpenApi(openApiOfIr(ir));
}

// A failure's shrink validates a document at every step: it stops after 100 s and is
// reported as found by then; runs that take longer than that fail rather than pass unfinished.
const bounded = { interruptAfterTimeLimit: 100_000, markInterruptAsFailure: true } as const;

describe('the OpenAPI of generated valid specs', () => {
  it('is valid (one file)', async () => {
    await fc.assert(fc.asyncProperty(specArbitrary.map(printed), emitsValidOpenApi), {
      seed: 3101,
      numRuns: 30,
      ...bounded,
    });
  }, 120_000); // 15-20 s alone; over 60 s at a load of 15

  it('is valid (a root importing one or two files)', async () => {
    await fc.assert(fc.asyncProperty(multiFileSpecArbitrary.map(printed), emitsValidOpenApi), {
      seed: 3102,
      numRuns: 15,
      ...bounded,
    });
  }, 120_000);
});
