import { describe, expect, it } from 'vitest';
import { expectValidOpenApi, irOf, openApiOf, openApiOfIr, schemasOf } from './openapi-helpers.js';

const SAFE = Number.MAX_SAFE_INTEGER;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const uuid = { type: 'string', format: 'uuid' };

describe('info', () => {
  it('holds the spec name, version, doc comment and fingerprint', async () => {
    const ir = await irOf('/// The API.\nspec Shop version "2.0.0-rc.1"\ntype T {}');
    expect(openApiOfIr(ir)).toEqual({
      openapi: '3.1.0',
      info: {
        title: 'Shop',
        version: '2.0.0-rc.1',
        description: 'The API.',
        'x-specl-fingerprint': ir.fingerprint,
      },
      paths: {},
      components: {
        schemas: { T: { type: 'object', properties: {}, additionalProperties: false } },
      },
    });
  });
});

describe('components', () => {
  it('give a record its fields in order, required the non-optional ones, closed, described', async () => {
    const schemas = await schemasOf(
      [
        '/// A thing.',
        'type Base { id: Uuid }',
        'type T {',
        '  /// Its name.',
        '  name: String',
        '  ...Base',
        '  note?: String',
        '  count: Int { min: 0 }',
        '  invariant count < 10',
        '  invariant note != null implies len(note) > 0',
        '}',
      ].join('\n'),
    );
    expect(schemas.T).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', description: 'Its name.' },
        id: uuid,
        note: { type: 'string' },
        count: { type: 'integer', minimum: 0, maximum: SAFE },
      },
      required: ['name', 'id', 'count'],
      additionalProperties: false,
      'x-specl-invariants': [
        { source: 'count < 10', location: 'main.specl:10:3' },
        { source: 'note != null implies len(note) > 0', location: 'main.specl:11:3' },
      ],
    });
    expect(Object.keys(schemas.T!.properties!)).toEqual(['name', 'id', 'note', 'count']);
    expect(schemas.Base).toEqual({
      type: 'object',
      description: 'A thing.',
      properties: { id: uuid },
      required: ['id'],
      additionalProperties: false,
    });
  });

  it('give an alias its type schema and description', async () => {
    const schemas = await schemasOf(
      '/// Whole days.\ntype Days = Int { min: 0, max: 366 }\ntype Ids = List<Uuid> { unique: true }\ntype Other = Days\n/// Short.\ntype Short = Days { max: 7 }',
    );
    expect(schemas).toEqual({
      Days: { type: 'integer', minimum: 0, maximum: 366, description: 'Whole days.' },
      Ids: { type: 'array', items: uuid, uniqueItems: true },
      Other: ref('Days'),
      Short: { allOf: [ref('Days'), { maximum: 7 }], description: 'Short.' },
    });
  });

  it('give an enum a string schema with its members, and their doc comments', async () => {
    const schemas = await schemasOf(
      '/// A colour.\nenum Color { red, green }\nenum Level {\n  /// Lowest.\n  low,\n  high\n}',
    );
    expect(schemas).toEqual({
      Color: { type: 'string', description: 'A colour.', enum: ['red', 'green'] },
      Level: {
        type: 'string',
        enum: ['low', 'high'],
        'x-specl-enum-descriptions': { low: 'Lowest.' },
      },
    });
  });

  it('give an error a record schema and its status', async () => {
    const schemas = await schemasOf(
      '/// Not there.\nerror NotFound 404 { message: String, id?: Uuid }\nerror Busy 503',
    );
    expect(schemas).toEqual({
      Busy: {
        type: 'object',
        'x-specl-status': 503,
        properties: {},
        additionalProperties: false,
      },
      NotFound: {
        type: 'object',
        description: 'Not there.',
        'x-specl-status': 404,
        properties: { message: { type: 'string' }, id: uuid },
        required: ['message'],
        additionalProperties: false,
      },
    });
  });
});

