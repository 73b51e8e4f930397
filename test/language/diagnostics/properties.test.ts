import { describe, expect, it } from 'vitest';
import { check, error, warning } from '../../helpers/check.js';

// Sources without a `spec` header get one as line 1, so their own first line is line 2.

const API = `type T { id: Int, name: String }
error NotFound 404 { message: String }
endpoint make POST /t { body T
  query q?: Int
  response 201 T }
endpoint get GET /t/{id: Int} { header trace: String
  response 200 T
  errors NotFound }
`;
// API declares a record, an error and two endpoints on lines 2-9; a property after it starts on line 10.

describe('specl/let-before-bound', () => {
  it('an `expect` above the `let` it reads', async () => {
    expect(await check(API + 'property p {\n  expect x.id == 1\n  let x = get(id: 1)\n}')).toEqual([
      error(
        '11:10',
        'x',
        'specl/let-before-bound',
        '`x` is used before it is bound; move this statement below the one that binds `x`',
      ),
    ]);
  });

  it('a `let` that reads itself', async () => {
    expect(await check(API + 'property p {\n  let x = get(id: x.id)\n}')).toEqual([
      error(
        '11:19',
        'x',
        'specl/let-before-bound',
        '`x` is used in its own `let`; a binding can only use names bound above it',
      ),
    ]);
  });

  it('a `forall` variable used above its `forall`', async () => {
    expect(
      await check(
        API + 'property p {\n  forall n: Int where n > 0\n  let x = get(id: k)\n  forall k: Int\n}',
      ),
    ).toEqual([
      error(
        '12:19',
        'k',
        'specl/let-before-bound',
        '`k` is used before it is bound; move this statement below the one that binds `k`',
      ),
    ]);
  });

  it('a `where` reading a `let` below it', async () => {
    expect(
      await check(API + 'property p {\n  forall k: Int where k > x.id\n  let x = get(id: 1)\n}'),
    ).toEqual([
      error(
        '11:27',
        'x',
        'specl/let-before-bound',
        '`x` is used before it is bound; move this statement below the one that binds `x`',
      ),
    ]);
  });

  it('bindings in order are fine; names of another property are not in scope', async () => {
    const source =
      API +
      'property p {\n  forall t: T\n  let made = make(body: t)\n  let fetched = get(id: made.id)\n  expect fetched == made\n}\nproperty q {\n  let z = get(id: fetched.id)\n}';
    expect(await check(source)).toEqual([
      error('17:19', 'fetched', 'specl/unknown-name', 'unknown name `fetched`'),
    ]);
  });
});

describe('names bound twice in a property', () => {
  it('a second `let` with the name of the first is reported at the second', async () => {
    const findings = await check(
      API + 'property p {\n  let a = get(id: 1)\n  let a = get(id: 2)\n  expect a.id > 0\n}',
    );
    expect(findings).toEqual([
      {
        at: '12:7',
        text: 'a',
        severity: 'error',
        code: expect.stringMatching(/^specl\/duplicate-/),
        message: expect.stringContaining('`a`'),
      },
    ]);
  });

  it('a `let` with the name of a `forall` variable is reported, not left to confuse later uses', async () => {
    const findings = await check(
      API + 'property p {\n  forall x: Int\n  let x = get(id: x)\n  expect x.id == 1\n}',
    );
    expect(findings).toEqual([
      {
        at: '12:7',
        text: 'x',
        severity: 'error',
        code: expect.stringMatching(/^specl\/duplicate-/),
        message: expect.stringContaining('`x`'),
      },
    ]);
  });
});

describe('specl/misplaced-expression in properties', () => {
  it('a call outside a `let`', async () => {
    expect(
      await check(API + 'property p {\n  let x = get(id: 1)\n  expect get(id: 2) == x\n}'),
    ).toEqual([
      error(
        '12:10',
        'get(id: 2)',
        'specl/misplaced-expression',
        'a call to `get` must be the whole value of a `let`: `let x = get(...)`',
      ),
    ]);
  });

  it('`try` on something that is not a call', async () => {
    expect(await check(API + 'property p {\n  let x = try 5\n}')).toEqual([
      error(
        '11:11',
        'try',
        'specl/misplaced-expression',
        '`try` applies to an endpoint call: `let r = try endpoint(...)`',
      ),
    ]);
  });

  it('`body` and `response` outside an endpoint', async () => {
    expect(
      await check(
        API + 'property p {\n  forall t: T\n  expect body.id == t.id or response.id == t.id\n}',
      ),
    ).toEqual([
      error(
        '12:10',
        'body',
        'specl/misplaced-expression',
        '`body` can only be used in the `requires` and `ensures` of an endpoint',
      ),
      error(
        '12:29',
        'response',
        'specl/misplaced-expression',
        '`response` can only be used in the `ensures` of an endpoint',
      ),
    ]);
  });

  it('`body` and `response` in an invariant', async () => {
    expect(await check('type A { id: Int, invariant body.id == 1 or response.id == 1 }')).toEqual([
      error(
        '2:29',
        'body',
        'specl/misplaced-expression',
        '`body` can only be used in the `requires` and `ensures` of an endpoint',
      ),
      error(
        '2:45',
        'response',
        'specl/misplaced-expression',
        '`response` can only be used in the `ensures` of an endpoint',
      ),
    ]);
  });
});

