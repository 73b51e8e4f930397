import { describe, expect, it } from 'vitest';
import { redact } from '@specl/agent';
import { TEST_KEY } from './agent-helpers.js';
import { keyEncodings, keyLeaks } from './key-leaks.js';

describe('redaction of the API key', () => {
  for (const key of [TEST_KEY, 'sk-7Qz', 'abc']) {
    it(`finds the key ${JSON.stringify(key)} in every encoding a log line can carry`, () => {
      const encodings = keyEncodings(key);
      for (const [encoding, text] of Object.entries(encodings)) {
        const line = JSON.stringify({ text: `before ${text} after` });
        expect(keyLeaks(line, key), encoding).not.toEqual([]);
        const redacted = redact(line, [key]);
        expect(keyLeaks(redacted, key), `${encoding}: ${redacted}`).toEqual([]);
        expect(redacted, encoding).toContain('[redacted]');
      }
    });
  }

  it('leaves text without the key as it was', () => {
    const text = JSON.stringify({
      text: 'GET /employees?limit=10 answered 200 {"id":"e-1","name":"Ada"} in 3 ms; aGVsbG8gd29ybGQ=',
    });
    expect(redact(text, [TEST_KEY])).toBe(text);
    expect(redact(text, [undefined, ''])).toBe(text);
  });

  it('redacts a key that appears twice, and two keys', () => {
    const other = 'sk-other-9f8e7d';
    const text = `${TEST_KEY} and ${Buffer.from(other).toString('base64')} and ${TEST_KEY}`;
    const redacted = redact(text, [TEST_KEY, other]);
    expect(redacted).toBe('[redacted] and [redacted] and [redacted]');
    expect(keyLeaks(redacted, other)).toEqual([]);
  });
});
