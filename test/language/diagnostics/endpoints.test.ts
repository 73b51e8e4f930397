import { describe, expect, it } from 'vitest';
import { check, error } from '../../helpers/check.js';

// Endpoint declarations: method, path, statuses, responses and routes.
// Sources without a `spec` header get one as line 1, so their own first line is line 2.
// Most sources start with `type A { x: Int }`, so endpoints start on line 3.

const A = 'type A { x: Int }\n';

describe('specl/unknown-method', () => {
  it('a lower-case method, with the fix', async () => {
    expect(await check(A + 'endpoint e get /e { response 200 A }')).toEqual([
      error(
        '3:12',
        'get',
        'specl/unknown-method',
        'unknown HTTP method `get`; methods are upper case: write `GET`',
      ),
    ]);
  });

  it('a misspelt method, with did-you-mean', async () => {
    expect(await check(A + 'endpoint e PUTT /e { response 200 A }')).toEqual([
      error(
        '3:12',
        'PUTT',
        'specl/unknown-method',
        'unknown HTTP method `PUTT`; did you mean `PUT`?',
      ),
    ]);
  });

  it('a method that does not exist, listing the methods', async () => {
    expect(await check(A + 'endpoint e FETCH /e { response 200 A }')).toEqual([
      error(
        '3:12',
        'FETCH',
        'specl/unknown-method',
        'unknown HTTP method `FETCH`; use one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
      ),
    ]);
  });
});

describe('specl/invalid-path', () => {
  it('a trailing slash, at the empty segment', async () => {
    expect(await check(A + 'endpoint e GET /a/ { response 200 A }')).toEqual([
      error('3:18', '/', 'specl/invalid-path', 'the path has a trailing `/`; remove it'),
    ]);
  });

  it('a space in the path, with the path as it should be', async () => {
    expect(await check(A + 'endpoint e GET /a /b/{id: Int} { response 200 A }')).toEqual([
      error(
        '3:16',
        '/a /b/{id: Int}',
        'specl/invalid-path',
        'a path cannot contain spaces; write `/a/b/{id}`',
      ),
    ]);
  });

  it('spaces inside a parameter are fine', async () => {
    expect(await check(A + 'endpoint e GET /a/{ id : Int } { response 200 A }')).toEqual([]);
  });

  it('spaces inside a parameter whose constraints hold braces are fine, and a space after it is not', async () => {
    const param = '{digest: String { pattern: "^[a-f0-9{} ]{1,64}$", example: "{ }" }}';
    expect(await check(A + `endpoint e GET /a/${param}/b { response 200 A }`)).toEqual([]);
    expect(await check(A + `endpoint e GET /a/${param} /b { response 200 A }`)).toEqual([
      error(
        '3:16',
        `/a/${param} /b`,
        'specl/invalid-path',
        'a path cannot contain spaces; write `/a/{digest}/b`',
      ),
    ]);
  });

  it('a `//` that hides only the end of the path is reported once the file parses', async () => {
    expect(await check(A + 'endpoint e GET /a//b\n{ response 200 A }')).toEqual([
      error(
        '3:16',
        '/a',
        'specl/invalid-path',
        '`//` starts a comment, even in a path, so the path ends before it; remove the empty segment',
      ),
    ]);
  });

  it('a `//` that hid the endpoint does not hide errors elsewhere', async () => {
    const source = 'endpoint e GET /a//b { response 200 A }\ntype C { y: Int }\ntype B { x: }';
    const findings = await check(A + source);
    expect(findings.map((f) => f.at)).toEqual(['3:18', '5:13']);
  });

  it('an empty segment `//`: one diagnostic at the `//`, which starts a comment', async () => {
    expect(await check(A + 'endpoint e GET /a//b { response 200 A }')).toEqual([
      error(
        '3:18',
        '//',
        'specl/syntax-error',
        '`//` starts a comment, even in a path, so the rest of this line is ignored; remove the empty path segment',
      ),
    ]);
  });
});

describe('specl/untyped-path-parameter', () => {
  it('at the parameter name, with the fix', async () => {
    expect(await check(A + 'endpoint e GET /a/{id} { response 200 A }')).toEqual([
      error(
        '3:20',
        'id',
        'specl/untyped-path-parameter',
        'path parameter `id` needs a type: write `{id: String}` (or Uuid, Int, ...)',
      ),
    ]);
  });
});

