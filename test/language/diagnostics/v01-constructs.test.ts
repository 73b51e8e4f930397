import { describe, expect, it } from 'vitest';
import { check, codes, error } from '../../helpers/check.js';

// The constructs of v0.1: media types, bodyless errors, security, metadata and annotations.
// Sources without a `spec` header get one as line 1.

const A = 'type A { x: Int }\n';

describe('v0.1 constructs that check clean', () => {
  it.each([
    [
      'a bodyless error',
      `${A}error Gone 410 no body\nendpoint e GET /a { response 200 A\n errors Gone }`,
    ],
    ['a text response', 'endpoint e GET /a { response 200 String as "text/plain" }'],
    ['an enum as text', 'enum S { a, b }\nendpoint e GET /a { response 200 S as "text/plain" }'],
    ['raw bytes', 'endpoint e GET /a { response 200 Bytes as "image/png" }'],
    [
      'a multipart upload with a file',
      'type U { name: String, file: Bytes, more: List<Bytes> }\nendpoint e POST /a { body U as "multipart/form-data"\n response 204 }',
    ],
    [
      'an urlencoded form',
      'type F { name: String, n?: Int, tags: List<String> }\nendpoint e POST /a { body F as "application/x-www-form-urlencoded"\n response 204 }',
    ],
    [
      'problem+json',
      `error P 400 as "application/problem+json" { title: String }\n${A}endpoint e GET /a { response 200 A\n errors P }`,
    ],
    [
      'two bodies of one status',
      `${A}endpoint e GET /a { response 200 A\n response 200 String as "text/csv" }`,
    ],
    [
      'every kind of scheme',
      'auth B bearer "JWT"\nauth L basic\nauth K apiKey cookie "session"\nauth Q apiKey query "key"\nauth O openIdConnect "https://id.example.com/.well-known/openid-configuration"\n' +
        'auth O2 oauth2 { flow password { tokenUrl: "https://id.example.com/t" }\n scope "r" }\n' +
        'endpoint e GET /a { security B | L | K | Q | O("openid") | O2("r")\n response 204 }',
    ],
    [
      'a spec header block',
      'spec S version "1.0.0" {\n server "https://{env}.example.com" { env: "prod" | "dev" }\n license "MIT"\n contact { email: "a@example.com" }\n security T\n}\nauth T bearer\ntag G\nendpoint e GET /a { tags G\n deprecated\n security none\n response 204 }',
    ],
    [
      'annotations that fit',
      'enum S { a, b }\ntype R { id: Int { readOnly: true, example: 3 }\n s?: S { default: "a" }\n p: String { writeOnly: true, minLength: 2, example: "ab" }\n old?: Bool { deprecated: true } }\nendpoint e GET /a { query n?: Int { min: 1, default: 5 }\n response 200 R }',
    ],
    [
      'a v0 type named Bytes keeps its meaning',
      'type Bytes = String\nendpoint e GET /a { response 200 Bytes }',
    ],
  ])('%s', async (_, source) => {
    expect(await check(source)).toEqual([]);
  });
});

