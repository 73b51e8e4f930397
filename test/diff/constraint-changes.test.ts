import { describe, expect, it } from 'vitest';
import { at, changesBetween } from './diff-helpers.js';

/**
 * Every constraint, changed on a type that clients send (a query parameter) and on one they
 * receive (a response body): narrowing breaks senders, widening breaks receivers.
 */
const rows: { type: string; before: string; after: string; effect: 'narrowed' | 'widened' }[] = [
  { type: 'Int', before: '', after: '{ min: 1 }', effect: 'narrowed' },
  { type: 'Int', before: '{ min: 1 }', after: '{ min: 0 }', effect: 'widened' },
  { type: 'Int', before: '', after: '{ exclusiveMin: 0 }', effect: 'narrowed' },
  { type: 'Int', before: '{ max: 5 }', after: '{ max: 6 }', effect: 'widened' },
  { type: 'Int', before: '{ exclusiveMax: 5 }', after: '{ exclusiveMax: 4 }', effect: 'narrowed' },
  { type: 'Float', before: '{ min: 0 }', after: '{ exclusiveMin: 0 }', effect: 'narrowed' },
  { type: 'Float', before: '{ max: 1.5 }', after: '', effect: 'widened' },
  { type: 'String', before: '{ minLength: 1 }', after: '{ minLength: 2 }', effect: 'narrowed' },
  { type: 'String', before: '{ maxLength: 5 }', after: '', effect: 'widened' },
  { type: 'String', before: '', after: '{ pattern: "^a" }', effect: 'narrowed' },
  { type: 'String', before: '{ pattern: "^a" }', after: '', effect: 'widened' },
  { type: 'List<Int>', before: '{ minItems: 1 }', after: '{ minItems: 0 }', effect: 'widened' },
  { type: 'List<Int>', before: '', after: '{ maxItems: 3 }', effect: 'narrowed' },
  { type: 'List<Int>', before: '', after: '{ unique: true }', effect: 'narrowed' },
  { type: 'List<Int>', before: '{ unique: true }', after: '', effect: 'widened' },
];

const sent = (type: string) => `endpoint put PUT /v {\n  query v: ${type}\n  response 204\n}\n`;
const received = (type: string) => `endpoint get GET /v {\n  response 200 ${type}\n}\n`;

describe('specl diff: each constraint, where clients send it and where they receive it', () => {
  for (const { type, before, after, effect } of rows) {
    const written = (constraints: string) => `${type}${constraints ? ` ${constraints}` : ''}`;
    it(`${written(before)} → ${written(after)} is ${effect}`, async () => {
      const kind = `constraint-${effect}` as const;
      const [a, b] = [sent(written(before)), sent(written(after))];
      expect(await changesBetween(a, b)).toEqual([
        {
          kind,
          verdict: effect === 'narrowed' ? 'breaking' : 'non-breaking',
          subject: 'put query v',
          old: at(a, 'query v'),
          new: at(b, 'query v'),
        },
      ]);
      const [c, d] = [received(written(before)), received(written(after))];
      expect(await changesBetween(c, d)).toEqual([
        {
          kind,
          verdict: effect === 'widened' ? 'breaking' : 'non-breaking',
          subject: 'get response 200',
          old: at(c, 'response 200'),
          new: at(d, 'response 200'),
        },
      ]);
    });
  }
});
