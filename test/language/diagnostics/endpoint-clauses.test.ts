import { describe, expect, it } from 'vitest';
import { check, error, warning } from '../../helpers/check.js';

// Endpoint clauses: parameters, body, errors, requires and ensures.
// Sources without a `spec` header get one as line 1, so their own first line is line 2.
// Most sources start with `type A { x: Int }`, so endpoints start on line 3.

const A = 'type A { x: Int }\n';

describe('specl/invalid-parameter-type', () => {
  it('records, lists and maps where they cannot travel, at the type', async () => {
    const source = `${A}endpoint e GET /e/{id: A} {
  query q: A
  header h: List<Int>
  query l: List<A>
  query m: Map<Int>
  query ok: List<Int>
  query st?: S
  response 200 A
}
enum S { on, off }`;
    const path =
      'a path parameter must be a string, number, boolean or enum; send structured data in the body';
    const query =
      'a query parameter must be a string, number, boolean or enum (or a List of them); send structured data in the body';
    const header =
      'a header parameter must be a string, number, boolean or enum; send structured data in the body';
    expect(await check(source)).toEqual([
      error('3:24', 'A', 'specl/invalid-parameter-type', path),
      error('4:12', 'A', 'specl/invalid-parameter-type', query),
      error('5:13', 'List<Int>', 'specl/invalid-parameter-type', header),
      error('6:12', 'List<A>', 'specl/invalid-parameter-type', query),
      error('7:12', 'Map<Int>', 'specl/invalid-parameter-type', query),
    ]);
  });

  it('an alias is judged by what it names', async () => {
    expect(
      await check(
        `${A}type Id = Int { min: 1 }\ntype Ref = A\nendpoint e GET /e/{id: Id} { query r: Ref\n  response 200 A }`,
      ),
    ).toEqual([
      error(
        '5:39',
        'Ref',
        'specl/invalid-parameter-type',
        'a query parameter must be a string, number, boolean or enum (or a List of them); send structured data in the body',
      ),
    ]);
  });

  it('a header wire name that is not a valid header name', async () => {
    expect(
      await check(A + 'endpoint e GET /e { header h "Bad Name": String\n  response 200 A }'),
    ).toEqual([
      error(
        '3:30',
        '"Bad Name"',
        'specl/invalid-header-name',
        '`Bad Name` is not a valid HTTP header name; use letters, digits and `-`, such as "X-Request-Id"',
      ),
    ]);
  });
});

describe('specl/duplicate-clause', () => {
  it('a second body', async () => {
    expect(await check(A + 'endpoint e POST /e { body A\n  body A\n  response 200 A }')).toEqual([
      error(
        '4:3',
        'body A',
        'specl/duplicate-clause',
        'an endpoint has at most one `body`; remove this one',
      ),
    ]);
  });

  it('an error listed twice in one clause, and across clauses', async () => {
    expect(
      await check(
        A + 'error E 404\nendpoint e GET /e { response 200 A\n  errors E, E\n  errors E }',
      ),
    ).toEqual([
      error('5:13', 'E', 'specl/duplicate-clause', '`E` is already listed; remove it'),
      error('6:10', 'E', 'specl/duplicate-clause', '`E` is already listed; remove it'),
    ]);
  });
});

describe('specl/duplicate-parameter', () => {
  it('a query and a header named like a path parameter, at each later one', async () => {
    expect(
      await check(
        A + 'endpoint e GET /e/{id: Int} { query id: Int\n  header id: String\n  response 200 A }',
      ),
    ).toEqual([
      error(
        '3:37',
        'id',
        'specl/duplicate-parameter',
        '`id` is already a path parameter of this endpoint; rename one of them',
      ),
      error(
        '4:10',
        'id',
        'specl/duplicate-parameter',
        '`id` is already a path parameter of this endpoint; rename one of them',
      ),
    ]);
  });

  it('two query parameters', async () => {
    expect(
      await check(A + 'endpoint e GET /e { query q: Int\n  query q?: String\n  response 200 A }'),
    ).toEqual([
      error(
        '4:9',
        'q',
        'specl/duplicate-parameter',
        '`q` is already a query parameter of this endpoint; rename one of them',
      ),
    ]);
  });
});

