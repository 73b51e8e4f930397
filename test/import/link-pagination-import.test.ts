import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@specl/compiler';
import { importParsed } from '@specl/import';
import { lowerFiles } from '../helpers/lower.js';

// `specl import` of Link-header pagination: an operation that pages as GitHub's do (a GET whose
// one 2xx answer declares `Link` and is a list) comes in as `paginated by link, items =
// response`; a spec with `paginated by link` compiled and imported back keeps its fingerprint.

const repo = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer' }, name: { type: 'string' } },
};
const list = {
  'application/json': { schema: { type: 'array', items: { $ref: '#/components/schemas/Repo' } } },
};
const link = { $ref: '#/components/headers/link' };

/** A GitHub-like document: `link` is a shared header, `per_page` and `page` query parameters. */
const document = {
  openapi: '3.1.0',
  info: { title: 'Repos', version: '1.0.0' },
  components: {
    schemas: { Repo: repo },
    headers: {
      link: {
        schema: { type: 'string' },
        example: '<https://api.github.com/x?page=2>; rel="next"',
      },
    },
  },
  paths: {
    '/repos': {
      get: {
        operationId: 'listRepos',
        parameters: [
          { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: { '200': { description: 'OK', headers: { Link: link }, content: list } },
      },
      post: {
        operationId: 'createRepo',
        responses: { '201': { description: 'Created', headers: { Link: link }, content: list } },
      },
    },
    // Found on GitHub's document: one list per media type is a union, with no one item type.
    '/starred': {
      get: {
        operationId: 'listStarred',
        responses: {
          '200': {
            description: 'OK',
            headers: { Link: link },
            content: {
              ...list,
              'application/vnd.github.star+json': {
                schema: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
    },
    '/repo': {
      get: {
        operationId: 'getRepo',
        responses: {
          '200': {
            description: 'OK',
            headers: { Link: link },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Repo' } } },
          },
        },
      },
    },
  },
};

describe('importing Link pagination', () => {
  it('pages a GET list that declares Link, and nothing else', async () => {
    const result = await importParsed(document, '/repos/openapi.json');
    const paginated = result.text.match(/^ {2}paginated .*$/gm);
    expect(paginated).toEqual(['  paginated by link, items = response']);
    const listing = result.text.slice(result.text.indexOf('endpoint listRepos'));
    expect(listing.slice(0, listing.indexOf('\n}\n'))).toContain(
      'paginated by link, items = response',
    );
    // The imported spec checks: the walk is valid.
    await lowerFiles({ '/r.specl': result.text }, '/r.specl');
  });

  it('a spec paginated by link, compiled and imported back, has its fingerprint', async () => {
    const source = [
      'spec Repos version "1.0.0"',
      'type Repo { id: Int, name: String }',
      'type Page { repos: List<Repo> }',
      'headers Paging { link "Link"?: String }',
      'endpoint listRepos GET /repos {',
      '  query page?: Int { min: 1 }',
      '  response 200 Page with Paging',
      '  paginated by link, items = response.repos',
      '}',
      // A list answer with Link but no clause stays unpaginated: Specl's own document says so.
      'endpoint plain GET /plain {\n  response 200 List<Repo> with Paging\n}',
    ].join('\n');
    const ir = await lowerFiles({ '/s.specl': source }, '/s.specl');
    const compiled = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as unknown;
    const result = await importParsed(compiled, '/s/openapi.json');
    expect(result.text).toContain('paginated by link, items = response.repos');
    expect(result.text.match(/paginated/g)).toHaveLength(1);
    const back = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });
});
