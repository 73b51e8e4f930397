import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, error } from '../../helpers/check.js';

// Response headers (`headers NAME { ... }`, `with NAME`): what the checker accepts and refuses,
// each refusal with its code, its place and its message. Sources without a `spec` header get
// one as line 1, so their own first line is line 2.

const ROOT = join(import.meta.dirname, '..', '..', '..');
const A = 'type A { x: Int }\n';

/** A spec whose `headers H` has the one member given (line 3), used on a response. */
const withMember = (member: string) =>
  `${A}headers H {\n  ${member}\n}\nendpoint e GET /e { response 200 A with H }`;

describe('response headers: what the checker accepts', () => {
  it('accepts the fixture: every form of `headers` and `with`', async () => {
    const source = readFileSync(join(ROOT, 'test/fixtures/response-headers.specl'), 'utf8');
    expect(await check(source)).toEqual([]);
  });

  it.each([
    ['a string with a wire name', 'id "X-Request-Id": String'],
    ['an optional integer with constraints', 'left "X-Left"?: Int { min: 0, max: 10 }'],
    ['a header named as written', 'Location: Url'],
    ['a boolean', 'stale?: Bool'],
    ['a date', 'expires "Expires"?: DateTime'],
    ['an enum', 'cache "X-Cache": C'],
  ])('accepts %s', async (_, member) => {
    const source = `enum C { hit, miss }\n${withMember(member)}`;
    expect(await check(source)).toEqual([]);
  });

  it('`headers` and `with` stay names: fields, parameters, endpoints', async () => {
    const source =
      'type R { headers: Int, with: String }\n' +
      'endpoint with GET /r { query headers?: Int\n  response 200 R }\n' +
      'endpoint headers GET /s { response 204 }';
    expect(await check(source)).toEqual([]);
  });

  it('a bodyless response and a bodyless error carry headers too', async () => {
    const source =
      'headers H { id "X-Id": String }\nerror Gone 410 with H no body\n' +
      'endpoint e DELETE /e { response 204 with H\n  errors Gone }';
    expect(await check(source)).toEqual([]);
  });
});

