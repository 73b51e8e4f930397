import { describe, expect, it } from 'vitest';
import { check, checkFiles, error } from '../../helpers/check.js';

// Sources without a `spec` header get one as line 1, so their own first line is line 2.

describe('specl/invalid-semver', () => {
  it('a version with two parts, at the version string', async () => {
    expect(await check('spec Api version "1.0"\ntype A { x: Int }')).toEqual([
      error(
        '1:18',
        '"1.0"',
        'specl/invalid-semver',
        '`1.0` is not a valid semver version; write MAJOR.MINOR.PATCH, such as "1.0.0"',
      ),
    ]);
  });

  it('a `v` prefix and leading zeros, with the suggestion cleaned up', async () => {
    expect(await check('spec Api version "v01.2.3"')).toEqual([
      error(
        '1:18',
        '"v01.2.3"',
        'specl/invalid-semver',
        '`v01.2.3` is not a valid semver version; write MAJOR.MINOR.PATCH, such as "1.2.3"',
      ),
    ]);
  });

  it('accepts pre-release and build metadata', async () => {
    expect(await check('spec Api version "2.0.0-rc.1+sha.5114f85"')).toEqual([]);
  });
});

describe('specl/missing-spec', () => {
  it('a root file without a header, at its first declaration, with a header named after the file', async () => {
    expect(await checkFiles({ '/my-api.specl': 'type A { x: Int }\n' }, ['/my-api.specl'])).toEqual(
      [
        error(
          '/my-api.specl:1:1',
          'type A { x: Int }',
          'specl/missing-spec',
          'this file is not imported by another, so it must begin with a spec header, such as `spec MyApi version "0.1.0"`',
        ),
      ],
    );
  });

  it('a root file whose name starts with a digit, at its first import', async () => {
    const files = { '/2fast.specl': 'import "./b.specl"\n', '/b.specl': 'type B { x: Int }' };
    expect(await checkFiles(files, ['/2fast.specl'])).toEqual([
      error(
        '/2fast.specl:1:1',
        'import "./b.specl"',
        'specl/missing-spec',
        'this file is not imported by another, so it must begin with a spec header, such as `spec Api2fast version "0.1.0"`',
      ),
    ]);
  });

  it('not for a file that another file imports', async () => {
    const files = {
      '/main.specl': 'spec Main version "1.0.0"\nimport "./lib.specl"',
      '/lib.specl': 'type B { x: Int }',
    };
    expect(await checkFiles(files, ['/main.specl', '/lib.specl'])).toEqual([]);
  });
});

describe('specl/duplicate-declaration in one file', () => {
  it('two records, at the second name', async () => {
    expect(await check('type A { x: Int }\ntype B { x: Int }\ntype A { y: Int }')).toEqual([
      error(
        '4:6',
        'A',
        'specl/duplicate-declaration',
        '`A` is already declared in this file; rename one of them',
      ),
    ]);
  });

  it('a record and an enum', async () => {
    expect(await check('type A { x: Int }\nenum A { a }')).toEqual([
      error(
        '3:6',
        'A',
        'specl/duplicate-declaration',
        '`A` is already declared in this file; rename one of them',
      ),
    ]);
  });

  it('a record and an endpoint: one diagnostic, and uses of `A` do not also fail', async () => {
    expect(await check('type A { x: Int }\nendpoint A GET /a { response 200 A }')).toEqual([
      error(
        '3:10',
        'A',
        'specl/duplicate-declaration',
        '`A` is already declared in this file; rename one of them',
      ),
    ]);
  });
});

describe('specl/duplicate-field', () => {
  it('two fields, at the second', async () => {
    expect(await check('type A { x: Int, x: String }')).toEqual([
      error(
        '2:18',
        'x',
        'specl/duplicate-field',
        'field `x` is already declared in this record; rename or remove one',
      ),
    ]);
  });

  it('a spread bringing a field declared above, at the spread', async () => {
    expect(await check('type B { x: Int }\ntype A { x: Int, ...B }')).toEqual([
      error(
        '3:21',
        'B',
        'specl/duplicate-field',
        'spreading `B` brings field `x`, which is already declared in this record',
      ),
    ]);
  });

  it('a field declared below a spread that brings it, at the field', async () => {
    expect(await check('type B { x: Int }\ntype A { ...B, x: Int }')).toEqual([
      error(
        '3:16',
        'x',
        'specl/duplicate-field',
        'field `x` is already brought by `...B`; rename or remove one',
      ),
    ]);
  });

  it('two spreads bringing one field, at the second spread', async () => {
    expect(await check('type B { x: Int }\ntype C { x: Int }\ntype A { ...B, ...C }')).toEqual([
      error(
        '4:19',
        'C',
        'specl/duplicate-field',
        'spreading `C` brings field `x`, which is already brought by `...B`',
      ),
    ]);
  });

  it('in an error body', async () => {
    expect(await check('error E 404 { m: String, m: String }')).toEqual([
      error(
        '2:26',
        'm',
        'specl/duplicate-field',
        'field `m` is already declared in this record; rename or remove one',
      ),
    ]);
  });
});

describe('specl/duplicate-enum-member', () => {
  it('at the second member', async () => {
    expect(await check('enum E { a, b, a }')).toEqual([
      error(
        '2:16',
        'a',
        'specl/duplicate-enum-member',
        '`a` is already a member of `E`; remove one',
      ),
    ]);
  });
});

