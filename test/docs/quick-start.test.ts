import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8').split('\n');

/** The two commands of the README's quick start: the lines of its first `sh` block. */
function quickStart(): string[] {
  const block = /```sh\n([\s\S]*?)```/.exec(readme);
  expect(block, 'the README opens with a sh block').not.toBeNull();
  return block![1]!.trim().split('\n');
}

describe('the README quick start', () => {
  it('is two commands: the main job, and npm test', () => {
    const [main, tests, ...rest] = quickStart();
    expect(rest).toEqual([]);
    expect(main).toMatch(/^npm install && npx specl check examples && .*npx specl verify /);
    expect(tests).toMatch(/^npm test\b/);
  });

  it('is what .ci/run runs, step by step, in order', () => {
    const [main] = quickStart();
    const [install, ...steps] = main!.split(' && ');
    expect(install).toBe('npm install');
    expect(ci).toContain('npm ci');
    const at = steps.map((step) => ci.indexOf(step));
    expect(at.every((index) => index > ci.indexOf('npm ci'))).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(ci.indexOf('npm test')).toBeGreaterThan(Math.max(...at));
  });
});
