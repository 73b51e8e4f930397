// The cache of lowered specs (`specl diff --cache`): a spec read from it gives the very
// diagnostics and IR a build gives; an entry is used only while every file it was built from
// reads the same; a corrupt or foreign entry is ignored and written again.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { BuiltSpec } from '@specl/compiler';
import { buildSpec, buildSpecs } from '@specl/compiler';
import { describe, expect, it } from 'vitest';
import { codeDigest, codeExtensions } from '../../packages/compiler/src/pipeline/spec-cache.js';
import { withPlainLocations } from '../helpers/plain-locations.js';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const vacation = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');
/** A spec of two files, with a JSON example (an object without a prototype in the IR). */
const files = {
  'api.specl': [
    'spec Shop version "1.0.0"',
    '',
    'import "./money.specl"',
    '',
    'type Item { name: String, price: Money }',
    '',
    'endpoint getItem GET /items/{id: Int} {',
    '  response 200 Item { example: { name: "pen", price: { cents: 3 } } }',
    '}',
    '',
  ].join('\n'),
  'money.specl': 'type Money { cents: Int }\n',
};

/** The outcome, lowering's locations as plain objects (as the cache gives them back). */
function outcome(build: BuiltSpec) {
  return { stage: build.stage, diagnostics: build.diagnostics, ir: withPlainLocations(build.ir) };
}

/** Builds `root` with the cache in `cache`; whether the cache answered, and the outcome. */
async function cached(root: string, cache: string) {
  const [build] = await buildSpecs([{ root }], { cache, parallel: false });
  return { hit: 'via' in build! && build.via === 'cache', outcome: outcome(build!) };
}

function entries(cache: string): string[] {
  return readdirSync(cache).map((name) => join(cache, name));
}

describe('the cache of lowered specs', () => {
  it('gives what a build gives, and is used while every file reads the same', async () => {
    const project = tempProject(files);
    const root = join(project, 'api.specl');
    const cache = join(project, '.specl/cache');
    const built = outcome(await buildSpec({ root }));
    expect(built.ir).toBeDefined();
    expect(await cached(root, cache)).toStrictEqual({ hit: false, outcome: built });
    expect(entries(cache)).toHaveLength(1);
    expect(await cached(root, cache)).toStrictEqual({ hit: true, outcome: built });
    // An imported file changed: the entry is not used, and the build sees the change.
    writeFileSync(join(project, 'money.specl'), 'type Money { cents: Int, currency: String }\n');
    const changed = await cached(root, cache);
    expect(changed.hit).toBe(false);
    expect(changed.outcome).toStrictEqual(outcome(await buildSpec({ root })));
    expect(changed.outcome).not.toStrictEqual(built);
  });

  it('gives what a build gives on the vacation example', async () => {
    const project = tempProject({ 'vacation.specl': vacation });
    const root = join(project, 'vacation.specl');
    const cache = join(project, '.specl/cache');
    const built = outcome(await buildSpec({ root }));
    await cached(root, cache);
    expect(await cached(root, cache)).toStrictEqual({ hit: true, outcome: built });
  });

  it('ignores a corrupt or foreign entry and writes it again', async () => {
    const project = tempProject(files);
    const root = join(project, 'api.specl');
    const cache = join(project, '.specl/cache');
    const built = outcome(await buildSpec({ root }));
    await cached(root, cache);
    const [entry] = entries(cache);
    const good = readFileSync(entry!, 'utf8');
    const newline = good.indexOf('\n');
    const header = JSON.parse(good.slice(0, newline)) as Record<string, unknown>;
    const body = good.slice(newline + 1);
    const spoiled = {
      garbage: 'not a cache entry at all',
      empty: '',
      truncated: good.slice(0, good.length - 10),
      'IR changed behind its hash': `${good.slice(0, newline + 1)}${body.replace('"pen"', '"pan"')}`,
      'foreign stamp': `${JSON.stringify({ ...header, stamp: 'another toolchain' })}\n${body}`,
      'other format': `${JSON.stringify({ ...header, format: 'specl-ir-cache/0' })}\n${body}`,
      'header of another shape': `${JSON.stringify({ ...header, files: 'all' })}\n${body}`,
      'IR of another shape': (() => {
        const text = JSON.stringify({ name: 'Shop' });
        return `${JSON.stringify({ ...header, irSha256: sha(text) })}\n${text}`;
      })(),
    };
    for (const [what, text] of Object.entries(spoiled)) {
      writeFileSync(entry!, text);
      expect(await cached(root, cache), what).toStrictEqual({ hit: false, outcome: built });
      expect(readFileSync(entry!, 'utf8'), what).toBe(good);
    }
    expect(entries(cache)).toStrictEqual([entry]);
  });

  it('is off with SPECL_CACHE=0', async () => {
    const project = tempProject(files);
    const root = join(project, 'api.specl');
    const cache = join(project, '.specl/cache');
    process.env.SPECL_CACHE = '0';
    try {
      await cached(root, cache);
      expect(await cached(root, cache)).toMatchObject({ hit: false });
    } finally {
      delete process.env.SPECL_CACHE;
    }
  });
});

describe("the toolchain's stamp", () => {
  /** A bundle's kinds of file: a script, a module, an ES module, the loader's table, a cache. */
  const bundle = {
    'cli.cjs': 'require("./chunk-A.cjs");\n',
    'chunk-A.cjs': 'module.exports = 1;\n',
    'chunk-B.mjs': 'export default 2;\n',
    'nested/worker.js': 'export default 3;\n',
    'scripts.json': '{"chunk-A":[]}\n',
    'chunk-A.cjs.cache': 'V8 code cache',
  };

  it('changes when any file that carries code changes, and only then', async () => {
    const folder = tempProject(bundle);
    const before = await codeDigest('node\n', [folder]);
    expect(await codeDigest('node\n', [folder])).toBe(before);
    expect(await codeDigest('another node\n', [folder])).not.toBe(before);
    for (const [name, text] of Object.entries(bundle)) {
      writeFileSync(join(folder, name), `${text} `);
      const after = await codeDigest('node\n', [folder]);
      if (name.endsWith('.cache')) expect(after, name).toBe(before);
      else expect(after, name).not.toBe(before);
      writeFileSync(join(folder, name), text);
    }
    expect(await codeDigest('node\n', [folder])).toBe(before);
  });

  it('changes when a code file is added', async () => {
    const folder = tempProject(bundle);
    const before = await codeDigest('node\n', [folder]);
    mkdirSync(join(folder, 'more'));
    writeFileSync(join(folder, 'more/chunk-C.cjs'), '');
    expect(await codeDigest('node\n', [folder])).not.toBe(before);
  });

  it("hashes every kind of file the CLI's bundle holds but V8's code caches", () => {
    const bundleFolder = join(repoRoot, 'cli/dist/bundle');
    const kinds = new Set(
      readdirSync(bundleFolder, { recursive: true, withFileTypes: true })
        .filter((entry) => entry.isFile())
        .map((entry) => extname(entry.name)),
    );
    expect(kinds).toContain('.cjs');
    kinds.delete('.cache');
    expect([...kinds].filter((kind) => !codeExtensions.includes(kind))).toStrictEqual([]);
  });
});

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
