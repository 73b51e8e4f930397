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
