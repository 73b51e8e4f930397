import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatSource } from '@specl/language';
import { repoRoot } from '../helpers/run-cli.js';

async function format(text: string): Promise<string> {
  const result = await formatSource(text, 'file:///main.specl');
  if (!result.ok) throw new Error(result.reason);
  return result.text;
}

describe('formatting the v0.1 constructs', () => {
  it('keeps a formatted spec with every v0.1 construct as it is', async () => {
    const bank = readFileSync(join(repoRoot, 'test/fixtures/v01-bank.specl'), 'utf8');
    expect(await format(bank)).toBe(bank);
  });

  it('keeps the v0.1 types fixture as it is, and lays out constants, `...Map<T>` and `by`', async () => {
    const types = readFileSync(join(repoRoot, 'test/fixtures/v01-types.specl'), 'utf8');
    expect(await format(types)).toBe(types);
    const messy = 'type A {k:"a" , n : -2,...Map< Int >}\ntype B{k:"b"}\ntype U=A|B   by   k\n';
    expect(await format(messy)).toBe(
      'type A { k: "a", n: -2, ...Map<Int> }\ntype B { k: "b" }\ntype U = A | B by k\n',
    );
  });

  it('keeps the status ranges fixture as it is, and lays out `4XX` and `default`', async () => {
    const ranges = readFileSync(join(repoRoot, 'test/fixtures/status-ranges.specl'), 'utf8');
    expect(await format(ranges)).toBe(ranges);
    const messy =
      'error   C   4XX{m:String}\nerror D    default   no   body\nerror E 5XX as "text/plain"{}\n';
    expect(await format(messy)).toBe(
      'error C 4XX { m: String }\nerror D default no body\nerror E 5XX as "text/plain" {}\n',
    );
  });

  it('puts `...Map<T>` after a field on its own line, as a member, not a continuation', async () => {
    const messy = 'type A {\n  n: Int\n      ...Map<String>\n}\ntype B {\nn: Int,\n...Map<Int> }\n';
    expect(await format(messy)).toBe(
      'type A {\n  n: Int\n  ...Map<String>\n}\ntype B {\n  n: Int,\n  ...Map<Int>\n}\n',
    );
  });

  it('lays out the spec header block, schemes, tags and security clauses', async () => {
    const messy =
      'spec A version "1.0.0" {   server "https://a.example.com" {region: "eu"|"us"}\n' +
      'license "MIT"\n   security T }\nauth T bearer\n   tag G\n' +
      'auth O oauth2 {\nflow clientCredentials {tokenUrl: "https://a.example/t"}\n   scope "r" }\n' +
      'endpoint e GET /a {\nsecurity O ( "r" ) | T\ntags G\n   deprecated\nresponse 200 String as "text/plain" }\n';
    expect(await format(messy)).toBe(
      [
        'spec A version "1.0.0" {',
        '  server "https://a.example.com" { region: "eu" | "us" }',
        '  license "MIT"',
        '  security T',
        '}',
        'auth T bearer',
        'tag G',
        'auth O oauth2 {',
        '  flow clientCredentials { tokenUrl: "https://a.example/t" }',
        '  scope "r"',
        '}',
        'endpoint e GET /a {',
        '  security O("r") | T',
        '  tags G',
        '  deprecated',
        '  response 200 String as "text/plain"',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('lays out pagination: `paginated` on its own line after an ensures, `pages` and `one`', async () => {
    const messy =
      'type Page { items: List<Int>, next: String? }\nendpoint e GET /a {\n query cursor?: String\n' +
      '    response 200 Page\n  ensures len(response.items) >= 0\n' +
      '      paginated   cursor=response.next ,items=response.items }\n' +
      'property p {\n let seen = pages   e()\n  expect all i in seen:one j in seen : j==i }\n';
    expect(await format(messy)).toBe(
      [
        'type Page { items: List<Int>, next: String? }',
        'endpoint e GET /a {',
        '  query cursor?: String',
        '  response 200 Page',
        '  ensures len(response.items) >= 0',
        '  paginated cursor = response.next, items = response.items',
        '}',
        'property p {',
        '  let seen = pages e()',
        '  expect all i in seen: one j in seen: j == i',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('lays out a JSON value on one line when it fits and was written so, one entry a line otherwise', async () => {
    const messy =
      'type I { s: String, n: Int }\n' +
      'type A = I { example: {s : "a" ,n:1} }\n' +
      'type B = I {\n  example: {s: "a",\n      n: 1}\n}\n' +
      'endpoint e POST /a {\n  body I { example: { "s": "x", n: 2, } }\n  response 200 List<I> { examples: {\none: [ ] , two: [{s: "b", n: 3}]} }\n}\n';
    expect(await format(messy)).toBe(
      'type I { s: String, n: Int }\n' +
        'type A = I { example: { s: "a", n: 1 } }\n' +
        'type B = I {\n  example: {\n    s: "a",\n    n: 1\n  }\n}\n' +
        'endpoint e POST /a {\n  body I { example: { "s": "x", n: 2, } }\n  response 200 List<I> { examples: {\n    one: [],\n    two: [{ s: "b", n: 3 }]\n  } }\n}\n',
    );
  });

  it('breaks a JSON value wider than 100 columns one item a line, the same way every time', async () => {
    const items = Array.from({ length: 5 }, (_, i) => `{ sku: "A-${i}", amount: ${i + 1} }`);
    const long = `type I { sku: String, amount: Int }\ntype L = List<I> { example: [${items.join(', ')}] }\n`;
    const once = await format(long);
    expect(once).toBe(
      `type I { sku: String, amount: Int }\ntype L = List<I> { example: [\n${items.map((item) => `  ${item}`).join(',\n')}\n] }\n`,
    );
    expect(await format(once)).toBe(once);
  });

  it('keeps a wide JSON value on one line in a record written on one line, the same way every time', async () => {
    const emails = Array.from({ length: 4 }, (_, i) => `k${i}: "user${i}@example.com"`);
    const record = `type Team { score?: Map<Email> { example: { ${emails.join(', ')} } }, name: String }\n`;
    const once = await format(record);
    expect(once).toBe(record);
    expect(await format(once)).toBe(once);
  });
});