const shop = `
type Item { id: Uuid, name: String }
type NewItem { name: String }
enum Sort { name, id }
/// Not there.
error NotFound 404 { message: String }
error Conflict 409 {}

/// Adds an item.
endpoint addItem POST /shops/{shop: Int { min: 1 }}/items {
  /// Once only.
  header key "Idempotency-Key": String { maxLength: 64 }
  header trace "X-Trace-Id"?: String
  body NewItem
  response 201 Item
  response 202
  errors Conflict, NotFound
  requires len(body.name) > 0
  ensures response?.name == body.name
}

endpoint listItems GET /shops/{shop: Int { min: 1 }}/items {
  query sort?: Sort
  query tags?: List<String>
  query limit: Int { min: 1, max: 50 }
  response 200 List<Item>
}

endpoint dropItem DELETE /shops/{s: Int { min: 1 }}/items/{item: Uuid} {
  response 204
  errors NotFound
}

endpoint getItem GET /shops/{id: Int { min: 1 }}/items/{itemId: Uuid} {
  response 200 Item
}

endpoint ping HEAD / { response 204 }
endpoint options OPTIONS /shops { response 200 List<Int> }
endpoint patchItem PATCH /shops/{shop: Int { min: 1 }}/items/{item: Uuid} {
  body NewItem
  response 200 Item
}
endpoint putItem PUT /shops/{shop: Int { min: 1 }}/items/{item: Uuid} {
  body NewItem
  response 200 Item
}
`;

describe('paths', () => {
  it('are sorted, with the methods of a path in a fixed order', async () => {
    const doc = await openApiOf(shop);
    expect(Object.keys(doc.paths)).toEqual([
      '/',
      '/shops',
      '/shops/{id}/items/{itemId}',
      '/shops/{shop}/items',
    ]);
    const methods = Object.fromEntries(
      Object.entries(doc.paths).map(([path, item]) => [path, Object.keys(item)]),
    );
    expect(methods).toEqual({
      '/': ['head'],
      '/shops': ['options'],
      '/shops/{id}/items/{itemId}': ['get', 'put', 'delete', 'patch'],
      '/shops/{shop}/items': ['get', 'post'],
    });
    await expectValidOpenApi(doc);
  });

  it('give an operation its parameters, body, responses, errors and conditions', async () => {
    const doc = await openApiOf(shop);
    const shopParam = {
      name: 'shop',
      in: 'path',
      required: true,
      schema: { type: 'integer', minimum: 1, maximum: SAFE },
    };
    expect(doc.paths['/shops/{shop}/items']).toEqual({
      get: {
        operationId: 'listItems',
        summary: 'List items',
        parameters: [
          shopParam,
          { name: 'sort', in: 'query', required: false, schema: ref('Sort') },
          {
            name: 'tags',
            in: 'query',
            required: false,
            schema: { type: 'array', items: { type: 'string' } },
          },
          {
            name: 'limit',
            in: 'query',
            required: true,
            schema: { type: 'integer', minimum: 1, maximum: 50 },
          },
        ],
        responses: {
          200: { description: 'OK', content: json({ type: 'array', items: ref('Item') }) },
        },
      },
      post: {
        operationId: 'addItem',
        summary: 'Adds an item.',
        description: 'Adds an item.',
        parameters: [
          shopParam,
          {
            name: 'Idempotency-Key',
            in: 'header',
            description: 'Once only.',
            required: true,
            schema: { type: 'string', maxLength: 64 },
            // The spec's name of a header named otherwise on the wire, for import to restore.
            'x-specl-name': 'key',
          },
          {
            name: 'X-Trace-Id',
            in: 'header',
            required: false,
            schema: { type: 'string' },
            'x-specl-name': 'trace',
          },
        ],
        requestBody: { required: true, content: json(ref('NewItem')) },
        responses: {
          201: { description: 'Created', content: json(ref('Item')) },
          202: { description: 'Accepted' },
          404: { description: 'Not there.', content: json(ref('NotFound')) },
          409: { description: 'Conflict', content: json(ref('Conflict')) },
        },
        'x-specl-requires': [{ source: 'len(body.name) > 0', location: 'main.specl:19:3' }],
        'x-specl-ensures': [{ source: 'response?.name == body.name', location: 'main.specl:20:3' }],
      },
    });
  });

  it('give a response without a type no content', async () => {
    const doc = await openApiOf(shop);
    expect(doc.paths['/']).toEqual({
      head: {
        operationId: 'ping',
        summary: 'Ping',
        responses: { 204: { description: 'No Content' } },
      },
    });
  });

  it('merge templates that differ only in parameter names, taking the first one’s names (the spec’s kept as x-specl-name)', async () => {
    const doc = await openApiOf(shop);
    const item = doc.paths['/shops/{id}/items/{itemId}']!;
    const names = Object.fromEntries(
      Object.entries(item).map(([method, op]) => [method, op.parameters!.map((p) => p.name)]),
    );
    expect(names).toEqual({
      get: ['id', 'itemId'],
      put: ['id', 'itemId'],
      delete: ['id', 'itemId'],
      patch: ['id', 'itemId'],
    });
    expect(item.delete!.parameters![1]).toEqual({
      name: 'itemId',
      in: 'path',
      required: true,
      schema: uuid,
      'x-specl-name': 'item',
    });
    // The first template's own names need none.
    expect(item.get!.parameters!.some((p) => p['x-specl-name'] !== undefined)).toBe(false);
  });
});

