import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl } from '../helpers/run-cli.js';

/** Every example that commits its compiled outputs: examples/<name>/<name>.specl and generated/. */
const examples = readdirSync(join(repoRoot, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) => existsSync(join(repoRoot, 'examples', name, 'generated')));

describe('examples', () => {
  it('commit their compiled outputs, every one of them', () => {
    expect(examples).toEqual(['ach-payments', 'product-similarity', 'vacation']);
  });

  it.each(examples)('%s commits its compiled outputs up to date', (name) => {
    const folder = `examples/${name}`;
    const run = runSpecl(
      ['compile', `${folder}/${name}.specl`, '--out', `${folder}/generated`, '--check'],
      repoRoot,
    );
    expect(run.stdout).toBe(`${folder}/generated is up to date\n`);
    expect(run.status).toBe(0);
  });
});
