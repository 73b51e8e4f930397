import { describe, expect, it } from 'vitest';
import { emitTypes, propertiesModule } from '@specl/compiler';
import { expectValidOpenApi, irOf, openApiOfIr } from '../openapi/openapi-helpers.js';
import { typeCheck } from '../typescript/typescript-helpers.js';

// Pagination compiled: the IR of a `paginated` clause and a `pages` walk, OpenAPI's
// `x-specl-pagination`, and properties.ts (strict TypeScript) that walks through the session.

const spec = `type Item { id: Int }
type Inner { items: List<Item>, next: Int? }
type Page { page: Inner }
endpoint list GET /items {
  query after?: Int
  query size?: Int { min: 1, max: 10 }
  response 200 Page
  paginated after = response.page.next, items = response.page.items
}
property eachOnce {
  let seen = pages list(size: 2)
  expect all i in seen: one j in seen: j.id == i.id
}
`;

describe('pagination, compiled', () => {
  it('lowers the clause to the cursor parameter and the two paths, and marks the walk', async () => {
    const ir = await irOf(spec);
    expect(ir.endpoints[0]!.pagination).toEqual({
      cursorParameter: 'after',
      nextCursor: ['page', 'next'],
      items: ['page', 'items'],
    });
    const [walk, expectation] = ir.properties[0]!.statements;
    expect(walk).toMatchObject({ kind: 'let', name: 'seen', try: false, pages: true });
    expect(expectation).toMatchObject({
      kind: 'expect',
      condition: { expr: { kind: 'quantifier', predicate: { quantifier: 'one' } } },
    });
  });

  it('emits x-specl-pagination with JSON pointers, in valid OpenAPI 3.1', async () => {
    const doc = openApiOfIr(await irOf(spec));
    const operation = doc.paths['/items']!.get as unknown as Record<string, unknown>;
    expect(operation['x-specl-pagination']).toEqual({
      cursorParameter: 'after',
      nextCursor: '/page/next',
      items: '/page/items',
    });
    await expectValidOpenApi(doc);
  });

  it('walks through the session in properties.ts, which compiles under strict TypeScript', async () => {
    const ir = await irOf(spec);
    const properties = propertiesModule(ir);
    expect(properties).toContain(
      "const $seen = (await session.pages('list', { size: 2 }, { source: 'pages list(size: 2)', at: 'main.specl:12:3', cursorParameter: 'after', nextCursor: ['page', 'next'], items: ['page', 'items'] })) as Item[];",
    );
    expect(properties).toContain('.filter((j) => deepEqual(j.id, i.id)).length === 1)');
    const types = emitTypes(ir, {})[0]!.content;
    expect(typeCheck('pagination-properties', types, { 'properties.ts': properties })).toBe('');
  });

  it('leaves specs that use the words as names as they were: no pagination, no walk', async () => {
    const ir = await irOf(
      'type R { paginated: Int, items: List<Int>, pages: Int, one: Bool }\n' +
        'endpoint pages GET /p { query one?: Int\n response 200 R }\n' +
        'property items { let one = pages(one: 1)\n expect one.one and all i in one.items: i > one.pages }',
    );
    const json = JSON.stringify(ir);
    expect(json).not.toContain('"pagination"');
    expect(json).not.toContain('"pages":true');
    expect(json).not.toContain('"quantifier":"one"');
    expect(ir.endpoints[0]!.query.map((q) => q.name)).toEqual(['one']);
  });
});