describe('specl/not-a-record', () => {
  it('spreading an enum', async () => {
    expect(await check('enum E { a }\ntype A { ...E }')).toEqual([
      error('3:13', 'E', 'specl/not-a-record', 'only records can be spread, and `E` is an enum'),
    ]);
  });

  it('spreading an endpoint', async () => {
    expect(
      await check('type R { x: Int }\nendpoint e GET /e { response 200 R }\ntype A { ...e }'),
    ).toEqual([
      error(
        '4:13',
        'e',
        'specl/not-a-record',
        'only records can be spread, and `e` is an endpoint',
      ),
    ]);
  });

  it('spreading an error body is allowed (it is record-like)', async () => {
    expect(await check('error E 404 { m: String }\ntype A { ...E, n: Int }')).toEqual([]);
  });

  it('spreading an alias of a record is allowed: the alias is that record', async () => {
    expect(await check('type B { x: Int }\ntype X = B\ntype A { ...X }')).toEqual([]);
  });
});

describe('specl/recursive-spread', () => {
  it('a record that only spreads itself', async () => {
    expect(await check('type A { ...A }')).toEqual([
      error('2:13', 'A', 'specl/recursive-spread', '`A` spreads itself; remove the spread'),
    ]);
  });

  it('two records that only spread each other, each reported', async () => {
    expect(await check('type A { ...B }\ntype B { ...A }')).toEqual([
      error(
        '2:13',
        'B',
        'specl/recursive-spread',
        '`A` spreads itself through `B`; remove the spread',
      ),
      error(
        '3:13',
        'A',
        'specl/recursive-spread',
        '`B` spreads itself through `A`; remove the spread',
      ),
    ]);
  });

  it('a record spreading itself: the cycle only', async () => {
    expect(await check('type A { x: Int, ...A }')).toEqual([
      error('2:21', 'A', 'specl/recursive-spread', '`A` spreads itself; remove the spread'),
    ]);
  });

  it('two records spreading each other: the cycle, and no duplicate fields that only follow from it', async () => {
    expect(await check('type A { ...B, x: Int }\ntype B { ...A, y: Int }')).toEqual([
      error(
        '2:13',
        'B',
        'specl/recursive-spread',
        '`A` spreads itself through `B`; remove the spread',
      ),
      error(
        '3:13',
        'A',
        'specl/recursive-spread',
        '`B` spreads itself through `A`; remove the spread',
      ),
    ]);
  });
});

describe('specl/recursive-alias', () => {
  it('an alias of itself', async () => {
    expect(await check('type X = X')).toEqual([
      error(
        '2:6',
        'X',
        'specl/recursive-alias',
        'alias `X` refers to itself; an alias must end in a type (use a record for recursive data)',
      ),
    ]);
  });

  it('two aliases of each other, each reported', async () => {
    expect(await check('type X = Y\ntype Y = X { min: 1 }')).toEqual([
      error(
        '2:6',
        'X',
        'specl/recursive-alias',
        'alias `X` refers to itself; an alias must end in a type (use a record for recursive data)',
      ),
      error(
        '3:6',
        'Y',
        'specl/recursive-alias',
        'alias `Y` refers to itself; an alias must end in a type (use a record for recursive data)',
      ),
    ]);
  });

  it('a chain of aliases that ends in a type is fine', async () => {
    expect(await check('type X = Y\ntype Y = Z { max: 3 }\ntype Z = Int { min: 0 }')).toEqual([]);
  });
});

describe('specl/unknown-type', () => {
  it('a misspelt primitive, with did-you-mean', async () => {
    expect(await check('type A { name: Strin }')).toEqual([
      error('2:16', 'Strin', 'specl/unknown-type', 'unknown type `Strin`; did you mean `String`?'),
    ]);
  });

  it('a misspelt declaration, with did-you-mean', async () => {
    expect(await check('type Employee { id: Uuid }\ntype A { e: Employe }')).toEqual([
      error(
        '3:13',
        'Employe',
        'specl/unknown-type',
        'unknown type `Employe`; did you mean `Employee`?',
      ),
    ]);
  });

  it('a name close to nothing, with no suggestion', async () => {
    expect(await check('type A { x: Quux }')).toEqual([
      error('2:13', 'Quux', 'specl/unknown-type', 'unknown type `Quux`'),
    ]);
  });

  it('in a list element, a spread, a parameter and a forall variable', async () => {
    const source = `type A { x: List<Nope1>, ...Nope2 }
endpoint e GET /e/{id: Nope3} { response 200 A }
property p { forall v: Nope4
  expect true }`;
    expect(await check(source)).toEqual([
      error('2:18', 'Nope1', 'specl/unknown-type', 'unknown type `Nope1`'),
      error('2:29', 'Nope2', 'specl/unknown-type', 'unknown type `Nope2`'),
      error('3:24', 'Nope3', 'specl/unknown-type', 'unknown type `Nope3`'),
      error('4:24', 'Nope4', 'specl/unknown-type', 'unknown type `Nope4`'),
    ]);
  });

  it('the built-in `try` outcome is not a type users can name', async () => {
    expect(await check('type M { x: Outcome }')).toEqual([
      error('2:13', 'Outcome', 'specl/unknown-type', 'unknown type `Outcome`'),
    ]);
  });
});

describe('specl/not-a-type', () => {
  it('an endpoint used as a type', async () => {
    expect(
      await check('type R { x: Int }\nendpoint e GET /e { response 200 R }\ntype A { x: e }'),
    ).toEqual([error('4:13', 'e', 'specl/not-a-type', '`e` is an endpoint, not a type')]);
  });

  it('a property used as a type', async () => {
    expect(await check('property p { expect true }\ntype A { x: List<p> }')).toEqual([
      error('3:18', 'p', 'specl/not-a-type', '`p` is a property, not a type'),
    ]);
  });
});