describe('calls', () => {
  it('specl/unknown-endpoint, with did-you-mean', async () => {
    expect(await check(API + 'property p {\n  let x = gett()\n}')).toEqual([
      error(
        '11:11',
        'gett',
        'specl/unknown-endpoint',
        'unknown endpoint `gett`; did you mean `get`?',
      ),
    ]);
  });

  it('specl/unknown-endpoint, and no second diagnostic for its arguments', async () => {
    expect(await check(API + 'property p {\n  let x = gett(id: 1)\n}')).toEqual([
      error(
        '11:11',
        'gett',
        'specl/unknown-endpoint',
        'unknown endpoint `gett`; did you mean `get`?',
      ),
    ]);
  });

  it('specl/unknown-parameter, with did-you-mean', async () => {
    expect(await check(API + 'property p {\n  let x = get(id: 1, idd: 2)\n}')).toEqual([
      error(
        '11:22',
        'idd',
        'specl/unknown-parameter',
        '`get` has no parameter `idd`; did you mean `id`?',
      ),
    ]);
  });

  it('specl/unknown-parameter, listing the parameters', async () => {
    expect(await check(API + 'property p {\n  let x = get(id: 1, zzz: 2)\n}')).toEqual([
      error(
        '11:22',
        'zzz',
        'specl/unknown-parameter',
        '`get` has no parameter `zzz`; its parameters are `id`, `trace`',
      ),
    ]);
  });

  it('specl/unknown-parameter, for an endpoint that takes none', async () => {
    expect(
      await check(
        'type T { id: Int }\nendpoint e GET /e { response 200 T }\nproperty p {\n  let x = e(q: 2)\n}',
      ),
    ).toEqual([
      error(
        '5:13',
        'q',
        'specl/unknown-parameter',
        '`e` has no parameter `q`; it takes no parameters',
      ),
    ]);
  });

  it('specl/missing-parameter: path parameters, required queries and the body, at the endpoint name', async () => {
    const source =
      'type T { id: Int }\nendpoint e POST /e/{id: Int} { body T\n  query q: Int\n  query o?: Int\n  header h: String\n  response 200 T }\nproperty p {\n  let r = e()\n}';
    expect(await check(source)).toEqual([
      error(
        '9:11',
        'e',
        'specl/missing-parameter',
        'call to `e` lacks `id`, `body`, `q`; add `id: ...`, `body: ...`, `q: ...`',
      ),
    ]);
  });

  it('specl/duplicate-parameter: an argument passed twice', async () => {
    expect(
      await check(API + 'property p {\n  forall t: T\n  let r = make(body: t, body: t)\n}'),
    ).toEqual([
      error('12:25', 'body', 'specl/duplicate-parameter', '`body` is already passed; remove one'),
    ]);
  });

  it('an argument of the wrong type, at the value', async () => {
    expect(await check(API + 'property p {\n  let r = get(id: "a", trace: 1)\n}')).toEqual([
      error(
        '11:19',
        '"a"',
        'specl/type-mismatch',
        'expected Int for parameter `id`, but `"a"` is a String',
      ),
      error(
        '11:31',
        '1',
        'specl/type-mismatch',
        'expected String for parameter `trace`, but `1` is an Int',
      ),
    ]);
  });

  it('a record literal body of the wrong shape', async () => {
    expect(await check(API + 'property p {\n  let r = make(body: { id: 1 })\n}')).toEqual([
      error('11:22', '{ id: 1 }', 'specl/missing-field', 'this T lacks `name`; add it'),
    ]);
  });

  it('headers and optional queries may be left out; a forall value, a record literal and a field are arguments', async () => {
    const source =
      API +
      'property p {\n  forall t: T, n: Int\n  let a = make(body: t)\n  let b = make(body: { id: n, name: "x" }, q: n)\n  let c = get(id: b.id)\n  expect c.id == n\n}';
    expect(await check(source)).toEqual([]);
  });
});

describe('`try` outcomes', () => {
  it('ok, status, value and error are typed', async () => {
    const source =
      API +
      `property p {
  forall t: T
  let m = make(body: t)
  let r = try get(id: m.id, trace: "x")
  expect r.ok implies r.value == m
  expect r.ok or r.status == 404
  expect r.ok or r.error.message != ""
  expect r.ok implies r.value.name == t.name
}`;
    expect(await check(source)).toEqual([]);
  });

  it('an unknown outcome field, with did-you-mean', async () => {
    expect(await check(API + 'property p {\n  let r = try get(id: 1)\n  expect r.okk\n}')).toEqual([
      error(
        '12:12',
        'okk',
        'specl/unknown-field',
        'a `try` outcome has no field `okk`; did you mean `ok`?',
      ),
    ]);
  });

  it('an outcome field read from a call without `try` points at `try`', async () => {
    const findings = await check(API + 'property p {\n  let r = get(id: 1)\n  expect r.ok\n}');
    expect(findings).toEqual([
      {
        at: '12:12',
        text: 'ok',
        severity: 'error',
        code: 'specl/unknown-field',
        message: expect.stringContaining('`let r = try get(...)`'),
      },
    ]);
  });
});

describe('conditions in properties', () => {
  it('a `where` and an `expect` that are not Bool', async () => {
    expect(await check(API + 'property p {\n  forall k: Int where k\n  expect k + 1\n}')).toEqual([
      error('11:23', 'k', 'specl/type-mismatch', 'expected a condition (Bool), but `k` is an Int'),
      error(
        '12:10',
        'k + 1',
        'specl/type-mismatch',
        'expected a condition (Bool), but `k + 1` is an Int',
      ),
    ]);
  });

  it('a redundant default in an `expect` is a warning', async () => {
    expect(await check(API + 'property p {\n  forall k: Int\n  expect (k ?? 0) >= 0\n}')).toEqual([
      warning(
        '12:13',
        '??',
        'specl/redundant-optional-chain',
        '`k` is never absent, so `??` has no effect',
      ),
    ]);
  });
});
