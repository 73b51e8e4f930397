import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const source = (path: string) => readFileSync(join(repoRoot, 'packages/lsp/src', path), 'utf8');
/** The keys a settings reader takes from its section: `settings['maxTurns']`, `values['url']`. */
const keysRead = (text: string) =>
  [...text.matchAll(/(?:settings|values)\['(\w+)'\]/g)].map((m) => m[1]);

const manifest = JSON.parse(readFileSync(join(repoRoot, 'editors/vscode/package.json'), 'utf8'));
const declared = Object.keys(manifest.contributes.configuration.properties);

// The VS Code extension declares every setting the server reads (else VS Code hides them).
describe('the settings of the VS Code extension', () => {
  const read = [
    ...keysRead(source('agent-settings.ts')).map((key) => `specl.agent.${key}`),
    ...keysRead(source('verification/verification-settings.ts')).map(
      (key) => `specl.verify.${key}`,
    ),
    ...(/getConfiguration\(\s*'specl',\s*'diff'/.test(source('breaking-change-warnings.ts'))
      ? ['specl.diff.baseline']
      : []),
  ];

  it('finds the settings the server reads', () => {
    expect(read).toEqual(
      expect.arrayContaining(['specl.agent.impl', 'specl.agent.budgetUsd', 'specl.verify.url']),
    );
  });

  it('declares each of them', () => {
    expect(read.filter((setting) => !declared.includes(setting))).toEqual([]);
  });
});
