import { describe, expect, it } from 'vitest';
import { article } from '../../packages/language/src/util/article.js';

describe('article', () => {
  const cases: [string, 'a' | 'an'][] = [
    ['Int', 'an'],
    ['String', 'a'],
    ['Email', 'an'],
    ['Uuid', 'a'],
    ['Url', 'a'],
    ['User', 'a'],
    ['Usage', 'a'],
    ['Unit', 'a'],
    ['Update', 'an'],
    ['Undo', 'an'],
    ['S', 'an'],
    ['T', 'a'],
    ['F', 'an'],
    ['HTTP', 'an'],
    ['ID', 'an'],
    ['Order', 'an'],
  ];
  for (const [name, expected] of cases) {
    it(`"${expected} ${name}"`, () => expect(article(name)).toBe(expected));
  }
});
