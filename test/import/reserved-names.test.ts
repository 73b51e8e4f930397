import { describe, expect, it } from 'vitest';
import { importParsed } from '@specl/import';
import { reservedWords } from '@specl/language';
import { lowerFiles } from '../helpers/lower.js';

describe('names an import gives', () => {
  it('come from the grammar: what a rule cannot read is reserved for it', () => {
    expect(reservedWords('Ident').has('type')).toBe(true);
    // Keywords that arrived after v0 may name endpoints and parameters, ...
    expect(reservedWords('Ident').has('tags')).toBe(false);
    // ... not all of them types, and none of them auth schemes or tags.
    expect(reservedWords('TypeName').has('tags')).toBe(true);
    expect(reservedWords('TypeName').has('auth')).toBe(false);
    expect(reservedWords('ID').has('auth')).toBe(true);
    expect(reservedWords('ID').has('none')).toBe(true);
  });

  it('avoid the keywords each place cannot take, so the spec checks', async () => {
    const object = { type: 'object', properties: { id: { type: 'integer' } } };
    const document = {
      openapi: '3.1.0',
      info: { title: 'Words', version: '1.0.0' },
      tags: [{ name: 'auth' }, { name: 'none' }],
      components: {
        securitySchemes: { security: { type: 'http', scheme: 'bearer' } },
        schemas: { tags: object, latency: object, auth: object, List: object },
      },
      paths: {
        '/items': {
          get: {
            operationId: 'tags',
            tags: ['auth', 'none'],
            security: [{ security: [] }],
            parameters: [{ name: 'deprecated', in: 'query', schema: { type: 'boolean' } }],
            responses: {
              '200': {
                description: 'ok',
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      additionalProperties: false,
                      properties: {
                        a: { $ref: '#/components/schemas/tags' },
                        b: { $ref: '#/components/schemas/latency' },
                        c: { $ref: '#/components/schemas/auth' },
                        d: { $ref: '#/components/schemas/List' },
                      },
                    },
                  },
                },
              },
            },
          },
        },
      },
    };
    const result = await importParsed(document, '/words/openapi.json');
    await lowerFiles({ '/words.specl': result.text }, '/words.specl');
    // A tag or scheme named by a keyword gets a name of its own; the tag keeps its text.
    expect(result.text).toMatch(/^tag Auth2 "auth"$/m);
    expect(result.text).toMatch(/^tag None "none"$/m);
    expect(result.text).toMatch(/^auth Security bearer$/m);
    expect(result.text).toMatch(/^type Tags \{$/m);
    expect(result.text).toMatch(/^type Latency \{$/m);
    expect(result.text).toMatch(/^type auth \{$/m);
    expect(result.text).toMatch(/^type ListType \{$/m);
    // Names are told apart regardless of case: `Tags` took `tags`.
    expect(result.text).toMatch(/^endpoint tags2 GET \/items \{$/m);
    expect(result.text).toContain('query deprecated?: Bool');
  });
});
