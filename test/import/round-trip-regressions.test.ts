import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '@specl/compiler';
import { buildOpenApiDocument } from '@specl/compiler';
import { importParsed } from '@specl/import';
import { lowerFiles } from '../helpers/lower.js';
import { schemaValidator } from '../compiler/openapi/openapi-helpers.js';

interface Schema {
  readonly properties: Record<string, Schema & { oneOf?: unknown[] }>;
}
interface Document {
  readonly components: { readonly schemas: Record<string, Schema> };
}

/**
 * Each case a spec the random round trip (random-round-trip.test.ts) once lost something of:
 * compiled to OpenAPI and imported back, it gives the spec it came from (its fingerprint), with
 * no warning.
 */
async function roundTrip(source: string) {
  const ir = await lowerFiles({ '/spec.specl': source }, '/spec.specl');
  const document = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as Document;
  const result = await importParsed(document, '/spec/openapi.json');
  const back = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
  return { ir, document, result, back };
}

const header = 'spec Shop version "1.0.0"\n';

describe('the round trip keeps', () => {
  it('a Decimal with string constraints (it was widened to String)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Price = Decimal { maxLength: 20 }',
          'type Item { amount: Decimal { minLength: 1, pattern: "^[0-9]+$" }, price: Price }',
          'endpoint getItem GET /items { query min?: Decimal { maxLength: 9 } response 200 Item }',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('type Price = Decimal { maxLength: 20 }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('`X?` of a nullable alias (it was compiled like `X`)', async () => {
    const { ir, document, result, back } = await roundTrip(
      header +
        [
          'type Item { id: Int }',
          'type MaybeItem = Item?',
          'type Box { a: MaybeItem?, b: Map<MaybeItem?>, c: MaybeItem }',
          'endpoint getBox GET /box { response 200 Box }',
        ].join('\n'),
    );
    const box = document.components.schemas.Box.properties;
    expect(box.a).toEqual({
      anyOf: [{ $ref: '#/components/schemas/MaybeItem' }, { type: 'null' }],
    });
    expect(box.c).toEqual({ $ref: '#/components/schemas/MaybeItem' });
    expect(result.warnings).toEqual([]);
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a query parameter of a List alias with constraints (it was left out, and every x-specl-* with it)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'enum Color { red, blue }',
          'type Colors = List<Color>',
          'endpoint listItems GET /items {',
          '  query colors?: Colors { maxItems: 1 }',
          '  response 200 Int',
          '  requires colors == null or len(colors) == 1',
          '}',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('query colors?: Colors { maxItems: 1 }');
    expect(result.text).toContain('requires colors == null or len(colors) == 1');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a `oneOf` of records told apart by the type of a field one requires (it was warned as widened)', async () => {
    const { ir, document, result, back } = await roundTrip(
      header +
        [
          'enum Level { low, high }',
          'type Task { count: Level }',
          'type Order { count?: Map<Int>, note?: String }',
          'type Pick { a: Order | Task, b: Task | Order? }',
          'endpoint getPick GET /pick { response 200 Pick }',
        ].join('\n'),
    );
    expect(document.components.schemas.Pick.properties.a.oneOf).toHaveLength(2);
    expect(result.warnings).toEqual([]);
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('`X? { readOnly: true }` of a record or an alias of one (it became a new record, its readOnly warned)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Count = Order',
          'type Order {',
          '  name: Order? { readOnly: true }',
          '  count?: Count? { writeOnly: true }',
          '}',
          'endpoint getOrder GET /order { response 200 Order }',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('name: Order? { readOnly: true }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a constant type in a property, annotations beside constraints, a constrained alias of a constrained alias', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Code = Int64',
          'type Count = Code { exclusiveMax: 14 }',
          'type Score = String',
          'type Item { items: Score { pattern: "^[0-9]+$", writeOnly: true } }',
          'endpoint listItems GET /items {',
          '  query q: List<Count { exclusiveMax: 7 }>',
          '  response 200 List<Item>',
          '}',
          'property constant {',
          '  forall y: true',
          '  let items = listItems(q: [])',
          '}',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('forall y: true');
    expect(result.text).toContain('query q: List<Count { exclusiveMax: 7 }>');
    expect(result.text).toContain('items: Score { pattern: "^[0-9]+$", writeOnly: true }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('the names of path parameters that share another template (they took its names)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'endpoint getItem GET /items/{id: Int} { response 200 Int }',
          'endpoint dropItem DELETE /items/{key: Int} {',
          '  response 204',
          '  requires key > 0',
          '}',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('endpoint dropItem DELETE /items/{key: Int}');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('`Json? { readOnly: true }`, whose schema also takes null now (it was `oneOf` of `{}` and null)', async () => {
    const { ir, document, result, back } = await roundTrip(
      header +
        [
          'type Order { name: Json? { readOnly: true }, meta?: Json? }',
          'endpoint getOrder GET /order { response 200 Order }',
        ].join('\n'),
    );
    const order = document.components.schemas['Order']!;
    expect(order.properties['name']).toEqual({ anyOf: [{ readOnly: true }, { type: 'null' }] });
    const { fits } = schemaValidator(document as unknown as OpenApiDocument);
    expect(fits('Order', { name: null, meta: null })).toBe(true);
    expect(fits('Order', { name: { any: [1] } })).toBe(true);
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('name: Json? { readOnly: true }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('an error without a body no endpoint answers, and two that differ only in name (dropped, merged)', async () => {
    const { ir, document, result, back } = await roundTrip(
      header +
        [
          'headers Limits { limit "X-RateLimit-Limit": Int }',
          '/// Nobody answers it.',
          'error Unused 409 with Limits no body',
          'error Gone 410 no body',
          'error Removed 410 no body',
          'endpoint a GET /a { response 200\n errors Gone }',
          'endpoint b GET /b { response 200\n errors Removed }',
        ].join('\n'),
    );
    expect(Object.keys(document.components)).toContain('x-specl-bodyless-errors');
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('/// Nobody answers it.\nerror Unused 409 with Limits no body');
    expect(result.text).toContain('endpoint b GET /b {\n  response 200\n  errors Removed\n}');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('an error with media types, answered or not (it came back twice: JSON, and spread into a copy)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'headers Limits { limit "X-RateLimit-Limit": Int }',
          'error Teapot 418 with Limits as "application/problem+json" { message: String }',
          'error Unused 409 as "application/problem+json", "application/json" { message: String }',
          'endpoint ping GET /ping { response 200\n errors Teapot }',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('error Teapot 418 with Limits as "application/problem+json" {');
    expect(result.text).toContain(
      'error Unused 409 as "application/problem+json", "application/json" {',
    );
    expect(result.text).toContain('errors Teapot\n');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('the name of a set of one header, in a spec with no other x-specl-* (it was named after the header)', async () => {
    const { ir, document, result, back } = await roundTrip(
      header +
        [
          'headers Limits { limit "X-RateLimit-Limit": Int }',
          'endpoint ping GET /ping { response 200 with Limits }',
        ].join('\n'),
    );
    expect(JSON.stringify(document)).not.toMatch(/x-specl-(status|error|name|invariants)/);
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('headers Limits {\n  limit "X-RateLimit-Limit": Int\n}');
    expect(result.text).toContain('response 200 with Limits');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a set no answer carries, and the headers of an error no endpoint answers (both were dropped)', async () => {
    const { ir, document, result, back } = await roundTrip(
      header +
        [
          'headers Unused { etag "ETag"?: String, age: Int }',
          'headers Limits { limit "X-RateLimit-Limit": Int }',
          'error Gone 410 with Limits, Unused { message: String }',
          'endpoint ping GET /ping { response 204 }',
        ].join('\n'),
    );
    expect(JSON.stringify(document.components)).toContain('"x-specl-headers":["Limits","Unused"]');
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('headers Unused {\n  etag "ETag"?: String\n  age: Int\n}');
    expect(result.text).toContain('error Gone 410 with Limits, Unused {');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a UriTemplate with constraints, as a field, an alias and a query parameter', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Link = UriTemplate { maxLength: 200 }',
          'type Repo { issues: UriTemplate { example: "/repos/{owner}/{repo}/issues{/number}" }, link?: Link }',
          'endpoint getRepo GET /repo { query expand?: UriTemplate response 200 Repo }',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('type Link = UriTemplate { maxLength: 200 }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('an alias of a record with an example (it became an open record spreading the other)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Item { id: Int, tags?: List<String> }',
          'type Sample = Item { example: { id: 1, tags: ["a"] } }',
          'endpoint getItem GET /items { response 200 Sample }',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('type Sample = Item { example: { "id": 1, "tags": ["a"] } }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('latency budgets of the spec and of an endpoint (both were dropped)', async () => {
    const { ir, result, back } = await roundTrip(
      [
        'spec Shop version "1.0.0" { latency p99 < 1.5 s }',
        'endpoint ping GET /ping { response 204 latency p50 < 20 ms, p999 < 30 s }',
      ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('latency p99 < 1500 ms');
    expect(result.text).toContain('latency p50 < 20 ms, p999 < 30000 ms');
    expect(back.latency).toEqual(ir.latency);
    expect(back.endpoints[0]!.latency).toEqual(ir.endpoints[0]!.latency);
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a paginated listing in a spec with no other x-specl-* (the clause was dropped)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Page { items: List<Int>, next?: String }',
          'endpoint list GET /list {',
          '  query cursor?: String',
          '  response 200 Page',
          '  paginated cursor = response.next, items = response.items',
          '}',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('paginated cursor = response.next, items = response.items');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('an example of a reference to an enum or an alias, on an alias or a field (kept as comments)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'enum Status { pending }',
          'type Count = Map<Int>?',
          'type Ids = Status { example: "pending" }',
          'type Slug = Count { example: null }',
          'type Box { f: Status { example: "pending" }, g?: Ids { example: "pending" } }',
          'endpoint getBox GET /box { response 200 Box }',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('type Ids = Status { example: "pending" }');
    expect(result.text).toContain('type Slug = Count { example: null }');
    expect(result.text).toContain('f: Status { example: "pending" }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a body of text and JSON, and examples on several media types (split in two; warned)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Order { id: Int }',
          'endpoint create POST /orders {',
          '  body Order { examples: { one: { id: 1 } } } as "application/vnd.x+json", "application/json"',
          '  response 200 String { pattern: "^a", example: "ab" } as "text/plain", "application/json"',
          '}',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('as "application/vnd.x+json", "application/json"');
    expect(result.text).toContain('} as "text/plain", "application/json"');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('annotations of parameters of a reference to an alias (kept as comments)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'type Amount = Int32 { exclusiveMax: 2147454868 }',
          'type Ids = Int64',
          'endpoint ping GET /{sort: Ids { deprecated: true }}/x {',
          '  query page: Amount { example: -2147483263 }',
          '  query other?: Amount { example: 5, default: 7 }',
          '  header h "X-H": Ids { example: 3 }',
          '  response 200 Amount',
          '}',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('/{sort: Ids { deprecated: true }}/x');
    expect(result.text).toContain('query other?: Amount { example: 5, default: 7 }');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a bodyless 401 error of a protected endpoint (taken for the 401 Specl adds, and dropped)', async () => {
    const { ir, result, back } = await roundTrip(
      header +
        [
          'auth Key apiKey cookie "session"',
          'error Denied 401 no body',
          'endpoint ping DELETE / { response 202 errors Denied security Key }',
        ].join('\n'),
    );
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('errors Denied');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });

  it('a tag with a display name (it came back named after the display name)', async () => {
    const { ir, document, result, back } = await roundTrip(
      header +
        [
          'tag Accounts "Accounts \\"and\\" more"',
          'endpoint ping GET /ping { tags Accounts response 204 }',
        ].join('\n'),
    );
    expect(JSON.stringify(document)).toContain('"x-specl-name":"Accounts"');
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('tag Accounts "Accounts \\"and\\" more"');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });
});

describe('an import of a document others wrote', () => {
  it('reads `format: uri-template` as UriTemplate (GitHub: 3,756 fields were widened to String)', async () => {
    const template = 'https://api.github.com/repos/{owner}/{repo}/issues{/number}';
    const document = {
      openapi: '3.0.3',
      info: { title: 'T', version: '1.0.0' },
      paths: {},
      components: {
        schemas: {
          Repo: {
            type: 'object',
            properties: {
              issues_url: { type: 'string', format: 'uri-template', example: template },
              bad_url: { type: 'string', format: 'uri-template', example: 'https://x/{' },
            },
            required: ['issues_url'],
          },
        },
      },
    };
    const result = await importParsed(document, '/t/openapi.json');
    expect(result.text).toContain(`issues_url: UriTemplate { example: "${template}" }`);
    // An example that is no URI template stays a comment, as other misfits do.
    expect(result.text).toContain('bad_url?: UriTemplate\n');
    expect(result.warnings.map((w) => `${w.kind} ${w.pointer}`)).toEqual([
      'left-out #/components/schemas/Repo/properties/bad_url/example',
    ]);
  });

  it('still warns of a `oneOf` whose records a value can match both of', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1.0.0' },
      paths: {},
      components: {
        schemas: {
          A: { type: 'object', properties: { n: { type: 'integer' } }, required: ['n'] },
          B: { type: 'object', properties: { n: { type: 'number' }, m: { type: 'string' } } },
          // Told apart only by a string that may be any string: not apart.
          C: { type: 'object', properties: { k: { type: 'string' } }, required: ['k'] },
          D: { type: 'object', properties: { k: { const: 'x' } }, required: ['k'] },
          Both: { oneOf: [{ $ref: '#/components/schemas/A' }, { $ref: '#/components/schemas/B' }] },
          Either: {
            oneOf: [{ $ref: '#/components/schemas/C' }, { $ref: '#/components/schemas/D' }],
          },
        },
      },
    };
    const result = await importParsed(document, '/t/openapi.json');
    expect(result.warnings.map((w) => `${w.kind} ${w.pointer}`)).toEqual([
      'widened #/components/schemas/Both/oneOf',
      'widened #/components/schemas/Either/oneOf',
    ]);
  });

  it('takes out an example of a reference that does not fit the type referred to', async () => {
    const document = {
      openapi: '3.1.0',
      info: { title: 'T', version: '1.0.0' },
      paths: {},
      components: {
        schemas: {
          Status: { type: 'string', enum: ['pending'] },
          Ids: { allOf: [{ $ref: '#/components/schemas/Status' }, { examples: ['nope'] }] },
        },
      },
    };
    const result = await importParsed(document, '/t/openapi.json');
    expect(result.text).toContain('type Ids = Status\n');
    expect(result.warnings.map((w) => w.message)).toEqual([
      expect.stringContaining('does not fit its type'),
    ]);
  });
});
