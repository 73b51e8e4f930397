// What a command loads: `specl check` must not load the compiler or `yaml` (a merge once made
// it load both through an index import, +85 million instructions at every start). The modules
// are recorded by a module hook; a bundle chunk that runs as a cached script (its `.cjs`
// beside it) is read too, since its code is there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const register = join(import.meta.dirname, '../fixtures/loaded-modules/register.mjs');

/** Strings only the compiler's lowering and the `yaml` package hold. */
const MARKERS = {
  compiler: 'cannot be lowered as an expression',
  yaml: 'YAMLParseError',
};

/** Runs `specl ARGS` and answers which markers the code it loaded holds. */
function markersLoaded(args: string[], cwd: string): string[] {
  const log = join(mkdtempSync(join(tmpdir(), 'specl-loads-')), 'modules.txt');
  const run = spawnSync(
    process.execPath,
    ['--import', register, join(repoRoot, 'cli/bin/specl.js'), ...args],
    { cwd, encoding: 'utf8', env: { ...process.env, SPECL_TEST_LOADED_MODULES: log } },
  );
  expect(run.status, run.stderr).toBe(0);
  const code = readFileSync(log, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .flatMap((url) => {
      const path = fileURLToPath(url);
      const script = path.replace(/\.mjs$/, '.cjs');
      return [path, ...(script !== path && existsSync(script) ? [script] : [])];
    })
    .map((path) => readFileSync(path, 'utf8'));
  expect(code.length).toBeGreaterThan(0);
  return Object.entries(MARKERS)
    .filter(([, marker]) => code.some((text) => text.includes(marker)))
    .map(([name]) => name);
}

describe('the code each command loads', () => {
  const project = tempProject({ 'a.specl': 'spec A version "1.0.0"\ntype T { x: Int }\n' });

  it('specl check loads neither the compiler nor yaml', () => {
    expect(markersLoaded(['check', 'a.specl'], project)).toEqual([]);
  });

  it('specl compile --yaml loads both (the markers are found where they are)', () => {
    const out = join(project, 'out');
    expect(
      markersLoaded(['compile', 'a.specl', '--target', 'openapi', '--yaml', '--out', out], project),
    ).toEqual(['compiler', 'yaml']);
  });
});

// cli/bin/specl.js is CommonJS and runs the CLI's entry as a script of the bundle: a command whose
// chunks are all scripts never runs an ES module, so Node never builds its ES module loader's
// module jobs (14 million instructions at least, scripts/bundle/code-cache.mjs).
describe("Node's ES module loader", () => {
  const project = tempProject({
    'a.specl': 'spec A version "1.0.0"\ntype T { x: Int }\n',
    'module.mjs': '',
    'report-esm.cjs':
      "process.on('exit', () => process.stderr.write(`module jobs: ${process.moduleLoadList.includes('NativeModule internal/modules/esm/module_job')}\\n`));\n",
  });

  /** Runs `node PROGRAM ARGS` and answers whether Node loaded its ES module jobs. */
  function runsModules(program: string, args: string[]): boolean {
    const run = spawnSync(
      process.execPath,
      ['--require', join(project, 'report-esm.cjs'), program, ...args],
      { cwd: project, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const answer = /module jobs: (true|false)/.exec(run.stderr);
    expect(answer, run.stderr).not.toBeNull();
    return answer![1] === 'true';
  }

  const specl = join(repoRoot, 'cli/bin/specl.js');

  it('is not used by specl check or specl --version', () => {
    expect(runsModules(specl, ['check', 'a.specl'])).toBe(false);
    expect(runsModules(specl, ['--version'])).toBe(false);
  });

  it('is used by a program that runs an ES module (the report tells)', () => {
    expect(runsModules(join(project, 'module.mjs'), [])).toBe(true);
  });
});