describe('properties', () => {
  it('are listed with their statements as source text', async () => {
    const doc = await openApiOf(`
type Item { id: Uuid, tags: List<String> }
endpoint getItem GET /items/{id: Uuid} {
  query page?: Int
  response 200 Item
}
endpoint removeItem DELETE /items/{id: Uuid} { response 204 }
/// Reads back.
property readsBack {
  forall i: Item, n: Int { min: 1, max: 5 }, t: List<String?>? { maxItems: 2 } where n > 1 and i.tags != []
  let a = getItem(id: i.id, page: -(n * 2) + 1)
  let b = try removeItem(id: i.id)
  let c = (n + 1) * 2 - (n - 1)
  let d = [i.id, "a\\"b"]
  let e = (all x in a.tags: x != "") and not (n > 1 or n < 0) implies n >= 0
  let f = (n < 2) == (n > 3 implies n > 2)
  let g = i == { id: i.id, tags: [] }
  let h = ((n ?? 1) ?? 2) ?? 3
  expect b.ok or (all x in a.tags: len(x) > 0) and c > 0
}
property second {
  forall i: Item
  let a = getItem(id: i.id)
  expect a.id == i.id
}`);
    expect(doc['x-specl-properties']).toEqual([
      {
        name: 'readsBack',
        description: 'Reads back.',
        statements: [
          'forall i: Item, n: Int { min: 1, max: 5 }, t: List<String?>? { maxItems: 2 } where n > 1 and i.tags != []',
          'let a = getItem(id: i.id, page: -(n * 2) + 1)',
          'let b = try removeItem(id: i.id)',
          'let c = (n + 1) * 2 - (n - 1)',
          'let d = [i.id, "a\\"b"]',
          'let e = (all x in a.tags: x != "") and not (n > 1 or n < 0) implies n >= 0',
          'let f = (n < 2) == (n > 3 implies n > 2)',
          'let g = i == { id: i.id, tags: [] }',
          'let h = ((n ?? 1) ?? 2) ?? 3',
          'expect b.ok or (all x in a.tags: len(x) > 0) and c > 0',
        ],
        location: 'main.specl:10:1',
      },
      {
        name: 'second',
        statements: ['forall i: Item', 'let a = getItem(id: i.id)', 'expect a.id == i.id'],
        location: 'main.specl:22:1',
      },
    ]);
  });

  it('are left out when the spec has none', async () => {
    const doc = await openApiOf('type T {}');
    expect(Object.keys(doc)).toEqual(['openapi', 'info', 'paths', 'components']);
  });
});
