import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { emitTypes } from '@specl/compiler';
import { lowerSource } from '../../helpers/lower.js';
import { repoRoot } from '../../helpers/run-cli.js';
import {
  expectValidOpenApi,
  irOf,
  openApiOfIr,
  schemaValidator,
} from '../openapi/openapi-helpers.js';
import type { GeneratedModule } from '../typescript/typescript-helpers.js';
import { OK, failure, load, typeCheck, validatorOf } from '../typescript/typescript-helpers.js';

// The types of v0.1 (Json, Int32, Int64, Decimal, constants, open records, discriminated
// unions) through the IR, OpenAPI, types.ts and its validators.

const source = readFileSync(join(repoRoot, 'test/fixtures/v01-types.specl'), 'utf8');
let ir: SpecIR;
let types: string;
let module: GeneratedModule;

beforeAll(async () => {
  ir = await lowerSource(source);
  types = emitTypes(ir, {})[0]!.content;
  module = await load('types-v01', types);
});

describe('OpenAPI of the v0.1 types', () => {
  it('is valid OpenAPI 3.1 and strict JSON Schema', async () => {
    await expectValidOpenApi(openApiOfIr(ir));
  });

  it('maps the built-in types and constants to their keywords', () => {
    const event = openApiOfIr(ir).components.schemas['Event']!;
    expect(event.properties).toEqual({
      payload: {},
      sequence: { type: 'integer', format: 'int64' },
      retries: { type: 'integer', format: 'int32', minimum: 0, maximum: 2 ** 31 - 1 },
      amount: { $ref: '#/components/schemas/Money' },
      kind: { type: 'string', const: 'transfer.created' },
      version: { type: 'integer', const: 2 },
      live: { type: 'boolean', const: true },
      note: {},
    });
    expect(openApiOfIr(ir).components.schemas['Money']).toEqual({
      type: 'string',
      format: 'decimal',
      examples: ['12.50'],
      description: 'A decimal amount of money, as payment APIs write it.',
    });
  });

  it('writes a UriTemplate as a string of format uri-template, its constraints beside', () => {
    expect(openApiOfIr(ir).components.schemas['OrderLinks']!.properties).toEqual({
      events: {
        type: 'string',
        format: 'uri-template',
        examples: ['https://api.example.com/orders/{id}/events{/event}{?page,per_page}'],
      },
      search: { type: 'string', format: 'uri-template', maxLength: 200 },
    });
  });

  it('opens a record to further fields of its `...Map<T>`, spread ones too', () => {
    const schemas = openApiOfIr(ir).components.schemas;
    expect(schemas['Labels']!.additionalProperties).toEqual({ type: 'string' });
    expect(schemas['TeamLabels']!.additionalProperties).toEqual({ type: 'string' });
    expect(schemas['Order']!.additionalProperties).toBe(false);
  });

  it('writes a discriminated union as oneOf with a discriminator mapping each tag', () => {
    const ref = (name: string) => `#/components/schemas/${name}`;
    expect(openApiOfIr(ir).components.schemas['PaymentMethod']).toEqual({
      oneOf: [{ $ref: ref('Card') }, { $ref: ref('BankAccount') }, { $ref: ref('Wallet') }],
      discriminator: {
        propertyName: 'kind',
        mapping: { card: ref('Card'), bank: ref('BankAccount'), wallet: ref('Wallet') },
      },
      description: 'A way to pay, told apart by `kind`.',
    });
  });

  it('accepts values as the types mean, and rejects the others', () => {
    const fits = schemaValidator(openApiOfIr(ir)).fits;
    expect(fits('Labels', { name: 'a', colour: 'red' })).toBe(true);
    expect(fits('Labels', { name: 'a', size: 3 })).toBe(false);
    expect(fits('PaymentMethod', { kind: 'wallet', provider: 'x' })).toBe(true);
    expect(fits('PaymentMethod', { kind: 'wallet', last4: '1234' })).toBe(false);
  });
});

