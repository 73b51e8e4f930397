import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { emitTypes, propertiesModule } from '@specl/compiler';
import { sourceOfModule, urlSource, verify } from '@specl/verify';
import type { TargetSource } from '@specl/verify';
import { lowerSource } from '../helpers/lower.js';
import { typeCheck } from '../compiler/typescript/typescript-helpers.js';
import { loadProperties } from '../compiler/properties/load-properties.js';
import type { CompiledContract, ContractViolation } from '@specl/runtime';
import { ExchangeChecker } from '@specl/runtime';
import { withServer } from './verify-helpers.js';

// `headers.NAME` in `ensures`: a postcondition on the answer's headers, each read as its type
// (numbers as numbers), by wire names in any case, checked in process and over HTTP; a server
// that breaks one is caught naming the clause, one that keeps them all passes.

const source = [
  'spec Items version "1.0.0"',
  'type Item { id: String, name: String }',
  'type NewItem { name: String }',
  'headers RateLimit {',
  '  limit "X-RateLimit-Limit": Int { min: 1 }',
  // Declared in lower case: the servers send it as `X-RateLimit-Remaining`.
  '  remaining "x-ratelimit-remaining": Int { min: 0 }',
  '  reset "X-RateLimit-Reset"?: Int',
  '}',
  'headers Created { location "Location": String }',
  'endpoint createItem POST /items {',
  '  body NewItem',
  '  response 201 Item with Created, RateLimit',
  '  ensures headers.remaining < headers.limit',
  '  ensures headers.location == "/items/" + response.id',
  '  ensures headers.reset == null or headers.reset > 0',
  '}',
].join('\n');

let ir: SpecIR;

beforeAll(async () => {
  ir = await lowerSource(source);
});

/** How the implementation breaks the postconditions, if it does. */
interface Faults {
  /** Answers `remaining` equal to `limit` (breaks `headers.remaining < headers.limit`). */
  readonly exhausted?: boolean;
  /** Answers a `Location` that is not the item's (breaks the second clause). */
  readonly wrongLocation?: boolean;
  /** Answers `reset: 0` (breaks `headers.reset == null or headers.reset > 0`). */
  readonly zeroReset?: boolean;
  /** Leaves `reset` out (keeps the third clause: it is optional). */
  readonly noReset?: boolean;
}

interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
}

/** In-process handlers: headers by Specl name, numbers as numbers. */
function handlers(faults: Faults) {
  let next = 0;
  return {
    async createItem(r: { body: { name: string } }): Promise<Answer> {
      const id = `item-${next++}`;
      const headers: Record<string, unknown> = {
        location: faults.wrongLocation ? `/items/other-${id}` : `/items/${id}`,
        limit: 100,
        remaining: faults.exhausted ? 100 : 99 - (next % 50),
      };
      if (!faults.noReset) headers['reset'] = faults.zeroReset ? 0 : 30;
      return { status: 201, body: { id, name: r.body.name }, headers };
    },
  };
}

/** The wire names the servers send, in a case other than the spec's for `remaining`. */
const WIRE: Record<string, string> = {
  location: 'Location',
  limit: 'X-RateLimit-Limit',
  remaining: 'X-RateLimit-Remaining',
  reset: 'X-RateLimit-Reset',
};

/** The same handlers behind HTTP on 127.0.0.1: headers as text under their wire names. */
function httpServer(faults: Faults): Server {
  const h = handlers(faults);
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(String(Buffer.concat(chunks))) as { name: string };
      void h.createItem({ body }).then((answer) => {
        const wire: Record<string, string> = { 'content-type': 'application/json' };
        for (const [name, value] of Object.entries(answer.headers))
          wire[WIRE[name]!] = String(value);
        response.writeHead(answer.status, wire).end(JSON.stringify(answer.body));
      });
    });
  });
}

const inProcess = (faults: Faults): TargetSource =>
  sourceOfModule({ createHandlers: () => handlers(faults) }, 'test handlers');

const run = (target: TargetSource) =>
  verify({ ir, source: target, runs: 15, seed: 7, phases: ['endpoints'] });

