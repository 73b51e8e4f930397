import { describe, expect, it } from 'vitest';
import { emitOpenApi, emitTypes } from '@specl/compiler';
import {
  expectValidOpenApi,
  irOf,
  openApiOf,
  openApiOfIr,
  schemaValidator,
} from '../openapi/openapi-helpers.js';

// Structured examples and defaults in schemas, and examples of bodies and responses in the
// media types (docs/language.md, "Structured examples and examples of bodies and responses").

const TYPES = `type Item {
  sku: String { minLength: 1 }
  amount: Int { min: 1 }
  note?: String? { default: null }
}
type Order {
  id: Uuid { readOnly: true }
  items: List<Item> { minItems: 1 }
  meta?: Map<Json> { default: { source: "web", tries: [1, 2] } }
}
`;

const ENDPOINTS = `endpoint createOrder POST /orders {
  body Order { example: { items: [{ sku: "a", amount: 1 }] } } as "application/json", "application/vnd.shop+json"
  response 201 Order {
    examples: {
      one: { id: "0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10", items: [{ sku: "a", amount: 1 }] },
      "with meta": { id: "0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10", items: [{ sku: "b", amount: 2, note: null }], meta: { z: 1, a: { b: [true, null] } } },
    }
  }
}
endpoint listItems GET /items {
  response 200 List<Item> { example: [{ sku: "a", amount: 3 }, { sku: "b", amount: 4 }] }
}
`;

const SOURCE = `${TYPES}type Sample = Item { example: { amount: 2, sku: "x", "note": "hi" } }\n${ENDPOINTS}`;

describe('structured examples in the compiled OpenAPI', () => {
  it('writes a structured example and default into the schema, keys in the order written', async () => {
    const doc = await openApiOf(SOURCE);
    const sample = doc.components.schemas['Sample']!;
    expect(sample).toEqual({
      allOf: [
        { $ref: '#/components/schemas/Item' },
        { examples: [{ amount: 2, sku: 'x', note: 'hi' }] },
      ],
    });
    expect(Object.keys(sample.allOf![1]!.examples![0] as object)).toEqual([
      'amount',
      'sku',
      'note',
    ]);
    const meta = doc.components.schemas['Order']!.properties!['meta']!;
    expect(meta.default).toEqual({ source: 'web', tries: [1, 2] });
    expect(doc.components.schemas['Item']!.properties!['note']!.default).toBeNull();
  });

  it("writes a body example as each media type's `example`, not in the schema", async () => {
    const doc = await openApiOf(SOURCE);
    const content = doc.paths['/orders']!.post!.requestBody!.content;
    const example = { items: [{ sku: 'a', amount: 1 }] };
    expect(content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Order' }, example },
      'application/vnd.shop+json': { schema: { $ref: '#/components/schemas/Order' }, example },
    });
  });

  it("writes named response examples as the media type's `examples`, each with its value", async () => {
    const doc = await openApiOf(SOURCE);
    const media = doc.paths['/orders']!.post!.responses['201']!.content!['application/json']!;
    expect(media.schema).toEqual({ $ref: '#/components/schemas/Order' });
    expect(Object.keys(media.examples!)).toEqual(['one', 'with meta']);
    expect(media.examples!['with meta']!.value).toEqual({
      id: '0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10',
      items: [{ sku: 'b', amount: 2, note: null }],
      meta: { z: 1, a: { b: [true, null] } },
    });
    const list = doc.paths['/items']!.get!.responses['200']!.content!['application/json']!;
    expect(list.example).toEqual([
      { sku: 'a', amount: 3 },
      { sku: 'b', amount: 4 },
    ]);
    expect(list.schema).toEqual({ type: 'array', items: { $ref: '#/components/schemas/Item' } });
  });

  it('is valid OpenAPI 3.1, and every example the checker accepts fits its emitted schema', async () => {
    const doc = await openApiOf(SOURCE);
    await expectValidOpenApi(doc);
    const validator = schemaValidator(doc);
    const sample = doc.components.schemas['Sample']!;
    expect(validator.fitsSchema(sample, sample.allOf![1]!.examples![0])).toBe(true);
    const order = doc.paths['/orders']!.post!;
    const response = order.responses['201']!.content!['application/json']!;
    for (const { value } of Object.values(response.examples!))
      expect(validator.fits('Order', value)).toBe(true);
    const list = doc.paths['/items']!.get!.responses['200']!.content!['application/json']!;
    expect(validator.fitsSchema(list.schema!, list.example)).toBe(true);
    // The request example leaves the readOnly `id` out, which the shared schema requires.
    const request = order.requestBody!.content['application/json']!;
    expect(
      validator.fits('Order', {
        ...(request.example as object),
        id: '0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10',
      }),
    ).toBe(true);
  });

  it('is byte-identical from one compilation to the next', async () => {
    const first = emitOpenApi(await irOf(SOURCE), {});
    const second = emitOpenApi(await irOf(SOURCE), {});
    expect(second).toEqual(first);
  });

  it('leaves types.ts as it is without the examples', async () => {
    const plain = `${TYPES}type Sample = Item
endpoint createOrder POST /orders {
  body Order as "application/json", "application/vnd.shop+json"
  response 201 Order
}
endpoint listItems GET /items { response 200 List<Item> }
`;
    const without = await irOf(plain);
    expect(openApiOfIr(without).paths['/orders']!.post!.responses['201']!.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/Order' } },
    });
    const withExamples = emitTypes(await irOf(SOURCE), {})[0]!.content;
    const withoutExamples = emitTypes(without, {})[0]!.content;
    const body = (text: string) => text.replace(/sha256:[0-9a-f]+/g, '');
    expect(body(withExamples)).toBe(body(withoutExamples));
  });
});
