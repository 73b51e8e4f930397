import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChangeKinds } from '@specl/compiler';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';
import { validateSarif } from '../helpers/sarif.js';
import { shopFiles } from './diff-fixture.js';

const cliVersion = JSON.parse(readFileSync(join(repoRoot, 'cli/package.json'), 'utf8')).version;

const diff = (format: string) => {
  const cwd = tempProject(shopFiles);
  return runSpecl(['diff', 'api/old.specl', 'api/new.specl', '--format', format], cwd);
};

describe('specl diff --format json', () => {
  it('lists both sides, each change with both places, the summary and the version check', () => {
    const run = diff('json');
    expect(run.status).toBe(1);
    const document = JSON.parse(run.stdout);
    expect(document.old.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(document.new.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(document).toEqual({
      version: 1,
      tool: { name: 'specl', version: cliVersion },
      old: {
        spec: 'api/old.specl',
        name: 'Shop',
        version: '1.0.0',
        fingerprint: document.old.fingerprint,
      },
      new: {
        spec: 'api/new.specl',
        name: 'Shop',
        version: '1.1.0',
        fingerprint: document.new.fingerprint,
      },
      changes: [
        {
          kind: 'field-removed',
          verdict: 'breaking',
          bump: 'major',
          subject: 'Item.name',
          message: 'field `name` of `Item` was removed',
          reason: 'clients that read it no longer get it; `Item` is in the responses of `getItem`',
          old: { file: 'api/old.specl', line: 4, column: 3 },
          new: { file: 'api/new.specl', line: 2, column: 1 },
        },
        {
          kind: 'endpoint-added',
          verdict: 'non-breaking',
          bump: 'minor',
          subject: 'listItems',
          message: 'endpoint `listItems` (`GET /items`) was added',
          reason: 'a new endpoint changes no call that worked before',
          old: { file: 'api/old.specl', line: 1, column: 1 },
          new: { file: 'api/new.specl', line: 8, column: 1 },
        },
      ],
      summary: { changes: 2, breaking: 1, nonBreaking: 1, unknown: 0 },
      semver: {
        old: '1.0.0',
        new: '1.1.0',
        initialDevelopment: false,
        needed: 'major',
        neededForBreaking: 'major',
        carried: 'minor',
        suggested: '2.0.0',
      },
      failOn: 'breaking',
      failed: true,
    });
    expect(document.old.fingerprint).not.toBe(document.new.fingerprint);
  });
});

describe('specl diff --format sarif', () => {
  it('is valid SARIF 2.1.0: a rule per change kind, a result per change at its new place', () => {
    const run = diff('sarif');
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    const { valid, errors } = validateSarif(log);
    expect(valid, errors).toBe(true);
    const [sarifRun] = log.runs;
    expect(sarifRun.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(
      allChangeKinds.map((kind) => `specl-diff/${kind}`),
    );
    expect(sarifRun.artifacts).toEqual([
      { location: { uri: 'api/new.specl', uriBaseId: '%SRCROOT%' }, mimeType: 'text/x-specl' },
    ]);
    expect(sarifRun.results[0]).toEqual({
      ruleId: 'specl-diff/field-removed',
      ruleIndex: allChangeKinds.indexOf('field-removed'),
      level: 'error',
      message: {
        text: 'field `name` of `Item` was removed: breaking (clients that read it no longer get it; `Item` is in the responses of `getItem`)',
      },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: 'api/new.specl', uriBaseId: '%SRCROOT%', index: 0 },
            region: { startLine: 2, startColumn: 1 },
          },
        },
      ],
      relatedLocations: [
        {
          id: 0,
          message: { text: 'in the old version' },
          physicalLocation: {
            artifactLocation: { uri: 'api/old.specl', uriBaseId: '%SRCROOT%' },
            region: { startLine: 4, startColumn: 3 },
          },
        },
      ],
      properties: {
        verdict: 'breaking',
        bump: 'major',
        subject: 'Item.name',
        old: 'api/old.specl:4:3',
      },
    });
    expect(sarifRun.results[1]).toMatchObject({
      ruleId: 'specl-diff/endpoint-added',
      level: 'note',
    });
  });
});

describe('specl diff --format markdown', () => {
  it('gives a pull request comment: counts, the version verdict and a table per verdict', () => {
    const run = diff('markdown');
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`### specl diff: Shop 1.0.0 → 1.1.0

**2 changes: 1 breaking, 1 non-breaking**.

version 1.0.0 → 1.1.0 is a minor bump; the changes need a major bump: 2.0.0 or later.
**fails --fail-on breaking: the breaking changes need a version that carries them; make it 2.0.0 or later, or undo them.**

#### Breaking (1)

| Change | Why | New | Old |
| --- | --- | --- | --- |
| \`field-removed\` field \`name\` of \`Item\` was removed | clients that read it no longer get it; \`Item\` is in the responses of \`getItem\` | \`api/new.specl:2:1\` | \`api/old.specl:4:3\` |

#### Non-breaking (1)

| Change | Why | New | Old |
| --- | --- | --- | --- |
| \`endpoint-added\` endpoint \`listItems\` (\`GET /items\`) was added | a new endpoint changes no call that worked before | \`api/new.specl:8:1\` | \`api/old.specl:1:1\` |
`);
  });
});
