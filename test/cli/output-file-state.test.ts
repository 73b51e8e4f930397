// `specl compile` compares, hashes and writes its outputs in chunks of UTF-8 encoded into one
// small buffer, never the whole text at once. Differential tests: each must give exactly what
// the whole-text way gives (`Buffer.from`, `readFileSync` and `===`, `createHash().update`),
// on texts whose chunk boundaries fall on multi-byte characters and surrogate pairs.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forEachUtf8Chunk } from '@specl/compiler/text';
import { fileHash } from '../../cli/src/compile/output-manifest.js';
import { inspectOutputFile } from '../../cli/src/compile/output-file-state.js';
import { writeFileAtomic, writeFileSet } from '../../cli/src/write-file-set.js';

const folder = mkdtempSync(join(tmpdir(), 'specl-output-state-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A chunk holds 65,536 UTF-16 code units: texts that put awkward characters at its edges. */
const UNITS = 65_536;
const TEXTS: Record<string, string> = {
  empty: '',
  ascii: '{\n  "openapi": "3.1.0"\n}\n',
  'two chunks and a bit': 'a'.repeat(2 * UNITS + 17),
  'a pair across the edge': `${'a'.repeat(UNITS - 1)}😀${'b'.repeat(10)}`,
  'a pair just before the edge': `${'a'.repeat(UNITS - 2)}😀${'b'.repeat(UNITS)}`,
  'three-byte characters': '€'.repeat(3 * UNITS + 5),
  'a lone high surrogate at the edge': `${'a'.repeat(UNITS - 1)}\ud83d${'b'.repeat(3)}`,
  'a lone low surrogate after the edge': `${'a'.repeat(UNITS)}\ude00x`,
  'mixed scripts': 'Größe ✓ 日本語 😀 '.repeat(20_000),
};

/** The file's state beside the text; the hash of the text, whatever the state, is checked too. */
function outputFileState(path: string, text: string): string {
  const inspection = inspectOutputFile(path, { content: text });
  expect(inspection.hash).toBe(
    `sha256:${createHash('sha256').update(Buffer.from(text)).digest('hex')}`,
  );
  return inspection.state;
}

/** A text in three pieces, cut anywhere (even inside a surrogate pair); `content` unread. */
function inPieces(text: string): { readonly content: string; pieces: () => string[] } {
  const cuts = [text.length >> 2, (text.length >> 1) + 1];
  return {
    get content(): string {
      throw new Error('content read though the text comes in pieces');
    },
    pieces: () => [text.slice(0, cuts[0]), text.slice(cuts[0], cuts[1]), text.slice(cuts[1])],
  };
}

function chunked(text: string): Buffer {
  const chunks: Buffer[] = [];
  forEachUtf8Chunk(text, (chunk) => {
    chunks.push(Buffer.from(chunk));
  });
  return Buffer.concat(chunks);
}

describe('outputs handled in chunks', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`give the whole text's bytes, hash and comparisons: ${name}`, () => {
      expect(chunked(text).equals(Buffer.from(text))).toBe(true);
      const hash = `sha256:${createHash('sha256').update(Buffer.from(text)).digest('hex')}`;

      const path = join(folder, 'out.json');
      writeFileAtomic(path, text);
      expect(readFileSync(path).equals(Buffer.from(text))).toBe(true);
      expect(fileHash(path)).toBe(hash);
      expect(outputFileState(path, text)).toBe('same');
      expect(outputFileState(join(folder, 'missing.json'), text)).toBe('missing');
      const pieces = inPieces(text);
      expect(inspectOutputFile(path, pieces)).toEqual({ state: 'same', hash });
      // Written from the pieces, not from `content`.
      writeFileSet([{ path, content: 'not this', pieces: pieces.pieces, shown: 'out.json' }]);
      expect(readFileSync(path).equals(Buffer.from(text))).toBe(true);
      if (text.length === 0) return;
      // The same length, one byte different: at the start, the middle and the end.
      const bytes = Buffer.from(text);
      for (const at of [0, bytes.length >> 1, bytes.length - 1]) {
        const changed = Buffer.from(bytes);
        changed[at] = changed[at] === 0x7a ? 0x79 : 0x7a;
        writeFileSync(path, changed);
        expect(outputFileState(path, text)).toBe('different');
        expect(inspectOutputFile(path, pieces)).toEqual({ state: 'different', hash });
        expect(fileHash(path)).not.toBe(hash);
      }
      writeFileSync(path, Buffer.concat([bytes, Buffer.from('\n')]));
      expect(outputFileState(path, text)).toBe('different');
      expect(inspectOutputFile(path, pieces).state).toBe('different');
      writeFileSync(path, bytes.subarray(0, bytes.length - 1));
      expect(outputFileState(path, text)).toBe('different');
      expect(inspectOutputFile(path, pieces).state).toBe('different');
    });
  }

  it('say a folder where an output goes is not a file', () => {
    expect(outputFileState(folder, 'x')).toBe('not-a-file');
    expect(fileHash(join(folder, 'missing.json'))).toBeUndefined();
  });

  it('judge a text as the string read back would, for every valid UTF-8 file', () => {
    const path = join(folder, 'agree.json');
    const texts = Object.values(TEXTS).filter((text) => !/[\ud800-\udfff]/u.test(text));
    for (const written of texts) {
      writeFileSync(path, written);
      for (const text of texts) {
        const same = readFileSync(path, 'utf8') === text;
        expect(outputFileState(path, text)).toBe(same ? 'same' : 'different');
      }
    }
  });
});
