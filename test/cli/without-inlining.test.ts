import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  largeSourceBytes,
  sizeOfFiles,
  withoutInliningWhenLarge,
} from '../../cli/src/without-inlining.js';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

// V8 rejects a code cache made under other flags than the process has now: a cache made before
// the work tells whether the flags are those the process started with. Each script is a source
// of its own (V8 would find one it compiled before in its memory and not read the cache), of
// the same length (the only thing V8 checks of the source a cache is offered with).
let scripts = 0;
const nextSource = () =>
  `function plusOne(a) { return a + 1; } plusOne(${String(scripts++).padStart(4, '0')});`;

function cacheNow(): Buffer {
  const script = new Script(nextSource());
  script.runInThisContext();
  return script.createCachedData();
}

function rejected(cache: Buffer): boolean {
  return new Script(nextSource(), { cachedData: cache }).cachedDataRejected === true;
}

describe('withoutInliningWhenLarge (a command that runs once)', () => {
  it("runs large work under other V8 flags, and gives the process's back after it", async () => {
    const cache = cacheNow();
    expect(rejected(cache)).toBe(false);
    const answer = await withoutInliningWhenLarge(largeSourceBytes, async () => {
      expect(rejected(cache)).toBe(true);
      return 42;
    });
    expect(answer).toBe(42);
    expect(rejected(cache)).toBe(false);
  });

  it("gives the process's flags back when the work fails", async () => {
    const cache = cacheNow();
    await expect(
      withoutInliningWhenLarge(largeSourceBytes, () =>
        Promise.reject(new Error('the work failed')),
      ),
    ).rejects.toThrow('the work failed');
    expect(rejected(cache)).toBe(false);
  });

  it("runs small work under the process's own flags", async () => {
    const cache = cacheNow();
    const answer = await withoutInliningWhenLarge(largeSourceBytes - 1, async () => {
      expect(rejected(cache)).toBe(false);
      return 7;
    });
    expect(answer).toBe(7);
  });

  it('leaves the flags alone when NODE_OPTIONS sets an inlining flag of its own', async () => {
    const before = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = '--max-inlined-bytecode-size=100';
    try {
      const cache = cacheNow();
      await withoutInliningWhenLarge(largeSourceBytes, async () => {
        expect(rejected(cache)).toBe(false);
      });
    } finally {
      if (before === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = before;
    }
  });

  it('sizes files by their bytes, one that is not there as none', () => {
    const project = tempProject({ 'a.specl': 'x'.repeat(300), 'b.specl': 'y'.repeat(45) });
    const paths = ['a.specl', 'b.specl', 'missing.specl'].map((name) => join(project, name));
    expect(sizeOfFiles(paths)).toBe(345);
  });
});

describe('what switching costs a command: node:v8 is loaded for large sources only', () => {
  const types = (count: number) =>
    Array.from({ length: count }, (_, i) => `type T${i} { x: Int, y: String }\n`).join('');
  const small = `spec A version "1.0.0"\n${types(2)}`;
  const large = `spec A version "1.0.0"\n${types(Math.ceil(largeSourceBytes / 30))}`;
  const project = tempProject({
    'small/a.specl': small,
    'large/a.specl': large,
    'report-v8.cjs':
      "process.on('exit', () => process.stderr.write(`v8 loaded: ${process.moduleLoadList.includes('NativeModule v8')}\\n`));\n",
  });

  /** Runs `specl check FOLDER` and answers whether it loaded node:v8. */
  function checkLoadsV8(folder: string): boolean {
    const run = spawnSync(
      process.execPath,
      [
        '--require',
        join(project, 'report-v8.cjs'),
        join(repoRoot, 'cli/bin/specl.js'),
        'check',
        folder,
      ],
      { cwd: project, encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const answer = /v8 loaded: (true|false)/.exec(run.stderr);
    expect(answer, run.stderr).not.toBeNull();
    return answer![1] === 'true';
  }

  it('a small check does not load it, a large one does', () => {
    expect(small.length).toBeLessThan(largeSourceBytes);
    expect(large.length).toBeGreaterThanOrEqual(largeSourceBytes);
    expect(checkLoadsV8('small')).toBe(false);
    expect(checkLoadsV8('large')).toBe(true);
  });
});