describe('specl/status-out-of-range', () => {
  it('a response that is not 2xx', async () => {
    expect(await check(A + 'endpoint e GET /e { response 404 A }')).toEqual([
      error(
        '3:30',
        '404',
        'specl/status-out-of-range',
        'a response status must be 2xx or 3xx, not 404; declare failures as `error`s and list them in `errors`',
      ),
    ]);
  });

  it('a 1xx response, and none for 2xx and 3xx (redirects, 304 Not Modified)', async () => {
    expect(await check(A + 'endpoint e GET /e { response 101 A }')).toEqual([
      error(
        '3:30',
        '101',
        'specl/status-out-of-range',
        'a response status must be 2xx or 3xx, not 101; declare failures as `error`s and list them in `errors`',
      ),
    ]);
    expect(
      await check(A + 'endpoint e GET /e { response 200 A\n response 301 A\n response 304 }'),
    ).toEqual([]);
  });

  // Found by the random specs: a 3xx made `response` optional (or a union) in `ensures` and in
  // a call's value, though neither ever reads a 3xx answer.
  it('a 3xx response leaves `response` and a call typed by the 2xx responses', async () => {
    const endpoint = [
      'endpoint e GET /e {',
      '  response 200 A',
      '  response 301 Int',
      '  response 304',
      '  ensures response.x > 0',
      '}',
      'property p { let r = e()\n expect r.x > 0 }',
    ].join('\n');
    expect(await check(A + endpoint)).toEqual([]);
    // A 2xx without a body still makes it optional.
    const optional = await check(A + endpoint.replace('response 304', 'response 204'));
    expect(optional.map((d) => [d.at, d.code])).toEqual([
      ['7:20', 'specl/optional-access'],
      ['10:11', 'specl/optional-access'],
    ]);
  });

  it('a 204 with a body, at the type', async () => {
    expect(await check(A + 'endpoint e GET /e { response 204 A }')).toEqual([
      error(
        '3:34',
        'A',
        'specl/status-out-of-range',
        'a 204 response has no body; remove the type or use 200',
      ),
    ]);
  });

  it('an error status outside 400-599', async () => {
    expect(await check('error E 200 { m: String }\nerror F 600\nerror G 599\nerror H 400')).toEqual(
      [
        error(
          '2:9',
          '200',
          'specl/status-out-of-range',
          'an error status must be between 400 and 599, not 200',
        ),
        error(
          '3:9',
          '600',
          'specl/status-out-of-range',
          'an error status must be between 400 and 599, not 600',
        ),
      ],
    );
  });
});

describe('specl/duplicate-status', () => {
  it('two responses with one status, at the second', async () => {
    expect(await check(A + 'endpoint e GET /e { response 200 A\n  response 200 A }')).toEqual([
      error(
        '4:12',
        '200',
        'specl/duplicate-status',
        'status 200 is already declared by another response',
      ),
    ]);
  });

  it('two errors with one status, at the second', async () => {
    expect(
      await check(
        A + 'error E 404\nerror F 404\nendpoint e GET /e { response 200 A\n  errors E, F }',
      ),
    ).toEqual([
      error(
        '6:13',
        'F',
        'specl/duplicate-status',
        '`F` has status 404, like `E`; a client could not tell them apart',
      ),
    ]);
  });

  it('an error is likened to the last error before it of its status, across clauses', async () => {
    const spec =
      A +
      'error E 404\nerror F 404\nerror G 404\n' +
      'endpoint e GET /e { response 200 A\n  errors E, F\n  errors E, G }';
    expect(await check(spec)).toEqual([
      error(
        '7:13',
        'F',
        'specl/duplicate-status',
        '`F` has status 404, like `E`; a client could not tell them apart',
      ),
      error('8:10', 'E', 'specl/duplicate-clause', '`E` is already listed; remove it'),
      error(
        '8:13',
        'G',
        'specl/duplicate-status',
        '`G` has status 404, like `F`; a client could not tell them apart',
      ),
    ]);
  });

  it("an error with a response's status is likened to the response", async () => {
    const spec =
      A + 'error E 404\nendpoint e GET /e { response 200 A\n  response 404 A\n  errors E }';
    expect((await check(spec)).map((d) => d.message)).toContain(
      '`E` has status 404, like a response; a client could not tell them apart',
    );
  });

  it('errors with one status on different endpoints are fine', async () => {
    expect(
      await check(
        A +
          'error E 404\nerror F 404\nendpoint e GET /e { response 200 A\n  errors E }\nendpoint f GET /f { response 200 A\n  errors F }',
      ),
    ).toEqual([]);
  });
});

describe('specl/missing-response', () => {
  it('at the endpoint name, with examples of the fix', async () => {
    expect(await check(A + 'endpoint e GET /e { }')).toEqual([
      error(
        '3:10',
        'e',
        'specl/missing-response',
        'endpoint `e` declares no response; add one, such as `response 200 SomeType` or `response 204`',
      ),
    ]);
  });
});

describe('specl/duplicate-route', () => {
  it('the same method and path, at the second path', async () => {
    expect(
      await check(A + 'endpoint e GET /e { response 200 A }\nendpoint f GET /e { response 200 A }'),
    ).toEqual([
      error(
        '4:16',
        '/e',
        'specl/duplicate-route',
        'GET /e is already served by `e`; change the method or the path',
      ),
    ]);
  });

  it('paths that differ only in parameter names', async () => {
    expect(
      await check(
        A +
          'endpoint e GET /x/{id: Int} { response 200 A }\nendpoint g GET /x/{ref: Int} { response 200 A }',
      ),
    ).toEqual([
      error(
        '4:16',
        '/x/{ref: Int}',
        'specl/duplicate-route',
        'GET /x/{} is already served by `e`; change the method or the path',
      ),
    ]);
  });

  it('the same path with different methods, and different paths, are fine', async () => {
    expect(
      await check(
        A +
          'endpoint e GET /e { response 200 A }\nendpoint f POST /e { response 200 A }\nendpoint g GET /e/x { response 200 A }',
      ),
    ).toEqual([]);
  });
});
