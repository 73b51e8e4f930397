import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@specl/compiler';
import { importParsed } from '@specl/import';
import { lowerFiles } from '../helpers/lower.js';
import { repoRoot } from '../helpers/run-cli.js';

// `specl import` of OpenAPI response headers: one `headers` declaration per distinct set,
// named by what the wire names share, attached with `with` to responses and errors; what a
// header cannot hold is left out with a warning; Specl's own documents come back as written.

const json = (schema: unknown) => ({ 'application/json': { schema } });
const limits = {
  'X-RateLimit-Limit': { $ref: '#/components/headers/Limit' },
  'X-RateLimit-Remaining': {
    description: 'Calls left.',
    required: true,
    schema: { type: 'integer', minimum: 0 },
  },
};

const document = {
  openapi: '3.1.0',
  info: { title: 'Shop', version: '1.0.0' },
  components: { headers: { Limit: { schema: { type: 'integer' } } } },
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        responses: {
          '200': { description: 'OK', headers: limits, content: json({ type: 'array' }) },
          '429': { description: 'Too many', headers: limits },
        },
      },
      post: {
        operationId: 'createItem',
        responses: {
          '201': {
            description: 'Created',
            headers: {
              Location: { required: true, schema: { type: 'string', format: 'uri' } },
              'Content-Type': { schema: { type: 'string' } },
              'X-Debug': { schema: { type: 'object' } },
            },
            content: json({ type: 'object' }),
          },
          '4XX': {
            description: 'Client error',
            headers: limits,
            content: json({ type: 'object', properties: { message: { type: 'string' } } }),
          },
        },
      },
    },
  },
};

describe('importing response headers', () => {
  it('declares each distinct set once, named by what it shares, and attaches it', async () => {
    const result = await importParsed(document, '/shop/openapi.json');
    expect(result.text).toContain(
      [
        'headers RateLimit {',
        '  limit "X-RateLimit-Limit"?: Int',
        '  /// Calls left.',
        '  remaining "X-RateLimit-Remaining": Int { min: 0 }',
        '}',
      ].join('\n'),
    );
    expect(result.text).toContain('headers Location {\n  location "Location": Url\n}');
    expect(result.text).toContain('response 200 List<Json> with RateLimit');
    expect(result.text).toContain('error TooManyRequests 429 with RateLimit no body');
    expect(result.text).toContain('error ClientError 4XX with RateLimit {');
    expect(result.text).toContain('response 201 Map<Json> with Location');
    expect(result.text.match(/^headers /gm)).toHaveLength(2);
  });

  it('leaves out Content-Type and a header of an object, each with a warning', async () => {
    const result = await importParsed(document, '/shop/openapi.json');
    const messages = result.warnings.map((w) => `${w.kind}: ${w.message}`);
    expect(messages).toContain(
      'left-out: the response header Content-Type is left out: HTTP sets it from the body (OpenAPI ignores it)',
    );
    expect(messages).toContain(
      'left-out: the response header X-Debug is left out: Specl headers hold a string, number, boolean or enum',
    );
    expect(messages.filter((m) => m.includes('response header'))).toHaveLength(2);
  });

  it('a spec with headers compiled and imported back has its fingerprint', async () => {
    const source = readFileSync(join(repoRoot, 'test/fixtures/response-headers.specl'), 'utf8');
    const ir = await lowerFiles({ '/h.specl': source }, '/h.specl');
    const compiled = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as unknown;
    const result = await importParsed(compiled, '/h/openapi.json');
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('error ClientError 4XX with RateLimit, Caching {');
    const back = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });
});
