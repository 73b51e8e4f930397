import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiagnosticCodes } from '@specl/language';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';
import { validateSarif } from '../helpers/sarif.js';

const files = {
  'api/shop.specl': 'spec Shop version "1.0.0"\nimport "common.specl"\ntype Order { item: Itm }\n',
  'api/common.specl': 'type Item { qty: Int { min: 5 }\n  invariant qty < 3 }\n',
};

describe('specl check --format json', () => {
  it('lists files, located diagnostics and a summary', () => {
    const cwd = tempProject(files);
    const run = runSpecl(['check', '--format', 'json', 'api'], cwd);
    expect(run.status).toBe(1);
    const version = JSON.parse(readFileSync(join(repoRoot, 'cli/package.json'), 'utf8')).version;
    expect(JSON.parse(run.stdout)).toEqual({
      version: 1,
      tool: { name: 'specl', version },
      files: ['api/common.specl', 'api/shop.specl'],
      diagnostics: [
        {
          file: 'api/common.specl',
          line: 2,
          column: 13,
          endLine: 2,
          endColumn: 20,
          severity: 'warning',
          code: 'specl/unsatisfiable-invariant',
          message:
            'this invariant can never hold: `qty` is limited by `min: 5`; fix the invariant or the constraint',
        },
        {
          file: 'api/shop.specl',
          line: 3,
          column: 20,
          endLine: 3,
          endColumn: 23,
          severity: 'error',
          code: 'specl/unknown-type',
          message: 'unknown type `Itm`; did you mean `Item`?',
        },
      ],
      summary: { files: 2, errors: 1, warnings: 1 },
    });
  });

  it('gives byte-identical output on every run', () => {
    const cwd = tempProject(files);
    const first = runSpecl(['check', '--format', 'json', 'api'], cwd).stdout;
    expect(runSpecl(['check', '--format', 'json', 'api'], cwd).stdout).toBe(first);
  });
});

describe('specl check --format sarif', () => {
  it('is valid SARIF 2.1.0 with every code as a rule and each result located in the spec', () => {
    const cwd = tempProject(files);
    const run = runSpecl(['check', '--format', 'sarif', 'api'], cwd);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);

    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(allDiagnosticCodes);
    expect(sarifRun.results).toEqual([
      {
        ruleId: 'specl/unsatisfiable-invariant',
        ruleIndex: allDiagnosticCodes.indexOf('specl/unsatisfiable-invariant'),
        level: 'warning',
        message: {
          text: 'this invariant can never hold: `qty` is limited by `min: 5`; fix the invariant or the constraint',
        },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'api/common.specl', uriBaseId: '%SRCROOT%', index: 0 },
              region: { startLine: 2, startColumn: 13, endLine: 2, endColumn: 20 },
            },
          },
        ],
      },
      {
        ruleId: 'specl/unknown-type',
        ruleIndex: allDiagnosticCodes.indexOf('specl/unknown-type'),
        level: 'error',
        message: { text: 'unknown type `Itm`; did you mean `Item`?' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: 'api/shop.specl', uriBaseId: '%SRCROOT%', index: 1 },
              region: { startLine: 3, startColumn: 20, endLine: 3, endColumn: 23 },
            },
          },
        ],
      },
    ]);
  });

  it('is valid SARIF for a clean spec too (no results)', () => {
    const run = runSpecl(['check', '--format', 'sarif', 'examples'], repoRoot);
    expect(run.status).toBe(0);
    const log = JSON.parse(run.stdout);
    expect(validateSarif(log).valid).toBe(true);
    expect(log.runs[0].results).toEqual([]);
  });

  it('rejects a log the schema forbids (the validator is not vacuous)', () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ results: [] }] }).valid).toBe(false);
  });
});
