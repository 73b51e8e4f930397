// `openapi.json` comes in pieces (the document around its schemas, then each schema printed
// alone) so that `specl compile` never holds a large output whole. Differential tests: the
// pieces joined, and `content`, must be exactly `JSON.stringify(document, null, 2)` and a
// newline, on the examples, generated specs, awkward schema names and a spec whose own text
// holds the mark that stands for the schemas.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { buildOpenApiDocument, buildSpec, emitOpenApi, openApiJsonFile } from '@specl/compiler';
import { forEachUtf8ChunkOf } from '@specl/compiler/text';
import { printProject } from '../../arbitraries/print-spec.js';
import { specArbitrary } from '../../arbitraries/spec-arbitrary.js';
import { lowerFiles, lowerSource } from '../../helpers/lower.js';

const EXAMPLES = join(import.meta.dirname, '../../../examples');

/**
 * The document's text as defined, `openapi.json`'s text as emitted, and in pieces (asked for
 * at any size: a spec comes in pieces only from 100,000 properties); how many pieces.
 */
function expectPiecesPrintTheDocument(ir: SpecIR): number {
  const document = buildOpenApiDocument(ir);
  const defined = `${JSON.stringify(document, null, 2)}\n`;
  expect(emitOpenApi(ir, {})[0]!.content).toBe(defined);
  const file = openApiJsonFile(document, { piecesFrom: 0 });
  const pieces = file.pieces ? [...file.pieces()] : [file.content];
  expect(pieces.join('')).toBe(defined);
  expect(file.content).toBe(defined);
  // Made anew on each call, the same.
  if (file.pieces) expect([...file.pieces()]).toEqual(pieces);
  return pieces.length;
}

describe("openapi.json's pieces", () => {
  it('come only for a document of 100,000 properties or more', async () => {
    const small = await lowerSource('type A { a: Int }\nendpoint getA GET /a { response 200 A }');
    expect(emitOpenApi(small, {})[0]!.pieces).toBeUndefined();
    const lines = ['type T0 { f0: Int }'];
    for (let k = 1; k < 450; k++) lines.push(`type T${k} { ...T${k - 1}, f${k}: Int }`);
    lines.push('endpoint getT GET /t { response 200 T449 }');
    // 450 * 451 / 2 = 101,475 properties.
    const chain = await lowerSource(lines.join('\n'));
    const [file] = emitOpenApi(chain, {});
    expect(file!.pieces).toBeDefined();
    expect([...file!.pieces!()].join('')).toBe(
      `${JSON.stringify(buildOpenApiDocument(chain), null, 2)}\n`,
    );
  });

  it('print the examples as JSON.stringify does', async () => {
    for (const name of ['vacation', 'ach-payments', 'product-similarity']) {
      const build = await buildSpec({ root: join(EXAMPLES, name, `${name}.specl`) });
      expect(expectPiecesPrintTheDocument(build.ir!), name).toBeGreaterThan(3);
    }
  });

  it('print awkward schema names, descriptions and a chain of spreads', async () => {
    const ir = await lowerSource(
      [
        '/// Quotes " and \\\\ and a pair 😀 and "schemas": {',
        'type _proto { a: Int }',
        'type A123 { ..._proto, b: String { example: "}\\n    }" } }',
        'type Zed { ...A123, c: Bool }',
        'enum E { x, y }',
        'endpoint getU GET /u { response 200 Zed }',
      ].join('\n'),
    );
    expect(expectPiecesPrintTheDocument(ir)).toBeGreaterThan(3);
  });

  it('come whole when the spec itself holds the mark', async () => {
    const mark = '\u0000specl: components.schemas\u0000';
    const ir = await lowerSource(
      `/// ${mark}\nspec Marked version "1.0.0"\n/// ${mark}\ntype A { a: Int }\nendpoint getA GET /a { response 200 A }`,
    );
    expect(ir.description).toContain(mark);
    expect(ir.types[0]?.description).toContain(mark);
    expect(expectPiecesPrintTheDocument(ir)).toBe(1);
  });

  it('print generated specs as JSON.stringify does', async () => {
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (project) => {
        expectPiecesPrintTheDocument(await lowerFiles(printProject(project), project.root));
      }),
      { seed: 1718, numRuns: 20 },
    );
  });

  it('are encoded as their text joined, a surrogate pair split between two kept whole', () => {
    const cases = [
      ['a', '\ud83d', '\ude00', 'b'],
      ['\ud83d\ude00', '', '€'.repeat(70_000)],
      ['x\ud83d', '', '\ude00'],
      ['\ud83d'],
      ['a'.repeat(65_535), '\ud83d', '\ude00'.repeat(3)],
    ];
    for (const pieces of cases) {
      const chunks: Buffer[] = [];
      forEachUtf8ChunkOf(pieces, (chunk) => {
        chunks.push(Buffer.from(chunk));
      });
      expect(Buffer.concat(chunks).equals(Buffer.from(pieces.join('')))).toBe(true);
    }
  });
});
