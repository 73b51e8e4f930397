import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@specl/compiler';
import { importParsed } from '@specl/import';
import { lowerFiles } from '../helpers/lower.js';

// `specl import` of OpenAPI's `4XX`, `5XX` and `default` responses: errors of Specl's own range
// and default statuses, instead of warnings; `2XX` and the 1xx/3xx ranges stay left out.

const problem = {
  type: 'object',
  required: ['message'],
  properties: { message: { type: 'string' } },
};

const document = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1.0.0' },
  paths: {
    '/items/{id}': {
      get: {
        operationId: 'getItem',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { schema: { type: 'object' } } },
          },
          '404': {
            description: 'Not Found',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
          '4XX': {
            description: 'Any other client error',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
          '5xx': { description: 'A server failure' },
          '3XX': { description: 'A redirect' },
          default: {
            description: 'Anything else',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        },
      },
    },
  },
  components: { schemas: { Problem: problem } },
};

describe('import of range and default responses', () => {
  it('declares range and default errors, and leaves out only the 3XX range', async () => {
    const result = await importParsed(structuredClone(document), '/shop/openapi.json');
    expect(result.text).toMatch(/^error ClientError 4XX \{\n {2}\.\.\.Problem\n\}$/m);
    expect(result.text).toMatch(/^error ServerError 5XX no body$/m);
    expect(result.text).toMatch(/^error UnexpectedError default \{\n {2}\.\.\.Problem\n\}$/m);
    expect(result.text).toContain('errors NotFound, ClientError, ServerError, UnexpectedError');
    expect(result.warnings.map((w) => [w.kind, w.pointer])).toEqual([
      ['left-out', '#/paths/~1items~1{id}/get/responses/3XX'],
    ]);
  });

  it('gives back the ranges and default it compiles to, exactly', async () => {
    const source = `spec Shop version "1.0.0"
type Item { id: String }
error ClientError 4XX { message: String }
error Unexpected default no body
endpoint getItem GET /items/{id: String} {
  response 200 Item
  errors ClientError, Unexpected
}
`;
    const ir = await lowerFiles({ '/shop.specl': source }, '/shop.specl');
    const openapi = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as unknown;
    const back = await importParsed(openapi, '/shop/openapi.json');
    expect(back.warnings).toEqual([]);
    expect(back.text).toContain('error ClientError 4XX {');
    const again = await lowerFiles({ '/imported.specl': back.text }, '/imported.specl');
    expect(again.fingerprint).toBe(ir.fingerprint);
  });

  it('imports exact 3xx responses (a redirect, Not Modified) as responses, and gives them back', async () => {
    const redirects = {
      openapi: '3.1.0',
      info: { title: 'Repos', version: '1.0.0' },
      paths: {
        '/repos/{id}': {
          get: {
            operationId: 'getRepo',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: {
              '200': {
                description: 'OK',
                content: { 'application/json': { schema: { type: 'object' } } },
              },
              '301': { description: 'Moved Permanently' },
              '304': { description: 'Not Modified' },
            },
          },
        },
        '/repos/{id}/tarball': {
          get: {
            operationId: 'downloadTarball',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
            responses: { '302': { description: 'Found' } },
          },
        },
      },
    };
    const result = await importParsed(structuredClone(redirects), '/repos/openapi.json');
    expect(result.warnings).toEqual([]);
    expect(result.text).toMatch(/response 200 Map<Json>\n {2}response 301\n {2}response 304\n/);
    expect(result.text).toMatch(/endpoint downloadTarball GET [^\n]*\{\n {2}response 302\n\}/);
    const ir = await lowerFiles({ '/repos.specl': result.text }, '/repos.specl');
    const openapi = buildOpenApiDocument(ir) as {
      paths: Record<string, { get: { responses: object } }>;
    };
    expect(Object.keys(openapi.paths['/repos/{id}']!.get.responses)).toEqual(['200', '301', '304']);
    expect(openapi.paths['/repos/{id}/tarball']!.get.responses).toEqual({
      '302': { description: 'Found' },
    });
  });
});
