import { describe, expect, it } from 'vitest';
import { check, error } from '../../helpers/check.js';

// The root is /main.specl; sources without a `spec` header get one as line 1. Findings in
// other files are prefixed with their path.

describe('specl/unresolved-import', () => {
  it('a missing file, at the path, naming where it looked', async () => {
    expect(await check('import "./missing.specl"\ntype A { x: Int }')).toEqual([
      error(
        '2:8',
        '"./missing.specl"',
        'specl/unresolved-import',
        'cannot find `./missing.specl`; check the path, which is relative to this file',
      ),
    ]);
  });

  it('a path relative to the importing file, not to the root', async () => {
    const others = { '/lib/a.specl': 'import "./b.specl"\ntype A { x: Int }' };
    expect(await check('import "./lib/a.specl"\ntype M { a: A }', others)).toEqual([
      error(
        '/lib/a.specl:1:8',
        '"./b.specl"',
        'specl/unresolved-import',
        'cannot find `./b.specl`; check the path, which is relative to this file',
      ),
    ]);
  });

  it('a file that is not a .specl file', async () => {
    expect(await check('import "./lib.txt"', { '/lib.txt': 'type A { x: Int }' })).toEqual([
      error(
        '2:8',
        '"./lib.txt"',
        'specl/unresolved-import',
        'cannot import `./lib.txt`: only .specl files can be imported',
      ),
    ]);
  });
});

describe('a file that imports itself', () => {
  it('is reported at the import', async () => {
    expect(await check('import "main.specl"\ntype A { x: Int }')).toEqual([
      error(
        '2:8',
        '"main.specl"',
        'specl/unresolved-import',
        'a file cannot import itself; remove this import',
      ),
    ]);
  });
});

describe('a file imported twice', () => {
  it('is reported at the second import, also when the paths are written differently', async () => {
    const others = { '/lib.specl': 'type S { n: Int }' };
    expect(
      await check('import "lib.specl"\nimport "./lib.specl"\ntype A { x: S }', others),
    ).toEqual([
      error(
        '3:8',
        '"./lib.specl"',
        'specl/duplicate-import',
        '`./lib.specl` is already imported; remove this import',
      ),
    ]);
  });
});

