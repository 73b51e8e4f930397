import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { largeSourceBytes, sizeOfFiles, withRunOnceFlags } from '../../cli/src/run-once-flags.js';
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

describe('withRunOnceFlags (a command that runs once)', () => {
  it("runs large work under other V8 flags, and gives the process's back after it", async () => {
    const cache = cacheNow();
    expect(rejected(cache)).toBe(false);
    const answer = await withRunOnceFlags(largeSourceBytes, async () => {
      expect(rejected(cache)).toBe(true);
      return 42;
    });
    expect(answer).toBe(42);
    expect(rejected(cache)).toBe(false);
  });

  it("gives the process's flags back when the work fails", async () => {
    const cache = cacheNow();
    await expect(
      withRunOnceFlags(largeSourceBytes, () => Promise.reject(new Error('the work failed'))),
    ).rejects.toThrow('the work failed');
    expect(rejected(cache)).toBe(false);
  });

  it("runs small work under the process's own flags", async () => {
    const cache = cacheNow();
    const answer = await withRunOnceFlags(largeSourceBytes - 1, async () => {
      expect(rejected(cache)).toBe(false);
      return 7;
    });
    expect(answer).toBe(7);
  });

  /** Runs `body` with NODE_OPTIONS set to `options`, then gives NODE_OPTIONS back. */
  async function withNodeOptions(options: string, body: () => Promise<void>): Promise<void> {
    const before = process.env['NODE_OPTIONS'];
    process.env['NODE_OPTIONS'] = options;
    try {
      await body();
    } finally {
      if (before === undefined) delete process.env['NODE_OPTIONS'];
      else process.env['NODE_OPTIONS'] = before;
    }
  }

  it("leaves the flags alone when NODE_OPTIONS sets the user's own for every setting", async () => {
    await withNodeOptions('--max-inlined-bytecode-size=100 --max-semi-space-size=8', async () => {
      const cache = cacheNow();
      await withRunOnceFlags(largeSourceBytes, async () => {
        expect(rejected(cache)).toBe(false);
      });
    });
  });

  it("still switches the settings the user's own flags do not touch", async () => {
    await withNodeOptions('--max-inlined-bytecode-size=100', async () => {
      const cache = cacheNow();
      await withRunOnceFlags(largeSourceBytes, async () => {
        expect(rejected(cache)).toBe(true);
      });
      expect(rejected(cache)).toBe(false);
    });
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

describe('the young generation during a large run', () => {
  // A node of its own: the test runner's young generation has grown already. The work keeps
  // about 100 MB of small objects alive, as a check keeps its trees, and answers the young
  // generation's size (both semi-spaces) in MB at its end.
  const probe = `
    import { withRunOnceFlags } from ${JSON.stringify(join(repoRoot, 'cli/dist/run-once-flags.js'))};
    import { getHeapSpaceStatistics } from 'node:v8';
    const kept = [];
    const size = await withRunOnceFlags(Number(process.argv[1]), async () => {
      for (let i = 0; i < 1_500_000; i++) kept.push({ at: i, name: 'n' + i });
      const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
      return young.space_size / 2 ** 20;
    });
    process.stdout.write(String(size));
  `;

  function youngGenerationMb(sourceBytes: number, nodeFlags: string[] = []): number {
    const run = spawnSync(
      process.execPath,
      [...nodeFlags, '--input-type=module', '-e', probe, String(sourceBytes)],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(run.status, run.stderr).toBe(0);
    return Number(run.stdout);
  }

  it('stays as small as it started in large work, and grows in small work', () => {
    expect(youngGenerationMb(largeSourceBytes)).toBeLessThanOrEqual(4);
    expect(youngGenerationMb(largeSourceBytes - 1)).toBeGreaterThan(4);
  });

  it("grows when the user's node was started with a young-generation flag of its own", () => {
    expect(youngGenerationMb(largeSourceBytes, ['--max-semi-space-size=8'])).toBeGreaterThan(4);
  });
});
