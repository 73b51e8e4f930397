import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

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

  it('prints what the README shows, for the seed it shows (the lines it elides with … aside)', () => {
    const after = readme.slice(readme.indexOf('It prints'));
    const shown = /```\n([\s\S]*?)```/.exec(after)![1]!.trimEnd().split('\n');
    const seed = /^seed (\d+),/m.exec(shown.join('\n'))?.[1];
    expect(seed, 'the README shows the seed of the run it prints').toBeDefined();
    // The main job's specl commands, run as written from a folder that holds the examples
    // (the verification with the seed the README shows, so that its counts are those shown).
    const commands = quickStart()[0]!
      .split(' && ')
      .filter((command) => command.startsWith('npx specl '));
    expect(commands.map((command) => command.split(' ')[2])).toEqual([
      'check',
      'compile',
      'verify',
    ]);
    const cwd = tempProject({});
    symlinkSync(join(repoRoot, 'examples'), join(cwd, 'examples'));
    const printed = commands
      .map((command, i) => {
        const args = [...command.split(' ').slice(2), ...(i === 2 ? ['--seed', seed!] : [])];
        const run = runSpecl(args, cwd);
        expect(run.status, `${command}\n${run.stderr}`).toBe(0);
        return run.stdout;
      })
      .join('')
      .replace(join(cwd, 'examples'), '…/examples')
      .trimEnd()
      .split('\n');
    // `  …` stands for the lines it elides; the time a run took differs from run to run.
    const elided = shown.indexOf('  …');
    const time = (line: string) => line.replace(/\(\d+\.\d s\)$/, '(… s)');
    expect(printed.slice(0, elided)).toEqual(shown.slice(0, elided));
    expect(printed.slice(elided - shown.length + 1).map(time)).toEqual(
      shown.slice(elided + 1).map(time),
    );
  });
});