describe('types.ts of the v0.1 types', () => {
  it('types constants as literals and open records with an index signature', () => {
    expect(types).toContain("kind: 'transfer.created';");
    expect(types).toContain('version: 2;');
    expect(types).toContain('payload: unknown;');
    expect(types).toMatch(
      /export interface Labels \{\n {2}name: string;\n[^}]*\[key: string\]: unknown;\n\}/,
    );
    expect(types).toContain('export type PaymentMethod = Card | BankAccount | Wallet;');
  });

  it('compiles under strict TypeScript, and a switch on the tag narrows', () => {
    const use = [
      "import type { PaymentMethod } from './types.js';",
      'export function describe(method: PaymentMethod): string {',
      '  switch (method.kind) {',
      "    case 'card': return method.last4;",
      "    case 'bank': return method.routingNumber;",
      "    case 'wallet': return method.provider;",
      '  }',
      '}',
    ].join('\n');
    expect(typeCheck('types-v01-strict', types, { 'use.ts': use })).toBe('');
  }, 60_000);
});

describe('the validators of the v0.1 types', () => {
  const event = {
    payload: { any: ['json', 1, null] },
    sequence: 2 ** 40,
    retries: 3,
    amount: '12.50',
    kind: 'transfer.created',
    version: 2,
    live: true,
  };

  it.each([
    ['Event', event, OK],
    [
      'Event',
      { ...event, retries: 2 ** 31 },
      failure('$.retries', 'expected a 32-bit integer, got 2147483648'),
    ],
    ['Event', { ...event, sequence: 1.5 }, failure('$.sequence', 'expected an integer, got 1.5')],
    [
      'Event',
      { ...event, amount: '1e5' },
      failure('$.amount', 'expected a decimal number as a string (such as "12.50"), got "1e5"'),
    ],
    [
      'Event',
      { ...event, amount: 12.5 },
      failure('$.amount', 'expected a decimal number as a string, got 12.5'),
    ],
    [
      'Event',
      { ...event, kind: 'transfer.deleted' },
      failure('$.kind', 'expected "transfer.created", got "transfer.deleted"'),
    ],
    ['Event', { ...event, version: 3 }, failure('$.version', 'expected 2, got 3')],
    [
      'Event',
      { ...event, payload: { at: new Date(0) } },
      failure('$.payload.at', expect.stringMatching(/^expected a JSON value, got/)),
    ],
    [
      'Event',
      { ...event, note: [Number.NaN] },
      failure('$.note[0]', 'expected a finite number (JSON has no NaN), got NaN'),
    ],
    ['Labels', { name: 'a', colour: 'red' }, OK],
    ['Labels', { name: 'a', size: 3 }, failure('$.size', 'expected a string, got 3')],
    ['TeamLabels', { team: 1, name: 'a', more: 'b' }, OK],
    ['PaymentMethod', { kind: 'card', last4: '1234' }, OK],
    [
      'PaymentMethod',
      { kind: 'card', last4: '12' },
      failure('$.last4', 'must match the pattern /^[0-9]{4}$/'),
    ],
    [
      'PaymentMethod',
      { kind: 'cash' },
      failure('$.kind', 'expected one of "card", "bank", "wallet", got "cash"'),
    ],
    [
      'PaymentMethod',
      { last4: '1234' },
      failure('$.kind', 'required field is missing: it tells the options of PaymentMethod apart'),
    ],
    ['PaymentMethod', 'card', failure('$', 'expected an object (PaymentMethod), got "card"')],
    ['OrderLinks', { events: 'https://a.io/{owner}/{+repo}{?ref}', search: '/s{?q}' }, OK],
    [
      'OrderLinks',
      { events: 'https://a.io/{owner' },
      failure('$.events', 'expected a URI template (RFC 6570), got "https://a.io/{owner"'),
    ],
    [
      'OrderLinks',
      { events: '/x', search: `/${'s'.repeat(200)}` },
      failure('$.search', expect.stringMatching(/maxLength|at most 200/)),
    ],
  ])('%s %j', (type, value, expected) => {
    expect(validatorOf(module, type)(value)).toEqual(expected);
  });
});

describe('fingerprints', () => {
  it('change with a constant, a discriminator or an open record', async () => {
    const base = 'type A { k: "a" }\ntype B { k: "b" }\n';
    const plain = await irOf(`${base}type U = A | B`);
    const tagged = await irOf(`${base}type U = A | B by k`);
    const open = await irOf(`type A { k: "a", ...Map<Int> }\ntype B { k: "b" }\ntype U = A | B`);
    const other = await irOf(`type A { k: "c" }\ntype B { k: "b" }\ntype U = A | B`);
    const prints = new Set([plain, tagged, open, other].map((spec) => spec.fingerprint));
    expect(prints.size).toBe(4);
  });
});
