import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { check, error } from '../../helpers/check.js';

// Status ranges (`4XX`, `5XX`) and `default` on errors: what the checker accepts and refuses,
// and that the new `4XX` token leaves every existing spec's tokens as they were.
// Sources without a `spec` header get one as line 1, so their own first line is line 2.

const A = 'type A { x: Int }\n';

describe('error statuses: ranges and default', () => {
  it('accepts 4XX, 5XX and default beside exact statuses of the same class', async () => {
    const source =
      A +
      'error N 404 { m: String }\nerror C 4XX { m: String }\nerror S 5XX no body\n' +
      'error D default { m: String }\n' +
      'endpoint e GET /e { response 200 A\n  errors N, C, S, D }';
    expect(await check(source)).toEqual([]);
  });

  it.each([
    [
      '2XX',
      "an error's status range must be `4XX` or `5XX`, not 2XX; successes are `response` clauses with an exact status",
    ],
    [
      '6XX',
      "an error's status range must be `4XX` or `5XX`, not 6XX; successes are `response` clauses with an exact status",
    ],
    ['4xx', 'write the status range in upper case, `4XX`, as OpenAPI does'],
    ['5Xx', 'write the status range in upper case, `5XX`, as OpenAPI does'],
    [
      'other',
      'an error status is a number (400-599), a range (`4XX`, `5XX`) or `default`, not `other`',
    ],
    [
      'Default',
      'an error status is a number (400-599), a range (`4XX`, `5XX`) or `default`, not `Default`',
    ],
  ])('refuses `error E %s`, at the status', async (status, message) => {
    expect(await check(`error E ${status} { m: String }`)).toEqual([
      error('2:9', status, 'specl/status-out-of-range', message),
    ]);
  });

  it('two errors with one range, or two defaults, on an endpoint: at the second', async () => {
    const source =
      A +
      'error C 4XX\nerror D 4XX\nerror X default\nerror Y default\n' +
      'endpoint e GET /e { response 200 A\n  errors C, D, X, Y }';
    expect(await check(source)).toEqual([
      error(
        '8:13',
        'D',
        'specl/duplicate-status',
        '`D` has status 4XX, like `C`; a client could not tell them apart',
      ),
      error(
        '8:19',
        'Y',
        'specl/duplicate-status',
        '`Y` has status default, like `X`; a client could not tell them apart',
      ),
    ]);
  });

  it('a range and an exact status of its class do not clash; nor a 4XX and a 5XX', async () => {
    const source =
      A +
      'error C 4XX\nerror S 5XX\nerror N 400\n' +
      'endpoint e GET /e { response 200 A\n  errors N, C, S }';
    expect(await check(source)).toEqual([]);
  });

  it('`default` stays a name elsewhere: a field, a constraint, an endpoint', async () => {
    const source =
      'type R { default: Int }\n' +
      'endpoint default GET /r { query n?: Int { default: 3 }\n  response 200 R }';
    expect(await check(source)).toEqual([]);
  });

  it('paths with a range-like word still parse: `/v1/4XX`, `/4XXa`, `/4xx-b`', async () => {
    const source =
      A +
      'endpoint a GET /v1/4XX { response 200 A }\nendpoint b GET /4XXa { response 200 A }\n' +
      'endpoint c GET /4xx-b { response 200 A }';
    expect(await check(source)).toEqual([]);
  });
});

describe('the STATUS_RANGE token', () => {
  const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
  const root = join(import.meta.dirname, '..', '..', '..');

  function specFiles(folder: string): string[] {
    return readdirSync(folder).flatMap((name) => {
      const path = join(folder, name);
      if (name === 'node_modules' || name === 'generated') return [];
      if (statSync(path).isDirectory()) return specFiles(path);
      return name.endsWith('.specl') ? [path] : [];
    });
  }

  it("appears in the repository's specs only as an error's status", () => {
    const files = ['examples', 'docs', 'test/fixtures'].flatMap((f) => specFiles(join(root, f)));
    expect(files.length).toBeGreaterThan(10);
    let ranges = 0;
    const elsewhere = files.flatMap((path) => {
      const { tokens } = Specl.parser.Lexer.tokenize(readFileSync(path, 'utf8'));
      return tokens.flatMap((token, index) => {
        if (token.tokenType.name !== 'STATUS_RANGE') return [];
        ranges++;
        const asStatus = tokens[index - 2]?.image === 'error';
        return asStatus ? [] : [`${path}:${token.startLine}: ${token.image}`];
      });
    });
    expect(elsewhere).toEqual([]);
    expect(ranges).toBeGreaterThan(0); // the fixture of this feature has some
  });

  it('is only a whole word: `4XXa` stays a number and a name, `4XX-` a range and a dash', () => {
    const kinds = (text: string) =>
      Specl.parser.Lexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
    expect(kinds('4XXa')).toEqual(['NUMBER:4', 'ID:XXa']);
    expect(kinds('4XX-')).toEqual(['STATUS_RANGE:4XX', '-:-']);
    expect(kinds('14XX 404 4.5')).toEqual(['NUMBER:14', 'ID:XX', 'NUMBER:404', 'NUMBER:4.5']);
  });
});
