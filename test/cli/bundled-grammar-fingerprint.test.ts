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
import { repoRoot } from '../helpers/run-cli.js';

describe('the grammar fingerprint the bundle was built with', () => {
  it('is the generated grammar computed now, in every bundle file that holds the parser', () => {
    const bundle = join(repoRoot, 'cli/dist/bundle');
    const holders = readdirSync(bundle)
      .filter((file) => /\.(m?js|cjs)$/.test(file))
      .map((file) => readFileSync(join(bundle, file), 'utf8'))
      .filter((text) => text.includes('function isFastParserGrammar('));
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
