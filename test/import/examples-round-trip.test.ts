import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '@specl/compiler';
import { importOpenApi, importParsed } from '@specl/import';
import { lowerFiles } from '../helpers/lower.js';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * The examples' compiled OpenAPI documents carry their specs (invariants, requires, ensures and
 * properties as x-specl-* extensions): imported back, they give the very same spec, down to its
 * fingerprint, with no warning — v0.1 constructs included (auth and security, servers with
 * variables, license, contact, tags, bodyless errors, text, bytes and multipart bodies,
 * examples, operation summaries).
 */
describe('importing what Specl compiled', () => {
  it.each(['vacation', 'ach-payments', 'product-similarity'])(
    '%s: imports with no warning, to the fingerprint of the spec it was compiled from',
    async (name) => {
      const file = join(repoRoot, 'examples', name, 'generated/openapi.json');
      const result = await importOpenApi(file, file);
      expect(result.warnings).toEqual([]);
      const ir = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
      const compiled = JSON.parse(readFileSync(file, 'utf8')) as { info: Record<string, string> };
      expect(ir.fingerprint).toBe(compiled.info['x-specl-fingerprint']);
    },
  );

  it('the types real APIs use: discriminated unions, open records, Json, Int32, Int64, Decimal, constants', async () => {
    const source = [
      'spec Pay version "1.0.0"',
      'type Card { kind: "card", last4: String { pattern: "^[0-9]{4}$" } }',
      'type BankAccount { kind: "bank", routingNumber: String, ...Map<Int32> }',
      'type PaymentMethod = Card | BankAccount by kind',
      'type Event { payload: Json, sequence: Int64, retries: Int32 { min: 0 }, amount: Decimal, n: 3 }',
      'endpoint pay POST /pay {',
      '  body PaymentMethod',
      '  response 200 Event',
      '}',
    ].join('\n');
    const ir = await lowerFiles({ '/pay.specl': source }, '/pay.specl');
    const document = JSON.parse(JSON.stringify(buildOpenApiDocument(ir))) as unknown;
    const result = await importParsed(document, '/pay/openapi.json');
    expect(result.warnings).toEqual([]);
    expect(result.text).toContain('type PaymentMethod = Card | BankAccount by kind');
    const back = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
    expect(back.fingerprint).toBe(ir.fingerprint);
  });
});
