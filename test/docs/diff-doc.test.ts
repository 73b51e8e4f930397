import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allChangeKinds, changeKinds } from '@specl/compiler';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

const doc = readFileSync(join(repoRoot, 'docs/diff.md'), 'utf8');

describe('docs/diff.md', () => {
  it('lists every kind of change with its summary', () => {
    const rows = [...doc.matchAll(/^\| `([a-z-]+)`\s*\| (.+?)\s*\|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(allChangeKinds.map((kind) => [kind, changeKinds[kind].summary]));
  });

  it('shows what `specl diff` prints for its example', () => {
    const [before, after] = [...doc.matchAll(/```specl\n([\s\S]*?)```/g)].map((m) => m[1]!);
    const printed =
      /`specl diff old\.specl new\.specl` prints, and exits 1:\n\n```\n([\s\S]*?)```/.exec(doc);
    expect(before).toBeDefined();
    expect(after).toBeDefined();
    expect(printed).not.toBeNull();
    const cwd = tempProject({ 'old.specl': before!, 'new.specl': after! });
    const run = runSpecl(['diff', 'old.specl', 'new.specl'], cwd);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(printed![1]);
  });
});