describe('response headers: what the checker refuses', () => {
  it.each([
    [
      'a record',
      'r: A',
      '4:6',
      'A',
      'specl/invalid-response-header',
      'header `r` is an A, which a header cannot hold; give it a string, number, boolean or enum type',
    ],
    [
      'a list',
      'l: List<Int>',
      '4:6',
      'List<Int>',
      'specl/invalid-response-header',
      'header `l` is a List<Int>, which a header cannot hold; give it a string, number, boolean or enum type',
    ],
    [
      'bytes',
      'b: Bytes',
      '4:6',
      'Bytes',
      'specl/invalid-response-header',
      'header `b` is a Bytes, which a header cannot hold; give it a string, number, boolean or enum type',
    ],
    [
      'a nullable type',
      'reset "X-Reset": Int?',
      '4:20',
      'Int?',
      'specl/invalid-response-header',
      'a header is present or absent, never null; write `reset?: Int` to make it optional',
    ],
    [
      'Content-Type',
      'ct "Content-Type": String',
      '4:6',
      '"Content-Type"',
      'specl/invalid-response-header',
      "`Content-Type` is set from the response's body and media type, not declared; remove this header",
    ],
    [
      'content-length in any case',
      'n "content-LENGTH": Int',
      '4:5',
      '"content-LENGTH"',
      'specl/invalid-response-header',
      "`content-LENGTH` is set from the response's body and media type, not declared; remove this header",
    ],
    [
      'a wire name that is no header name',
      'x "X Bad": String',
      '4:5',
      '"X Bad"',
      'specl/invalid-header-name',
      '`X Bad` is not a valid HTTP header name; use letters, digits and `-`, such as "X-Request-Id"',
    ],
  ])('refuses a header of %s, at its place', async (_, member, at, text, code, message) => {
    expect(await check(withMember(member))).toEqual([error(at, text, code, message)]);
  });

  it('two headers with one name, or one wire name in another case: at the second', async () => {
    const source =
      `${A}headers H {\n  limit "X-Limit": Int\n  limit: String\n  other "x-LIMIT": Int\n}\n` +
      'endpoint e GET /e { response 200 A with H }';
    expect(await check(source)).toEqual([
      error(
        '5:3',
        'limit',
        'specl/duplicate-response-header',
        'header `limit` is already declared in `H`; rename or remove one',
      ),
      error(
        '6:9',
        '"x-LIMIT"',
        'specl/duplicate-response-header',
        '`x-LIMIT` is already the wire name of `limit` (header names are case-insensitive); rename or remove one',
      ),
    ]);
  });

  it.each([
    [
      'an unknown name, with the closest',
      'response 200 A with Limits',
      '6:23',
      'Limits',
      'specl/unknown-headers',
      'unknown headers `Limits`; did you mean `Limit`?',
    ],
    [
      'an unknown name, with how to declare it',
      'response 200 A with Paging',
      '6:23',
      'Paging',
      'specl/unknown-headers',
      'unknown headers `Paging`; declare it with `headers Paging { ... }`',
    ],
    [
      'a type',
      'response 200 A with A',
      '6:23',
      'A',
      'specl/unknown-headers',
      '`A` is a record type, not a `headers` declaration; declare `headers AHeaders { ... }` and name it here',
    ],
    [
      'one declaration twice',
      'response 200 A with Limit, Limit',
      '6:30',
      'Limit',
      'specl/duplicate-response-header',
      '`Limit` is already attached; remove it',
    ],
    [
      'two declarations with one wire name',
      'response 200 A with Limit, Other',
      '6:30',
      'Other',
      'specl/duplicate-response-header',
      '`x-limit` is carried by both `Limit` and `Other` on this answer; remove it from one of them',
    ],
  ])('refuses `with` naming %s', async (_, response, at, text, code, message) => {
    const source =
      `${A}headers Limit { limit "X-Limit": Int }\nheaders Other { l "x-limit"?: Int }\n` +
      `endpoint e GET /e {\n  ${response}\n}`;
    expect(await check(source)).toEqual([error(at, text, code, message)]);
  });

  it('refuses on an error: `with` a type, at its name', async () => {
    expect(await check(`${A}error E 404 with A { m: String }`)).toEqual([
      error(
        '3:18',
        'A',
        'specl/unknown-headers',
        '`A` is a record type, not a `headers` declaration; declare `headers AHeaders { ... }` and name it here',
      ),
    ]);
  });

  it.each([
    [
      'a response',
      'headers X { a: Int }\nheaders Y { b: Int }\nendpoint e GET /e {\n  response 204 with X with Y\n}',
      '5:23',
    ],
    ['an error', 'headers X { a: Int }\nheaders Y { b: Int }\nerror E 404 with X with Y', '4:20'],
  ])('a second `with` on %s says to list the declarations after one', async (_, source, at) => {
    expect(await check(source)).toEqual([
      error(
        at,
        'with',
        'specl/syntax-error',
        "`with` is written once, after a response's type or an error's status; list the headers declarations after it: `with RateLimit, Created`",
      ),
    ]);
  });

  it('refuses a headers declaration used as a type', async () => {
    expect(await check(`headers H { id: String }\ntype T = H`)).toEqual([
      error('3:10', 'H', 'specl/not-a-type', '`H` is a headers declaration, not a type'),
    ]);
  });
});

/** An endpoint with two 2xx answers (`Loc` only on the 201) and the clause given (line 7). */
const reading = (clause: string) =>
  `${A}headers RL { remaining "X-RateLimit-Remaining": Int { min: 0 }, reset "X-Reset"?: Int }\n` +
  'headers Loc { location "Location": Url }\n' +
  `endpoint e GET /e {\n  response 200 A with RL\n  response 201 A with RL, Loc\n  ${clause}\n}`;