describe('specl/body-on-get', () => {
  it('GET, HEAD and DELETE with a body, as warnings at the body', async () => {
    const source =
      A +
      'endpoint g GET /g { body A\n  response 200 A }\nendpoint h HEAD /h { body A\n  response 200 }\nendpoint d DELETE /d { body A\n  response 204 }';
    const tail =
      'request with a body is dropped by many clients and proxies; use query parameters or POST';
    expect(await check(source)).toEqual([
      warning('3:21', 'body A', 'specl/body-on-get', `a GET ${tail}`),
      warning('5:22', 'body A', 'specl/body-on-get', `a HEAD ${tail}`),
      warning('7:24', 'body A', 'specl/body-on-get', `a DELETE ${tail}`),
    ]);
  });
});

describe('specl/unknown-error and specl/not-an-error', () => {
  it('an undeclared error, with how to declare it', async () => {
    expect(await check(A + 'endpoint e GET /e { response 200 A\n  errors Nop }')).toEqual([
      error(
        '4:10',
        'Nop',
        'specl/unknown-error',
        'unknown error `Nop`; declare it with `error Nop 4xx { ... }`',
      ),
    ]);
  });

  it('a misspelt error, with did-you-mean', async () => {
    expect(
      await check(
        A + 'error NotFound 404\nendpoint e GET /e { response 200 A\n  errors NotFuond }',
      ),
    ).toEqual([
      error(
        '5:10',
        'NotFuond',
        'specl/unknown-error',
        'unknown error `NotFuond`; did you mean `NotFound`?',
      ),
    ]);
  });

  it('a record listed as an error, at the entry', async () => {
    expect(
      await check(A + 'error E 404\nendpoint e GET /e { response 200 A\n  errors E, A }'),
    ).toEqual([
      error(
        '5:13',
        'A',
        'specl/not-an-error',
        '`A` is a record type, not an error; declare it with `error A 4xx { ... }`',
      ),
    ]);
  });
});

describe('`body` and `response` in endpoint clauses', () => {
  it('`body` in an endpoint that has none', async () => {
    expect(await check(A + 'endpoint e GET /e { response 200 A\n  ensures body == null }')).toEqual(
      [
        error(
          '4:11',
          'body',
          'specl/misplaced-expression',
          'endpoint `e` has no body; add a `body` clause',
        ),
      ],
    );
  });

  it('`response` in `requires`', async () => {
    expect(
      await check(
        A +
          'endpoint e POST /e { body A\n  response 200 A\n  requires body.x > 0 and response.x > 0 }',
      ),
    ).toEqual([
      error(
        '5:27',
        'response',
        'specl/misplaced-expression',
        '`response` is not known yet in `requires`; move this condition to `ensures`',
      ),
    ]);
  });

  it('parameters of every kind, `body` and `response` are in scope', async () => {
    const source =
      A +
      `endpoint e POST /e/{id: Int} { body A
  query q: Int
  query o?: Int
  header h "X-H": String
  response 200 A
  requires id > 0 and q > 0 and (o ?? 1) > 0 and h != "" and body.x > 0
  ensures response.x == body.x + id }`;
    expect(await check(source)).toEqual([]);
  });

  it('an optional query parameter used as present', async () => {
    expect(
      await check(
        A +
          'endpoint e GET /e { query limit?: Int\n  response 200 List<A>\n  ensures len(response) <= limit }',
      ),
    ).toEqual([
      error(
        '5:28',
        'limit',
        'specl/optional-access',
        '`limit` may be absent; give a default with `limit ?? ...` or test it against null first',
      ),
    ]);
  });

  it('with several typed responses, `response` has the fields they share', async () => {
    const source =
      'type T { id: Int }\ntype U { id: Int, name: String }\nendpoint e GET /e { response 200 T\n  response 201 U\n  ensures response.id > 0\n  ensures response.name == "x" }';
    expect(await check(source)).toEqual([
      error(
        '7:20',
        'name',
        'specl/unknown-field',
        '`name` is not a field of every alternative of `T | U` (`T` lacks it)',
      ),
    ]);
  });

  it('with a `response 204` beside a typed one, `response` may be absent', async () => {
    const source =
      A +
      'endpoint e GET /e { response 200 A\n  response 204\n  ensures response?.x == 1\n  ensures response.x == 1 }';
    expect(await check(source)).toEqual([
      error('6:20', 'x', 'specl/optional-access', '`response` may be absent; write `response?.x`'),
    ]);
  });
});