describe('what an import brings into scope', () => {
  it("an imported file's declarations of every kind are visible", async () => {
    const lib = `type Shared { n: Int }
enum Color { red, green }
error NotFound 404 { message: String }
endpoint getShared GET /shared/{id: Int} { response 200 Shared
  errors NotFound }`;
    const main = `import "./lib.specl"
type A { s: Shared, c: Color, invariant c == red }
endpoint e GET /a { response 200 A
  errors NotFound }
property p {
  let x = getShared(id: 1)
  expect x.n == 1
}`;
    expect(await check(main, { '/lib.specl': lib })).toEqual([]);
  });

  it('imports are not transitive: a declaration of a file imported by an import is not visible, and the hint names the import to add', async () => {
    const others = {
      '/a.specl': 'import "./b.specl"\ntype Alpha { n: Int }',
      '/b.specl': 'type Zebra { n: Int }',
    };
    expect(await check('import "./a.specl"\ntype M { x: Alpha, z: Zebra }', others)).toEqual([
      error(
        '3:23',
        'Zebra',
        'specl/unknown-type',
        'unknown type `Zebra`; it is declared in ./b.specl: add `import "./b.specl"`',
      ),
    ]);
  });

  it('the import hint beats a did-you-mean to a different name', async () => {
    const others = {
      '/a.specl': 'import "./b.specl"\ntype AType { n: Int }',
      '/b.specl': 'type BType { n: Int }',
    };
    expect(await check('import "./a.specl"\ntype M { x: AType, y: BType }', others)).toEqual([
      error(
        '3:23',
        'BType',
        'specl/unknown-type',
        'unknown type `BType`; it is declared in ./b.specl: add `import "./b.specl"`',
      ),
    ]);
  });

  it('the import hint gives a path relative to the importing file', async () => {
    const others = {
      '/lib/a.specl': 'import "../shared/b.specl"\ntype Alpha { n: Zebra }',
      '/shared/b.specl': 'type Zebra { n: Int }',
    };
    expect(await check('import "./lib/a.specl"\ntype M { x: Zebra }', others)).toEqual([
      error(
        '3:13',
        'Zebra',
        'specl/unknown-type',
        'unknown type `Zebra`; it is declared in ./shared/b.specl: add `import "./shared/b.specl"`',
      ),
    ]);
  });

  it('the import hint for errors, endpoints and names', async () => {
    const others = {
      '/a.specl': 'import "./b.specl"\ntype Alpha { n: Int }',
      '/b.specl':
        'error Missing 404 { m: String }\ntype R { x: Int }\nendpoint fetchIt GET /f { response 200 R }\nenum Answer { yes }\ntype Holder { a: Answer }',
    };
    const main = `import "./a.specl"
endpoint e GET /e { response 200 Alpha
  errors Missing }
property p {
  let r = fetchIt()
  expect r.x == 1
}
type M { n: Int, invariant n == Holder }`;
    expect(await check(main, others)).toEqual([
      error(
        '4:10',
        'Missing',
        'specl/unknown-error',
        'unknown error `Missing`; it is declared in ./b.specl: add `import "./b.specl"`',
      ),
      error(
        '6:11',
        'fetchIt',
        'specl/unknown-endpoint',
        'unknown endpoint `fetchIt`; it is declared in ./b.specl: add `import "./b.specl"`',
      ),
      error(
        '9:33',
        'Holder',
        'specl/unknown-name',
        'unknown name `Holder`; it is declared in ./b.specl: add `import "./b.specl"`',
      ),
    ]);
  });

  it('a file that nothing imports is not in scope, and its names are not suggested', async () => {
    const others = { '/a.specl': 'type Alpha { n: Int }', '/other.specl': 'type Other { n: Int }' };
    expect(await check('import "./a.specl"\ntype M { x: Alpha, y: Other }', others)).toEqual([
      error('3:23', 'Other', 'specl/unknown-type', 'unknown type `Other`'),
    ]);
  });

  it('a cycle of imports is allowed, and each side sees the other', async () => {
    const others = { '/a.specl': 'import "./main.specl"\ntype AType { n: Int, m: List<M> }' };
    expect(await check('import "./a.specl"\ntype M { x: AType? }', others)).toEqual([]);
  });

  it('a longer cycle is allowed too', async () => {
    const others = {
      '/a.specl': 'import "./b.specl"\ntype A { b: B? }',
      '/b.specl': 'import "./main.specl"\ntype B { m: M? }',
    };
    expect(await check('import "./a.specl"\ntype M { a: A? }', others)).toEqual([]);
  });

  it('errors inside an imported file are reported in that file', async () => {
    expect(
      await check('import "./a.specl"\ntype M { x: Nope }', {
        '/a.specl': 'type AType { n: Nope2 }',
      }),
    ).toEqual([
      error('/a.specl:1:17', 'Nope2', 'specl/unknown-type', 'unknown type `Nope2`'),
      error('3:13', 'Nope', 'specl/unknown-type', 'unknown type `Nope`'),
    ]);
  });
});

describe('clashes with imported files', () => {
  it('a declaration with the name of an imported one, at the local declaration', async () => {
    expect(
      await check('import "./lib.specl"\ntype S { x: Int }', { '/lib.specl': 'enum S { a }' }),
    ).toEqual([
      error(
        '3:6',
        'S',
        'specl/duplicate-declaration',
        '`S` is also declared in ./lib.specl (imported here); rename one of them',
      ),
    ]);
  });

  it('a route served by an endpoint of an imported file, whatever the parameter names', async () => {
    const others = {
      '/a.specl': 'type B { x: Int }\nendpoint f GET /x/{key: Int} { response 200 B }',
    };
    const main =
      'import "./a.specl"\ntype A { x: Int }\nendpoint e GET /x/{id: Int} { response 200 A }';
    expect(await check(main, others)).toEqual([
      error(
        '4:16',
        '/x/{id: Int}',
        'specl/duplicate-route',
        'GET /x/{} is already served by `f` in ./a.specl; change the method or the path',
      ),
    ]);
  });

  it('two imported files declaring one name used here are reported, not resolved silently to one of them', async () => {
    const others = { '/a.specl': 'type X { a: Int }', '/b.specl': 'enum X { b }' };
    const findings = await check('import "./a.specl"\nimport "./b.specl"\ntype M { x: X }', others);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'specl/duplicate-declaration',
        message: expect.stringContaining('`X`'),
      }),
    ]);
  });

  it('the same path with another method is a different route', async () => {
    const others = {
      '/a.specl': 'type B { x: Int }\nendpoint f GET /x/{key: Int} { response 200 B }',
    };
    const main =
      'import "./a.specl"\ntype A { x: Int }\nendpoint e PUT /x/{id: Int} { response 200 A }';
    expect(await check(main, others)).toEqual([]);
  });
});