describe('headers read in `ensures`', () => {
  it.each([
    ['a required header on every 2xx answer', 'ensures headers.remaining >= 0'],
    ['with the body', 'ensures headers.remaining <= response.x'],
    ['an optional one, tested first', 'ensures headers.reset != null implies headers.reset > 0'],
    ['an optional one, with a default', 'ensures (headers.reset ?? 1) > 0'],
    ['one not on every 2xx answer, compared with null', 'ensures headers.location == null'],
    [
      'one not on every 2xx answer, guarded',
      'ensures headers.location == null or len(headers.location) > 0',
    ],
  ])('accepts %s', async (_, clause) => {
    expect(await check(reading(clause))).toEqual([]);
  });

  it.each([
    [
      'an unknown header, with the closest',
      'ensures headers.remainig > 0',
      '8:19',
      'remainig',
      'specl/unknown-response-header',
      'no 2xx answer of `e` declares the header `remainig`; did you mean `remaining`?',
    ],
    [
      'an unknown header, with those there are',
      'ensures headers.etag == "a"',
      '8:19',
      'etag',
      'specl/unknown-response-header',
      'no 2xx answer of `e` declares the header `etag`; its 2xx answers declare `remaining`, `reset`, `location`',
    ],
    [
      'an optional header read without a guard',
      'ensures headers.reset > 0',
      '8:11',
      'headers.reset',
      'specl/optional-access',
      '`headers.reset` may be absent; give a default with `headers.reset ?? ...` or test it against null first',
    ],
    [
      'a header only one 2xx answer carries, without a guard',
      'ensures len(headers.location) > 0',
      '8:15',
      'headers.location',
      'specl/optional-access',
      '`headers.location` may be absent; give a default with `headers.location ?? ...` or test it against null first',
    ],
    [
      '`headers` as a whole',
      'ensures headers != null',
      '8:11',
      'headers',
      'specl/invalid-response-header-read',
      '`headers` is read one header at a time: write `headers.NAME`, such as `headers.remaining`',
    ],
    [
      '`headers` in `requires`',
      'requires headers.remaining > 0',
      '8:12',
      'headers',
      'specl/unknown-name',
      "unknown name `headers`; an answer's headers are read in an endpoint's `ensures`, as `headers.NAME`",
    ],
    [
      'a header of the wrong type',
      'ensures headers.remaining == "many"',
      '8:32',
      '"many"',
      'specl/type-mismatch',
      'expected a value comparable with an Int, but `"many"` is a String',
    ],
  ])('refuses %s, at its place', async (_, clause, at, text, code, message) => {
    expect(await check(reading(clause))).toEqual([error(at, text, code, message)]);
  });

  it('refuses a read on an endpoint whose 2xx answers declare no headers (a 3xx does not count)', async () => {
    const source =
      `${A}headers Moved { location "Location": Url }\n` +
      'endpoint e GET /e {\n  response 200 A\n  response 301 with Moved\n  ensures headers.location == null\n}';
    expect(await check(source)).toEqual([
      error(
        '7:19',
        'location',
        'specl/unknown-response-header',
        'no 2xx answer of `e` declares headers; attach them with `response 200 T with NAME` and `headers NAME { location "Wire-Name": Type }`',
      ),
    ]);
  });

  it('a parameter, declaration or enum member named `headers` keeps its meaning', async () => {
    const source =
      'enum K { headers, other }\ntype R { k: K }\nheaders RL { n "X-N": Int }\n' +
      'endpoint e GET /e {\n  query headers?: Int\n  response 200 R with RL\n' +
      '  ensures headers == null or headers > 0\n}\n' +
      'endpoint f GET /f {\n  response 200 R with RL\n  ensures response.k == headers\n  ensures headers.n > 0\n}';
    expect(await check(source)).toEqual([]);
  });
});
