import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brokenVariant, verifyFailures } from '../../scripts/verify-output.mjs';
import { repoRoot, runSpecl } from '../helpers/run-cli.js';

/** Every example folder with a README (examples/ci and examples/shared have no spec). */
const examples = readdirSync(join(repoRoot, 'examples'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .filter((name) =>
    readdirSync(join(repoRoot, 'examples', name)).some((f) => f.endsWith('.specl')),
  );

describe('broken variants', () => {
  it('are shown by every example', () => {
    expect(examples).toEqual(['ach-payments', 'product-similarity', 'vacation']);
  });

  it.each(examples)('%s: fails exactly as its README shows', (name) => {
    const readme = readFileSync(join(repoRoot, 'examples', name, 'README.md'), 'utf8');
    const shown = brokenVariant(readme);
    expect(shown, 'a `## The broken variant` section with a command and its output').toBeDefined();
    const { args, output } = shown!;
    expect(args[0]).toBe('verify');
    const promised = verifyFailures(output);
    expect(promised.length).toBeGreaterThan(0);
    const run = runSpecl(args, repoRoot);
    expect(verifyFailures(run.stdout)).toEqual(promised);
    const summary = /^\d+ of \d+ checks failed/m.exec(output)![0];
    expect(run.stdout).toContain(summary);
    expect(run.status).toBe(1);
  });
});
