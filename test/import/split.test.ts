import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, buildSpec } from '@specl/compiler';
import { importOpenApi } from '@specl/import';
import { formatSource } from '@specl/language';
import { main } from '../../cli/src/main.js';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const fixture = (name: string) => join(repoRoot, 'test/fixtures/openapi', name);

/** The OpenAPI a root compiles to (with the files given), after a check with no diagnostic, without source locations. */
async function openApiOf(files: Record<string, string>, root: string): Promise<unknown> {
  const build = await buildSpec({ files, root });
  expect(build.diagnostics.map((d) => `${d.uri}:${d.range.start.line + 1}: ${d.message}`)).toEqual(
    [],
  );
  if (!build.ir) throw new Error(`${root} did not lower: ${build.problem ?? build.stage}`);
  // Conditions carry where they are written (`location`): that differs between the layouts.
  return JSON.parse(
    JSON.stringify(buildOpenApiDocument(build.ir), (key, value: unknown) =>
      key === 'location' ? undefined : value,
    ),
  ) as unknown;
}

/**
 * `specl import --split`: the spec in several files (one per tag, or per path's first segment,
 * and common.specl), each formatted as `specl fmt` formats it, checked clean together, and
 * compiling to the very OpenAPI document the single-file import compiles to.
 */
describe('a split import', () => {
  it.each([
    ['redocly-museum.yaml', ['common', 'events', 'operations', 'tickets']],
    ['oai-petstore-expanded.yaml', ['common', 'pets']],
    ['oai-uspto.yaml', ['common', 'metadata', 'search']],
    ['../../../examples/vacation/generated/openapi.json', ['common', 'employees']],
  ])('%s: files by group that compile to what the single file compiles to', async (name, stems) => {
    const file = fixture(name);
    const single = await importOpenApi(file, name);
    const split = await importOpenApi(file, name, { split: 'api' });
    expect(split.warnings).toEqual(single.warnings);
    expect(split.parts!.map((p) => p.path)).toEqual(stems.map((s) => `api/${s}.specl`));
    const files = Object.fromEntries([
      ['/out/api.specl', split.text],
      ...split.parts!.map((part) => [`/out/${part.path}`, part.text]),
    ]) as Record<string, string>;
    for (const [path, text] of Object.entries(files)) {
      const formatted = await formatSource(text, `file://${path}`);
      expect(formatted.ok && formatted.text, path).toBe(text);
    }
    const whole = await openApiOf({ '/out/api.specl': single.text }, '/out/api.specl');
    expect(await openApiOf(files, '/out/api.specl')).toEqual(whole);
    // Deterministic: the same files again.
    const again = await importOpenApi(file, name, { split: 'api' });
    expect([again.text, again.parts]).toEqual([split.text, split.parts]);
  });

  it('keeps the types only one group uses in its file, and the shared ones in common.specl', async () => {
    const file = fixture('redocly-museum.yaml');
    const { parts } = await importOpenApi(file, 'museum', { split: 'museum' });
    const text = (stem: string) => parts!.find((p) => p.path === `museum/${stem}.specl`)!.text;
    expect(text('tickets')).toMatch(/^enum TicketType \{/m);
    expect(text('events')).toMatch(/^type EventName = /m);
    expect(text('common')).toMatch(/^auth MuseumPlaceholderAuth /m);
    expect(text('tickets')).toMatch(/^import "\.\/common\.specl"$/m);
    expect(text('common')).not.toMatch(/^import /m);
  });
});

describe('specl import --split', () => {
  async function run(args: readonly string[], cwd: string) {
    let out = '';
    const status = await main(['import', ...args], {
      cwd,
      stdout: { write: (text: string) => (out += text) },
      stderr: { write: (text: string) => (out += text) },
    });
    return { status, out };
  }

  it('writes the root and a folder named after it, and never overwrites without --force', async () => {
    const dir = tempProject({});
    const source = fixture('oai-petstore-expanded.yaml');
    const first = await run([source, '--out', 'pets.specl', '--split'], dir);
    expect(first.status, first.out).toBe(0);
    expect(first.out).toMatch(/wrote pets\.specl and 2 files in pets\/\n$/);
    expect(readFileSync(join(dir, 'pets.specl'), 'utf8')).toMatch(
      /^import "\.\/pets\/pets\.specl"$/m,
    );
    expect(existsSync(join(dir, 'pets', 'common.specl'))).toBe(true);
    writeFileSync(join(dir, 'pets', 'common.specl'), 'mine');
    const again = await run([source, '--out', 'pets.specl', '--split'], dir);
    expect(again.status).toBe(2);
    expect(again.out).toContain('`pets.specl` exists; pass --force');
    expect(readFileSync(join(dir, 'pets', 'common.specl'), 'utf8')).toBe('mine');
    const forced = await run([source, '--out', 'pets.specl', '--split', '--force'], dir);
    expect(forced.status, forced.out).toBe(0);
    expect(readFileSync(join(dir, 'pets', 'common.specl'), 'utf8')).not.toBe('mine');
    const noOut = await run([source, '--split', '--out', '-'], dir);
    expect(noOut.status).toBe(2);
    expect(noOut.out).toContain('--split writes several files, not standard output');
  });
});
