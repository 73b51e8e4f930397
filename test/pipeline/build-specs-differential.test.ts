// Differential tests of `buildSpecs`' second paths: a spec built in a worker thread (its IR
// handed back as JSON or V8's serialization) and a spec read from the cache must give the
// very diagnostics, IR and diff that building it in this thread gives.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BuiltSpec, SpecFiles } from '@specl/compiler';
import { buildSpec, buildSpecs, diffSpecs } from '@specl/compiler';
import { describe, expect, it } from 'vitest';
import { evolveSpec } from '../../bench/lib/gen-diff-spec.mjs';
import { generateSpec } from '../../bench/lib/gen-spec.mjs';
import { withPlainLocations } from '../helpers/plain-locations.js';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const N = 50;
const before = generateSpec(N);
const after = evolveSpec(before, N).text;
const project = tempProject({ 'old.specl': before, 'new.specl': after });
const oldFile = join(project, 'old.specl');
const newFile = join(project, 'new.specl');

/**
 * What must not differ between two paths: the outcome's stage, diagnostics and IR (lowering's
 * locations as plain objects, as a worker hands them back).
 */
function outcome(build: BuiltSpec) {
  return { stage: build.stage, diagnostics: build.diagnostics, ir: withPlainLocations(build.ir) };
}

/** Where a spec was built (`undefined` when it did not lower). */
function via(build: BuiltSpec): string | undefined {
  return 'via' in build ? build.via : undefined;
}

/** Every example's root spec (examples/X/X.specl). */
function exampleRoots(): string[] {
  const folder = join(repoRoot, 'examples');
  return readdirSync(folder)
    .map((name) => join(folder, name, `${name}.specl`))
    .filter((path) => {
      try {
        return readFileSync(path, 'utf8').length > 0;
      } catch {
        return false;
      }
    });
}

/** A reader of the disk that is not the default one: files go through the parent thread. */
const readThroughParent = (path: string) => Promise.resolve(readFileSync(path, 'utf8'));

describe('buildSpecs in worker threads', () => {
  it('gives the diagnostics, IR and diff of a serial build on the benchmark versions', async () => {
    const serial = [await buildSpec({ root: oldFile }), await buildSpec({ root: newFile })];
    expect(serial[0]!.ir).toBeDefined();
    const parallel = await buildSpecs([{ root: oldFile }, { root: newFile }], { parallel: true });
    // The first came from a worker (no documents), the second was built here.
    expect(parallel.map(via)).toStrictEqual(['worker', 'here']);
    expect(parallel.map(outcome)).toStrictEqual(serial.map(outcome));
    const serialDiff = diffSpecs(serial[0]!.ir!, serial[1]!.ir!);
    expect(serialDiff.changes.length).toBeGreaterThan(0);
    expect(JSON.stringify(diffSpecs(parallel[0]!.ir!, parallel[1]!.ir!))).toBe(
      JSON.stringify(serialDiff),
    );
  });

  it('reads a worker’s files through this thread when this thread holds the reader', async () => {
    const inputs: SpecFiles[] = [
      { root: oldFile, read: readThroughParent },
      { root: newFile, read: readThroughParent },
    ];
    const parallel = await buildSpecs(inputs, { parallel: true });
    // This thread takes the first spec with a reader; the second read through it from a worker.
    expect(parallel.map(via)).toStrictEqual(['here', 'worker']);
    const serial = await buildSpecs(inputs, { parallel: false });
    expect(parallel.map(outcome)).toStrictEqual(serial.map(outcome));
  });

  it('gives the outcome of a serial build on every example', async () => {
    const roots = exampleRoots();
    expect(roots.length).toBeGreaterThan(2);
    for (const root of roots) {
      const serial = await buildSpec({ root });
      const [fromWorker, here] = await buildSpecs([{ root }, { root }], { parallel: true });
      expect([fromWorker!, here!].map(via), root).toStrictEqual(['worker', 'here']);
      expect(outcome(fromWorker!), root).toStrictEqual(outcome(serial));
      expect(outcome(here!), root).toStrictEqual(outcome(serial));
    }
  });

  it('builds a spec with errors again here, so it comes back whole', async () => {
    const broken = tempProject({ 'api.specl': 'spec Api 1.0.0\n\ntype A { x: Missing }\n' });
    const root = join(broken, 'api.specl');
    const serial = await buildSpec({ root });
    expect(serial.stage).toBe('check');
    const [fromWorker] = await buildSpecs([{ root }, { root: oldFile }], { parallel: true });
    expect(fromWorker!.checked?.diagnostics).toStrictEqual(serial.diagnostics);
    expect(outcome(fromWorker!)).toStrictEqual(outcome(serial));
  });

  it('stays in this thread for small specs unless asked', async () => {
    const builds = await buildSpecs([{ root: oldFile }, { root: newFile }]);
    expect(builds.map(via)).toStrictEqual(['here', 'here']);
  });
});
