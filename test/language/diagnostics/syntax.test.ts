import { describe, expect, it } from 'vitest';
import type { Finding } from '../../helpers/check.js';
import { check } from '../../helpers/check.js';

// specl/syntax-error: what was expected, in words, and what was found, once per mistake.
// Sources without a `spec` header get one as line 1, so their own first line is line 2.

const syntax = (at: string, text: string, message: string): Finding => ({
  at,
  text,
  severity: 'error',
  code: 'specl/syntax-error',
  message,
});

/** One syntax error at `at` covering `text`, whose message satisfies `message` (an exact string or a matcher). */
const one = (at: string, text: string, message: unknown) => [
  { at, text, severity: 'error', code: 'specl/syntax-error', message },
];

describe('specl/syntax-error, rewritten in words', () => {
  it('a missing `:` in a field', async () => {
    expect(await check('type A { x Int }')).toEqual([
      syntax('2:12', 'Int', 'expected `:` but found `Int`'),
    ]);
  });

  it('a record left open at the end of the file', async () => {
    expect(await check('type A { x: Int')).toEqual([
      syntax('2:16', '', 'the file ends before this record is closed; add `}`'),
    ]);
  });

  it('a list type left open', async () => {
    expect(await check('type A { x: List<Int }')).toEqual([
      syntax('2:22', '}', 'expected `>` but found `}`'),
    ]);
  });

  it('an expression cut short, listing what may start one', async () => {
    expect(await check('type A { x: Int, invariant x > }')).toEqual([
      syntax(
        '2:32',
        '}',
        'expected `-`, `(`, a number, a string, `true`, `false`, `null`, `[`, ... but found `}`',
      ),
    ]);
  });

  it('a chained comparison', async () => {
    expect(await check('type A { a: Int, invariant a == 1 == 2 }')).toEqual([
      syntax(
        '2:35',
        '==',
        'unexpected `==`: comparisons do not chain; join two comparisons with `and`',
      ),
    ]);
  });

  it('an unexpected character', async () => {
    expect(await check('type A { x: Int # }\nenum E { a; b }')).toEqual([
      syntax('2:17', '#', 'unexpected character `#`'),
      syntax('3:11', ';', 'unexpected character `;`'),
    ]);
  });
});

describe('specl/syntax-error: one diagnostic per mistake', () => {
  it('a single-quoted string: the hint, once, and no unknown name for its content', async () => {
    expect(await check("type A { x: 'a' }")).toEqual(
      one(
        '2:13',
        expect.stringMatching(/^'a?'?$/),
        "unexpected character `'`; strings use double quotes",
      ),
    );
  });

  it('the same in an expression', async () => {
    expect(await check("type A { s: String, invariant s == 'a' }")).toEqual(
      one(
        '2:36',
        expect.stringMatching(/^'a?'?$/),
        "unexpected character `'`; strings use double quotes",
      ),
    );
  });

  it('an unterminated string', async () => {
    const findings = await check('spec A version "1.0.0\ntype A { x: Int }');
    expect(findings).toEqual(one('1:16', expect.stringMatching(/^"/), expect.any(String)));
  });

  it('a version without quotes: the syntax error only, not also an invalid empty version', async () => {
    expect(await check('spec Foo version 1.0.0\ntype A { x: Int }')).toEqual(
      one('1:18', '1.0', expect.stringMatching(/^expected a string but found `1\.0`/)),
    );
  });

  it('a constraint without a value: the syntax error only', async () => {
    expect(await check('type A { x: Int { min: } }')).toEqual([
      syntax(
        '2:24',
        '}',
        'expected `-`, a number, a string, `true`, `false`, `null`, `{`, `[` but found `}`',
      ),
    ]);
  });

  it('`=` for `==`: the syntax error only, naming `==`', async () => {
    expect(await check('type A { x: Int, invariant x = 1 }')).toEqual(
      one('2:30', '=', expect.stringContaining('`==`')),
    );
  });

  it('`&&` for `and`: the syntax error only, naming `and`', async () => {
    expect(await check('type A { x: Bool, invariant x && x }')).toEqual(
      one('2:31', expect.stringMatching(/^&&?$/), expect.stringContaining('`and`')),
    );
  });
});

describe('specl/syntax-error at the top level', () => {
  it('a stray `}` is explained like other unexpected input', async () => {
    expect(await check('type A { x: Int }\n}')).toEqual([
      syntax(
        '3:1',
        '}',
        'unexpected `}`; expected a declaration: type, enum, error, endpoint or property',
      ),
    ]);
  });

  it('a misspelt keyword is not "expected the end of the file"', async () => {
    expect(await check('typ A { x: Int }')).toEqual(
      one('2:1', 'typ', 'unexpected `typ`; did you mean `type`?'),
    );
  });

  it('an import after a declaration says imports come first', async () => {
    const findings = await check('type A { x: Int }\nimport "./b.specl"', {
      '/b.specl': 'type B { y: Int }',
    });
    expect(findings).toEqual(one('3:1', 'import', expect.stringMatching(/import.*(first|before)/)));
  });

  it('a second spec header says there is one per file', async () => {
    const findings = await check('spec Foo version "1.0.0"\nspec Bar version "1.0.0"');
    expect(findings).toEqual(one('2:1', 'spec', expect.not.stringContaining('end of the file')));
  });

  it('an unknown endpoint clause lists the clauses', async () => {
    const findings = await check(
      'type A { x: Int }\nendpoint e GET /e { response 200 A\n  bogus 1 }',
    );
    expect(findings).toEqual(
      one(
        '4:3',
        'bogus',
        'unexpected `bogus`; expected an endpoint clause: header, query, body, response, errors, requires, ensures',
      ),
    );
  });
});
