import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { allDiagnosticCodes, diagnosticCodes } from '@specl/language';

// Every code of the table is asserted by at least one test of this folder, and the tests name no
// code the table lacks.

const here = dirname(fileURLToPath(import.meta.url));
const sources = readdirSync(here)
  .filter((name) => name.endsWith('.test.ts') && name !== 'coverage.test.ts')
  .map((name) => readFileSync(join(here, name), 'utf8'))
  .join('\n');
const named = new Set([...sources.matchAll(/'(specl\/[a-z-]+)'/g)].map((m) => m[1]!));

describe('diagnostic code coverage', () => {
  it('every code in the table has a test', () => {
    expect(allDiagnosticCodes.filter((code) => !named.has(code))).toEqual([]);
  });

  it('every code the tests name is in the table', () => {
    expect([...named].filter((code) => !(code in diagnosticCodes))).toEqual([]);
  });
});
