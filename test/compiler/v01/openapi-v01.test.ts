import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/run-cli.js';
import { expectValidOpenApi, irOf, lowerSources, openApiOf } from '../openapi/openapi-helpers.js';

const fixtures = join(repoRoot, 'test/fixtures');
const bank = readFileSync(join(fixtures, 'v01-bank.specl'), 'utf8');

describe('v0 specs keep their fingerprints', () => {
  const expected = JSON.parse(
    readFileSync(join(fixtures, 'v0-specs/fingerprints.json'), 'utf8'),
  ) as Record<string, string>;
  it.each(Object.keys(expected))('%s', async (file) => {
    const text = readFileSync(join(fixtures, 'v0-specs', file), 'utf8');
    const ir = await lowerSources({ [`/${file}`]: text }, `/${file}`);
    expect(ir.fingerprint).toBe(expected[file]);
  });

  it('`as "application/json"` means what no `as` means, fingerprint included', async () => {
    const plain = await irOf('type A { a: Int }\nendpoint e GET /a { response 200 A }');
    const written = await irOf(
      'type A { a: Int }\nendpoint e GET /a { response 200 A as "application/json" }',
    );
    expect(written.fingerprint).toBe(plain.fingerprint);
  });

  it('new keywords still name endpoints, parameters and fields', async () => {
    const ir = await irOf(
      'type T { tags: List<String>, security: String, deprecated: Bool }\n' +
        'endpoint tags GET /tags { query deprecated?: Bool\n query as?: String\n response 200 T }',
    );
    expect(ir.endpoints[0]!.name).toBe('tags');
    expect(ir.endpoints[0]!.query.map((q) => q.name)).toEqual(['deprecated', 'as']);
    expect(ir.endpoints[0]!.deprecated).toBeUndefined();
  });
});

describe('OpenAPI of the v0.1 constructs', () => {
  it('is valid OpenAPI 3.1 and strict JSON Schema', async () => {
    await expectValidOpenApi(await openApiOf(bank));
  });

  it('has servers with variables, license, contact, tags and security at the root', async () => {
    const doc = await openApiOf(bank);
    expect(doc.info.license).toEqual({ name: 'Apache-2.0', identifier: 'Apache-2.0' });
    expect(doc.info.contact).toEqual({
      name: 'Payments team',
      email: 'payments@bank.example',
      url: 'https://bank.example/help',
    });
    expect(doc.servers).toEqual([
      { url: 'https://api.bank.example/v1', description: 'Production.' },
      {
        url: 'https://{region}.sandbox.bank.example/v1',
        variables: {
          region: { default: 'eu', enum: ['eu', 'us'] },
        },
      },
    ]);
    expect(doc.security).toEqual([{ BearerToken: [] }]);
    expect(doc.tags).toEqual([
      { name: 'Money movement', description: 'Money movement.', 'x-specl-name': 'Transfers' },
    ]);
  });

  it('declares each security scheme as OpenAPI does', async () => {
    const doc = await openApiOf(bank);
    expect(doc.components.securitySchemes).toEqual({
      BearerToken: {
        type: 'http',
        description: 'Access tokens.',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      },
      Oauth: {
        type: 'oauth2',
        flows: {
          clientCredentials: {
            tokenUrl: 'https://id.bank.example/token',
            scopes: { 'payments:write': 'Make payments.' },
          },
        },
      },
      PartnerKey: { type: 'apiKey', name: 'X-Partner-Key', in: 'header' },
    });
  });

  it('gives operations summaries, tags, deprecation, their own security and a 401', async () => {
    const doc = await openApiOf(bank);
    const upload = doc.paths['/uploads']!.post!;
    expect(upload.summary).toBe('Upload');
    expect(upload.tags).toEqual(['Money movement']);
    expect(upload.deprecated).toBe(true);
    expect(upload.security).toEqual([{ Oauth: ['payments:write'] }, { PartnerKey: [] }]);
    expect(upload.responses['401']).toEqual({
      description: 'Unauthorized: credentials missing or not valid',
    });
    const health = doc.paths['/health']!.get!;
    expect(health.summary).toBe('Health of the service.');
    expect(health.security).toEqual([]);
    expect(health.responses['401']).toBeUndefined();
  });

  it('writes bodies under their media types, bodyless errors without content', async () => {
    const doc = await openApiOf(bank);
    const upload = doc.paths['/uploads']!.post!;
    expect(upload.requestBody!.content).toEqual({
      'multipart/form-data': { schema: { $ref: '#/components/schemas/Upload' } },
    });
    // No content; the error's name rides in an extension, for import to read back.
    expect(upload.responses['400']).toEqual({
      description: 'BadRequest',
      'x-specl-error': 'BadRequest',
    });
    expect(upload.responses['422']!.content).toEqual({
      'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
    });
    expect(doc.components.schemas['BadRequest']).toBeUndefined();
    expect(doc.paths['/health']!.get!.responses['200']!.content).toEqual({
      'text/plain': { schema: { type: 'string' } },
    });
    expect(doc.paths['/accounts/{id}/pdf']!.get!.responses['200']!.content).toEqual({
      'application/pdf': {},
      'application/json': { schema: { $ref: '#/components/schemas/Account' } },
    });
    expect(doc.components.schemas['Upload']!.properties!['file']).toEqual({
      type: 'string',
      contentMediaType: 'application/octet-stream',
    });
  });

  it('writes annotations as schema keywords', async () => {
    const doc = await openApiOf(bank);
    expect(doc.components.schemas['Account']!.properties!['id']).toEqual({
      type: 'string',
      format: 'uuid',
      examples: ['0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10'],
      readOnly: true,
    });
    const limit = doc.paths['/accounts/{id}/pdf']!.get!.parameters![1]!;
    expect(limit.schema).toEqual({ type: 'integer', minimum: 1, maximum: 100, default: 20 });
  });

  it('summarises an endpoint without a doc comment from its name', async () => {
    const doc = await openApiOf(
      'endpoint listHTTPLogs GET /a { response 204 }\nendpoint get_item GET /b { response 204 }',
    );
    expect(doc.paths['/a']!.get!.summary).toBe('List HTTP logs');
    expect(doc.paths['/b']!.get!.summary).toBe('Get item');
  });
});
