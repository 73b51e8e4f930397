import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allDiagnosticCodes, checkSources } from '@specl/language';
import { repoRoot } from '../helpers/run-cli.js';

const reference = readFileSync(join(repoRoot, 'docs/language.md'), 'utf8');
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

function specBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/```specl\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

describe('the docs', () => {
  it('list every diagnostic code in the reference', () => {
    const listed = [...reference.matchAll(/^\| `(specl\/[a-z-]+)`\s*\|/gm)].map((m) => m[1]);
    expect(listed).toEqual(allDiagnosticCodes);
  });

  it('hold complete examples that check clean', async () => {
    const blocks = [...specBlocks(reference), ...specBlocks(readme)].filter((b) =>
      /^\s*(\/\/\/.*\n)*spec /m.test(b),
    );
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) {
      const result = await checkSources({ '/doc.specl': block });
      expect(result.diagnostics, block).toEqual([]);
    }
  });
});
