// The CLI bundle carries the generated grammar's fingerprint, computed when it was built
// (scripts/bundle-cli.mjs), instead of walking the grammar at every start: it must be the
// fingerprint the running code would compute, and the fast parser must take it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { SpeclGrammar } from '../../packages/language/src/generated/grammar.js';
import {
  grammarFingerprint,
  isFastParserGrammar,
} from '../../packages/language/src/parser/fast/grammar-fingerprint.js';
import { longerAltTable } from '../../packages/language/src/parser/shared-token-builder.js';
import { repoRoot } from '../helpers/run-cli.js';

/** The text of every bundle file that holds `marker`. */
function bundleFilesHolding(marker: string): string[] {
  const bundle = join(repoRoot, 'cli/dist/bundle');
  return readdirSync(bundle)
    .filter((file) => /\.(m?js|cjs)$/.test(file))
    .map((file) => readFileSync(join(bundle, file), 'utf8'))
    .filter((text) => text.includes(marker));
}

describe('the grammar fingerprint the bundle was built with', () => {
  it('is the generated grammar computed now, in every bundle file that holds the parser', () => {
    const holders = bundleFilesHolding('function isFastParserGrammar(');
    // The CLI's language chunk and the diff worker's program.
    expect(holders.length).toBeGreaterThanOrEqual(2);
    const expected = grammarFingerprint(SpeclGrammar());
    for (const text of holders) {
      const found = [...text.matchAll(/=== SpeclGrammar\d*\(\) \? "([0-9a-f]{8})"/g)];
      expect(found.map((m) => m[1])).toStrictEqual([expected]);
    }
  });

  it('answers as the walk does outside the bundle, for the generated grammar and another', () => {
    const grammar = createSpeclServices(EmptyFileSystem).Specl.Grammar;
    expect(isFastParserGrammar(grammar)).toBe(true);
    const other = structuredClone({ name: grammar.name, rules: [], $type: grammar.$type });
    expect(isFastParserGrammar(other as unknown as typeof grammar)).toBe(false);
  });
});

describe("the keywords' longer alternatives the bundle was built with", () => {
  // scripts/bundle-cli.mjs gives the token builder, in the bundle's entries and in each program
  // built apart (the diff worker's, the sandbox child's), a module exporting the table as an
  // array literal (packages/language/src/parser/bundled-longer-alts.ts exports none).
  const BUNDLED = 'bundledLongerAlts';

  it("are the generated grammar's computed now, wherever the bundle holds them", () => {
    const expected = longerAltTable(SpeclGrammar());
    const found = bundleFilesHolding(`${BUNDLED} = [`).flatMap((text) => [
      ...text.matchAll(new RegExp(`^var ${BUNDLED}\\d* = (\\[.*\\]);$`, 'gm')),
    ]);
    expect(found.length).toBeGreaterThanOrEqual(2);
    for (const match of found) expect(JSON.parse(match[1]) as unknown).toStrictEqual(expected);
  });

  it('are what the token builder takes, in every bundle file that builds tokens', () => {
    const holders = bundleFilesHolding('SharedTokenBuilder = class');
    // The CLI's language chunk and the diff worker's program.
    expect(holders.length).toBeGreaterThanOrEqual(2);
    for (const text of holders) {
      expect(text).toMatch(new RegExp(`constructor\\(longerAlts = ${BUNDLED}\\d* \\?\\? null\\)`));
    }
  });
});
