import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@specl/compiler';
import { importParsed } from '@specl/import';
import { formatSource } from '@specl/language';
import { lowerFiles } from '../helpers/lower.js';

// `specl import` of examples: structured examples of fields, and the examples of bodies and
// responses (media types' `example` and `examples`), written as Specl examples when they fit
// their types; those that do not (real APIs have wrong examples) are taken out with a warning.

const item = {
  type: 'object',
  required: ['id', 'tags'],
  properties: {
    id: { type: 'integer', minimum: 1, readOnly: true },
    tags: {
      type: 'array',
      items: { type: 'string' },
      example: ['red', 'blue'],
    },
    meta: { type: 'object', additionalProperties: { type: 'integer' }, example: { a: 1 } },
  },
};

const document = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1.0.0' },
  paths: {
    '/items': {
      post: {
        operationId: 'createItem',
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/Item' },
              example: { tags: ['a'] },
            },
          },
        },
        responses: {
          '201': {
            description: 'Created',
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Item' },
                examples: {
                  one: { value: { id: 1, tags: [] } },
                  shared: { $ref: '#/components/examples/Shared' },
                  wrong: { summary: 'no tags', value: { id: 2 } },
                  far: { externalValue: 'https://example.com/item.json' },
                },
              },
            },
          },
        },
      },
      get: {
        operationId: 'listItems',
        responses: {
          '200': {
            description: 'OK',
            content: {
              'application/json': {
                schema: { type: 'array', items: { $ref: '#/components/schemas/Item' } },
                example: [{ id: 0, tags: [] }],
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: { Item: item },
    examples: { Shared: { value: { id: 3, tags: ['x'], meta: { b: 2 } } } },
  },
};

describe('importing examples', () => {
  it('writes structured field examples, and body and response examples, that fit', async () => {
    const fitting = structuredClone(document);
    const named =
      fitting.paths['/items'].post.responses['201'].content['application/json'].examples;
    delete (named as Partial<typeof named>).wrong;
    const result = await importParsed(fitting, '/shop/openapi.json');
    expect(result.text).toContain('tags: List<String> { example: ["red", "blue"] }');
    expect(result.text).toContain('meta?: Map<Int> { example: { "a": 1 } }');
    expect(result.text).toContain('body Item { example: { "tags": ["a"] } }');
    expect(result.text).toMatch(
      /response 201 Item \{ examples: \{\s*"one": \{ "id": 1, "tags": \[\] \},\s*"shared": \{ "id": 3, "tags": \["x"\], "meta": \{ "b": 2 \} \}/,
    );
    // The one without a value is left out, said so.
    expect(result.warnings).toContainEqual({
      kind: 'left-out',
      pointer: '#/paths/~1items/post/responses/201/content/application~1json/examples/far',
      message: 'an example without a `value` (an `externalValue`) is left out',
    });
  });

  it('takes out the examples that do not fit their type, with a warning that says so', async () => {
    const result = await importParsed(structuredClone(document), '/shop/openapi.json');
    // `wrong` has no `tags`, a required field: that named example goes, the others stay;
    // `id: 0` is below the minimum 1: the list's example goes.
    expect(result.text).not.toContain('"wrong"');
    expect(result.text).toMatch(/response 201 Item \{ examples: \{\s*"one": .*\s*"shared": /);
    expect(result.text).not.toContain('"id": 0');
    const misfits = result.warnings.filter((w) => w.message.includes('does not fit its type'));
    expect(misfits).toEqual([
      {
        kind: 'left-out',
        pointer: '#/paths/~1items/get/responses/200/content/application~1json/example',
        message:
          "the example is left out: it does not fit its type (the document's example may be wrong)",
      },
      {
        kind: 'left-out',
        pointer: '#/paths/~1items/post/responses/201/content/application~1json/examples/wrong',
        message:
          'the example "wrong" of the examples is left out: it does not fit its type (the document\'s example may be wrong)',
      },
    ]);
    const formatted = await formatSource(result.text, 'file:///imported.specl');
    expect(formatted).toEqual({ ok: true, text: result.text });
    // What is written checks clean and compiles.
    const ir = await lowerFiles({ '/shop.specl': result.text }, '/shop.specl');
    expect(ir.endpoints.map((e) => e.name).sort()).toEqual(['createItem', 'listItems']);
  });

  it('gives back the examples it compiles to: import, compile, import is stable', async () => {
    const source = `spec Shop version "1.0.0"
type Item {
  id: Int { min: 1, readOnly: true }
  tags: List<String> { example: ["red"] }
  meta?: Map<Int> { default: { a: 1 } }
}
endpoint listItems GET /items {
  response 200 List<Item> { example: [{ id: 1, tags: [] }] }
}
endpoint createItem POST /items {
  body Item { example: { tags: ["a"], meta: {} } }
  response 201 Item { examples: { one: { id: 1, tags: [] }, "two words": { id: 2, tags: ["b"] } } }
}
`;
    const ir = await lowerFiles({ '/shop.specl': source }, '/shop.specl');
    const openapi = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as unknown;
    const back = await importParsed(structuredClone(openapi), '/shop/openapi.json');
    expect(back.warnings).toEqual([]);
    const again = await lowerFiles({ '/imported.specl': back.text }, '/imported.specl');
    expect(again.fingerprint).toBe(ir.fingerprint);
    const twice = await importParsed(
      JSON.parse(JSON.stringify(buildOpenApiDocument(again))) as unknown,
      '/shop/openapi.json',
    );
    expect(twice.text).toBe(back.text);
  });

  it('takes out the named examples that do not fit, all of them with the annotation', async () => {
    const wrong = structuredClone(document);
    const named = wrong.paths['/items'].post.responses['201'].content['application/json'].examples;
    Object.assign(named, { one: { value: { id: 1 } }, shared: { value: { tags: 3 } } });
    const result = await importParsed(wrong, '/shop/openapi.json');
    expect(result.text).toContain('  response 201 Item\n');
    expect(result.warnings.filter((w) => w.message.includes('does not fit'))).toHaveLength(2);
  });

  it('takes out two of three annotations of a pair of braces, leaving one and no comma', async () => {
    const wrong = structuredClone(document);
    Object.assign(wrong.components.schemas.Item.properties.meta, {
      deprecated: true,
      example: { a: 'x' },
      default: { b: 'y' },
    });
    const result = await importParsed(wrong, '/shop/openapi.json');
    expect(result.text).toContain('  meta?: Map<Int> { deprecated: true }\n');
    const formatted = await formatSource(result.text, 'file:///imported.specl');
    expect(formatted).toEqual({ ok: true, text: result.text });
  });

  it('takes out every annotation of a pair of braces with the braces, leaving the spec formatted', async () => {
    const wrong = structuredClone(document);
    Object.assign(wrong.components.schemas.Item.properties.meta, {
      example: { a: 'x' },
      default: { b: 'y' },
    });
    const result = await importParsed(wrong, '/shop/openapi.json');
    expect(result.text).toContain('  meta?: Map<Int>\n');
    const formatted = await formatSource(result.text, 'file:///imported.specl');
    expect(formatted).toEqual({ ok: true, text: result.text });
  });
});