/** Each fault and the clause it breaks, as written and where. */
const broken: [string, Faults, string, string][] = [
  [
    'remaining == limit',
    { exhausted: true },
    'headers.remaining < headers.limit',
    'main.specl:13:3',
  ],
  [
    'a Location elsewhere',
    { wrongLocation: true },
    'headers.location == "/items/" + response.id',
    'main.specl:14:3',
  ],
  ['reset 0', { zeroReset: true }, 'headers.reset == null or headers.reset > 0', 'main.specl:15:3'],
];

describe('properties.ts of an ensures on headers', () => {
  it('types the headers by their declarations and compiles under strict TypeScript', () => {
    const properties = propertiesModule(ir);
    expect(properties).toContain('readsHeaders: true,');
    expect(properties).toContain(
      'headers: { readonly location: string; readonly limit: number; readonly remaining: number; readonly reset?: number }) => headers.remaining < headers.limit',
    );
    const types = emitTypes(ir, {})[0]!.content;
    expect(typeCheck('header-ensures', types, { 'properties.ts': properties })).toBe('');
  }, 60_000);
});

describe.each([
  ['in process', (faults: Faults) => run(inProcess(faults))],
  [
    'over HTTP',
    (faults: Faults) => withServer(httpServer(faults), (base) => run(urlSource(base, 5_000))),
  ],
])('the verifier on an ensures on headers, %s', (_, verifyWith) => {
  it.each([
    ['every header as declared', {}],
    ['the optional header left out', { noReset: true }],
  ])('passes a server that keeps them: %s', async (_, faults) => {
    const report = await verifyWith(faults);
    expect(report.checks.find((c) => c.status === 'failed')?.failure?.message).toBeUndefined();
    expect(report.checks.some((c) => c.status === 'passed')).toBe(true);
  });

  it.each(broken)('catches %s, naming the clause', async (_, faults, clause, at) => {
    const report = await verifyWith(faults);
    const failure = report.checks.find((c) => c.status === 'failed')?.failure;
    expect(failure?.kind).toBe('ensures');
    expect(failure?.message).toMatch(/ensures failed$/);
    expect(failure?.clause).toEqual({ source: clause, at });
  });
});

describe('the exchange checker (middleware, proxy) on an ensures on headers', () => {
  const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
  let checker: ExchangeChecker;
  beforeAll(async () => {
    const { properties } = await loadProperties('header-ensures', ir);
    checker = new ExchangeChecker(properties as unknown as CompiledContract);
  });

  /** The violations of one exchange: a valid request, the answer with these headers. */
  const answer = (headers: Record<string, unknown> | undefined) => {
    const routed = checker.route('POST', '/items')!;
    const body = { contentType: 'application/json', bytes: bytes({ name: 'a' }) };
    const checked = checker.checkRequest(
      routed,
      '/items',
      { 'content-type': 'application/json' },
      body,
    );
    const reply = { contentType: 'application/json', bytes: bytes({ id: '7', name: 'a' }) };
    return checker
      .checkResponse(checked, 201, reply, headers)
      .map((v: ContractViolation) => [v.kind, v.clause?.source]);
  };

  it('keeps an answer whose headers keep every clause, the names in any case', () => {
    expect(
      answer({ LOCATION: '/items/7', 'x-ratelimit-limit': '10', 'X-RATELIMIT-REMAINING': '9' }),
    ).toEqual([]);
  });

  it('reports each clause the headers break, read as numbers (9 < 10, not "9" < "10")', () => {
    expect(
      answer({
        Location: '/items/8',
        'X-RateLimit-Limit': '10',
        'X-RateLimit-Remaining': '10',
        'X-RateLimit-Reset': '0',
      }),
    ).toEqual([
      ['ensures', 'headers.remaining < headers.limit'],
      ['ensures', 'headers.location == "/items/" + response.id'],
      ['ensures', 'headers.reset == null or headers.reset > 0'],
    ]);
  });

  it('does not judge a clause that reads headers where the headers are not given', () => {
    expect(answer(undefined)).toEqual([]);
  });
});