describe('v0.1 misuse, with codes', () => {
  it.each([
    ['specl/invalid-media-type', 'endpoint e GET /a { response 200 String as "text" }'],
    ['specl/media-type-mismatch', `${A}endpoint e GET /a { response 200 A as "text/plain" }`],
    ['specl/media-type-mismatch', 'endpoint e GET /a { response 200 String as "application/pdf" }'],
    ['specl/media-type-mismatch', 'type U { f: Bytes }\nendpoint e GET /a { response 200 U }'],
    [
      'specl/media-type-mismatch',
      `type U { a: A }\n${A}endpoint e POST /a { body U as "multipart/form-data"\n response 204 }`,
    ],
    [
      'specl/duplicate-media-type',
      'endpoint e GET /a { response 200 String as "text/plain", "TEXT/plain; charset=utf-8" }',
    ],
    ['specl/duplicate-media-type', `${A}endpoint e GET /a { response 200 A\n response 200 Int }`],
    ['specl/duplicate-status', `${A}endpoint e GET /a { response 200 A\n response 200 }`],
    [
      'specl/bodyless-response-read',
      `${A}endpoint e DELETE /a { response 204\n ensures response.x == 1 }`,
    ],
    ['specl/unknown-auth-kind', 'auth T bearr\nendpoint e GET /a { security T\n response 204 }'],
    ['specl/invalid-auth', 'auth K apiKey\nendpoint e GET /a { response 204 }'],
    ['specl/invalid-auth', 'auth O oauth2 { scope "r" }'],
    [
      'specl/invalid-auth',
      'auth O oauth2 { flow authorizationCode { tokenUrl: "https://a.example/t" } }',
    ],
    ['specl/invalid-auth', 'auth O openIdConnect "not a url"'],
    ['specl/not-an-auth', `${A}endpoint e GET /a { security A\n response 204 }`],
    ['specl/unknown-name', 'endpoint e GET /a { security Token\n response 204 }'],
    [
      'specl/unknown-scope',
      'auth T bearer\nendpoint e GET /a { security T("read")\n response 204 }',
    ],
    [
      'specl/unknown-scope',
      'auth O oauth2 { flow clientCredentials { tokenUrl: "https://a.example/t" }\n scope "read" }\nendpoint e GET /a { security O("write")\n response 204 }',
    ],
    ['specl/not-a-tag', `${A}endpoint e GET /a { tags A\n response 204 }`],
    ['specl/unknown-name', 'endpoint e GET /a { tags Nope\n response 204 }'],
    ['specl/invalid-url', 'spec S version "1.0.0" { server "/v1" }'],
    ['specl/invalid-url', 'spec S version "1.0.0" { server "https://{env}.example.com" }'],
    ['specl/invalid-url', 'spec S version "1.0.0" { server "https://a.example.com" { env: "x" } }'],
    ['specl/invalid-url', 'spec S version "1.0.0" { license "X" { url: "ftp" } }'],
    ['specl/unknown-setting', 'spec S version "1.0.0" { contact "T" { mail: "a@b.c" } }'],
    ['specl/duplicate-clause', 'spec S version "1.0.0" { license "MIT"\n license "ISC" }'],
    ['specl/invalid-annotation', 'type R { n: Int { max: 3, example: 4 } }'],
    ['specl/invalid-annotation', 'type R { n: Int { default: 1 } }'],
    ['specl/invalid-annotation', 'type R { s: Uuid { example: "nope" } }'],
    ['specl/invalid-annotation', 'type R { s: String { pattern: "^a", example: "b" } }'],
    ['specl/invalid-annotation', 'type R { s: String { readOnly: true, writeOnly: true } }'],
    ['specl/invalid-annotation', 'type Id = Int { readOnly: true }'],
    ['specl/invalid-annotation', `${A}type R { a: A { example: 1 } }`],
    ['specl/unknown-constraint', 'type R { n: Int { exmaple: 1 } }'],
  ])('%s: %s', async (code, source) => {
    expect(await codes(source)).toEqual([code]);
  });
});

describe('v0.1 messages and places', () => {
  it('a type that cannot travel as its media type, at the media type, saying what would', async () => {
    expect(await check(`${A}endpoint e GET /a { response 200 A as "text/plain" }`)).toEqual([
      error(
        '3:39',
        '"text/plain"',
        'specl/media-type-mismatch',
        'a text body is a String, a string format or an enum, not A',
      ),
    ]);
  });

  it('an undeclared scheme, naming the declaration to add', async () => {
    expect(await check('endpoint e GET /a { security Token\n response 204 }')).toEqual([
      error(
        '2:30',
        'Token',
        'specl/unknown-name',
        'unknown security scheme `Token`; declare it, as in `auth Token bearer`',
      ),
    ]);
  });

  it('an example outside the constraints, at its value', async () => {
    expect(await check('type R { n: Int { max: 3, example: 4 } }')).toEqual([
      error('2:36', '4', 'specl/invalid-annotation', 'this example is above the maximum 3'),
    ]);
  });

  it('a misspelt kind of scheme, with the kind meant', async () => {
    expect(await check('auth T bearr')).toEqual([
      error(
        '2:8',
        'bearr',
        'specl/unknown-auth-kind',
        'unknown kind of security scheme `bearr`; did you mean `bearer`?',
      ),
    ]);
  });
});
