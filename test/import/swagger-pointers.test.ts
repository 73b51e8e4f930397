import { describe, expect, it } from 'vitest';
import { importParsed } from '@specl/import';

/** A Swagger 2.0 document whose every part Specl warns of something in. */
const swagger = {
  swagger: '2.0',
  info: {
    title: 'Pets',
    version: '1.0.0',
  },
  host: 'api.example.com',
  basePath: '/v1',
  paths: {
    '/pets': {
      post: {
        operationId: 'addPet',
        consumes: ['application/json'],
        produces: ['application/json'],
        parameters: [
          {
            name: 'pet',
            in: 'body',
            required: true,
            schema: {
              type: 'object',
              properties: {
                nick: {
                  type: 'string',
                  format: 'nickname',
                },
              },
            },
          },
          {
            name: 'dryRun',
            in: 'query',
            type: 'string',
            format: 'yes-no',
          },
          {
            name: 'Authorization',
            in: 'header',
            type: 'string',
          },
        ],
        responses: {
          '200': {
            description: 'ok',
            schema: {
              type: 'object',
              properties: {
                tone: {
                  type: 'string',
                  format: 'colour',
                },
              },
            },
          },
          default: {
            description: 'other',
          },
        },
      },
    },
    '/pets/{id}/photo': {
      post: {
        operationId: 'addPhoto',
        consumes: ['multipart/form-data'],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            type: 'integer',
          },
          {
            name: 'caption',
            in: 'formData',
            type: 'string',
            format: 'caption',
          },
          {
            name: 'file',
            in: 'formData',
            type: 'file',
          },
        ],
        responses: {
          '204': {
            description: 'stored',
          },
        },
      },
    },
  },
  definitions: {
    Pet: {
      type: 'object',
      properties: {
        born: {
          type: 'string',
          format: 'epoch',
        },
      },
    },
  },
};

/** The value a pointer names in a document, or undefined. */
function at(document: unknown, pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((key) => key.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
}

describe('warnings of a Swagger 2.0 import', () => {
  it('name places in the 2.0 document as written, not in its OpenAPI 3 conversion', async () => {
    const result = await importParsed(structuredClone(swagger), '/pets/swagger.json');
    expect(result.warnings.map((w) => `${w.kind} ${w.pointer}`)).toEqual([
      // components/schemas is definitions
      'widened #/definitions/Pet/properties/born/format',
      // servers are host and basePath
      'left-out #/host',
      // the body parameter is dropped from the list in 3.x: the query is parameters/1 here,
      // and its schema's keywords are the parameter's own
      'widened #/paths/~1pets/post/parameters/1/format',
      'left-out #/paths/~1pets/post/parameters/2',
      // the request body is the body parameter
      'widened #/paths/~1pets/post/parameters/0/schema/properties/nick/format',
      // a response's content/{type}/schema is its schema
      'widened #/paths/~1pets/post/responses/200/schema/properties/tone/format',
      // a form body is its formData parameters
      'narrowed #/paths/~1pets~1{id}~1photo/post/parameters/1',
      'widened #/paths/~1pets~1{id}~1photo/post/parameters/1/format',
    ]);
    for (const warning of result.warnings)
      expect(at(swagger, warning.pointer), warning.pointer).toBeDefined();
  });
});
