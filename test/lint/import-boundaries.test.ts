import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * The real lint (eslint.config.js, as `npm run lint` runs it) on imports the architecture
 * forbids and on imports it allows: each fixture in test/fixtures/import-boundaries says where
 * it is linted as (`// as: packages/runtime/src/fixture.ts`) and what the lint must say
 * (`// expect: <part of the message>`, or `// expect: allowed`).
 */
const fixturesDir = join(repoRoot, 'test/fixtures/import-boundaries');

interface Fixture {
  readonly name: string;
  readonly as: string;
  readonly expect: string;
  readonly text: string;
}

function fixtures(): Fixture[] {
  return readdirSync(fixturesDir)
    .filter((name) => name.endsWith('.fixture.txt'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(fixturesDir, name), 'utf8');
      const as = /^\/\/ as: (.+)$/m.exec(text)?.[1];
      const expected = /^\/\/ expect: (.+)$/m.exec(text)?.[1];
      if (!as || !expected) throw new Error(`${name} needs \`// as:\` and \`// expect:\` lines`);
      return { name, as, expect: expected, text };
    });
}

describe('import boundaries', () => {
  const eslint = new ESLint({ cwd: repoRoot });
  const all = fixtures();

  it('has forbidden and allowed fixtures', () => {
    expect(all.filter((f) => f.expect === 'allowed').length).toBeGreaterThan(0);
    expect(all.filter((f) => f.expect !== 'allowed').length).toBeGreaterThan(5);
  });

  for (const fixture of all) {
    const verdict = fixture.expect === 'allowed' ? 'allows' : 'forbids';
    it(`${verdict} ${fixture.name.replace('.fixture.txt', '')} (as ${fixture.as})`, async () => {
      const [result] = await eslint.lintText(fixture.text, {
        filePath: join(repoRoot, fixture.as),
      });
      const boundaries = result!.messages.filter((m) => m.ruleId === 'specl/import-boundaries');
      if (fixture.expect === 'allowed') {
        expect(boundaries).toEqual([]);
      } else {
        expect(boundaries.map((m) => m.message).join('\n')).toContain(fixture.expect);
        expect(boundaries.every((m) => m.severity === 2)).toBe(true);
        expect(result!.errorCount).toBeGreaterThan(0);
      }
    });
  }
});
