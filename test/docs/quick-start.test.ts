import { execFileSync } from 'node:child_process';
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

  it('is what .ci/run runs, as written, in order', () => {
    const commands = execFileSync('node', ['scripts/readme-commands.mjs'], {
      cwd: repoRoot,
      encoding: 'utf8',
    })
      .trim()
      .split('\n');
    // The commands .ci/run takes are the quick start's, without their comments.
    expect(commands).toEqual(quickStart().map((line) => line.replace(/\s+#.*$/, '').trim()));
    const script = ci.join('\n');
    expect(script).toContain('mapfile -t commands < <(node scripts/readme-commands.mjs)');
    const first = script.indexOf('bash -euo pipefail -c "${commands[0]}"');
    const examples = script.indexOf('npm run examples');
    const second = script.indexOf('bash -euo pipefail -c "${commands[1]}"');
    expect(first).toBeGreaterThan(0);
    expect(examples).toBeGreaterThan(first);
    expect(second).toBeGreaterThan(examples);
  });
});
