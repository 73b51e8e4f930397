import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadGrammarFromJson } from 'langium';
import type { GrammarAST } from 'langium';
import { describe, expect, it } from 'vitest';
import { loadGrammarJson } from '../../packages/language/src/util/grammar-json.js';

/** The grammar JSON langium-cli wrote into generated/grammar.ts (its one string literal). */
function generatedGrammarJson(): string {
  const source = readFileSync(
    resolve(import.meta.dirname, '../../packages/language/src/generated/grammar.ts'),
    'utf8',
  );
  const literal = /loadGrammarFromJson\(('(?:[^'\\]|\\.)*')\)/.exec(source)?.[1];
  if (literal === undefined) throw new Error('no grammar JSON in generated/grammar.ts');
  return new Function(`return ${literal};`)() as string;
}

/**
 * Walks Langium's graph and ours side by side: the same keys in the same order (but Langium's
 * `$document`), the same values, references with the same text whose targets are the
 * corresponding nodes, containers that are the corresponding nodes. Returns how many nodes it
 * compared.
 */
function compareGraphs(theirs: object, ours: object): number {
  const counterpart = new Map<object, object>([[theirs, ours]]);
  const pairs: [Record<string, unknown>, Record<string, unknown>][] = [
    [theirs as Record<string, unknown>, ours as Record<string, unknown>],
  ];
  const deferred: [unknown, unknown][] = [];
  let nodes = 0;
  while (pairs.length > 0) {
    const [a, b] = pairs.pop()!;
    nodes++;
    const keys = Object.keys(a).filter((key) => key !== '$document');
    expect(Object.keys(b)).toEqual(keys);
    for (const key of keys) {
      const [x, y] = [a[key], b[key]];
      if (key === '$container') {
        deferred.push([x, y]);
      } else if (Array.isArray(x)) {
        expect(Array.isArray(y) && y.length === x.length).toBe(true);
        x.forEach((item, index) => visit(item, (y as unknown[])[index]));
      } else {
        visit(x, y);
      }
    }
  }
  function visit(x: unknown, y: unknown): void {
    if (typeof x !== 'object' || x === null) {
      expect(y).toBe(x);
    } else if ('ref' in x) {
      const [rx, ry] = [
        x as { $refText: string; ref: object },
        y as { $refText: string; ref: object },
      ];
      expect(Object.keys(ry)).toEqual(Object.keys(rx));
      expect(ry.$refText).toBe(rx.$refText);
      deferred.push([rx.ref, ry.ref]);
    } else {
      counterpart.set(x, y as object);
      pairs.push([x as Record<string, unknown>, y as Record<string, unknown>]);
    }
  }
  for (const [x, y] of deferred) {
    if (x === undefined) expect(y).toBeUndefined();
    else expect(counterpart.get(x as object)).toBe(y);
  }
  return nodes;
}

describe('loadGrammarJson', () => {
  it("builds the same grammar graph as Langium's loadGrammarFromJson", () => {
    const json = generatedGrammarJson();
    const nodes = compareGraphs(loadGrammarFromJson(json), loadGrammarJson(json));
    expect(nodes).toBeGreaterThan(1000);
  });

  it('resolves references to the very nodes of the rules and types they name', () => {
    const grammar = loadGrammarJson(generatedGrammarJson());
    const spread = grammar.rules.find((rule) => rule.name === 'Spread') as GrammarAST.ParserRule;
    const json = JSON.stringify(spread.definition, (key, value: unknown) =>
      key.startsWith('$container')
        ? undefined
        : key === 'ref'
          ? (value as { name: string }).name
          : value,
    );
    expect(json).toContain('"$refText":"Declaration","ref":"Declaration"');
    expect(spread.$container).toBe(grammar);
    expect(spread.$containerProperty).toBe('rules');
  });

  it('says which reference it cannot resolve', () => {
    expect(() => loadGrammarJson('{"$type":"Grammar","rules":[{"$ref":"#/rules@7"}]}')).toThrow(
      'grammar JSON: cannot resolve #/rules@7',
    );
  });
});
