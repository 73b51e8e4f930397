import { describe, expect, it } from 'vitest';
import { check } from '../helpers/check.js';

describe('check', () => {
  it('finds an unknown type at its name', async () => {
    expect(await check('type A { name: Strin }')).toEqual([
      {
        at: '2:16',
        text: 'Strin',
        severity: 'error',
        code: 'specl/unknown-type',
        message: 'unknown type `Strin`; did you mean `String`?',
      },
    ]);
  });
});
