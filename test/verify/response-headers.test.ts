import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { emitTypes } from '@specl/compiler';
import { sourceOfModule, urlSource, verify } from '@specl/verify';
import type { TargetSource } from '@specl/verify';
import { lowerSource } from '../helpers/lower.js';
import { expectValidOpenApi, openApiOfIr } from '../compiler/openapi/openapi-helpers.js';
import { typeCheck } from '../compiler/typescript/typescript-helpers.js';
import { repoRoot, withServer } from './verify-helpers.js';

// Response headers (`headers NAME { ... }`, `with NAME`) through the IR, OpenAPI, types.ts and
// the verifier: in process and over HTTP, a required header absent or a header whose text
// does not read as its type is caught, naming the header and its declaration.

const source = readFileSync(join(repoRoot, 'test/fixtures/response-headers.specl'), 'utf8');
let ir: SpecIR;

beforeAll(async () => {
  ir = await lowerSource(source);
});

describe('the IR and OpenAPI of response headers', () => {
  it('keeps each declaration, sorted, and the names a response or an error carries', () => {
    expect(ir.headers?.map((h) => h.name)).toEqual(['Caching', 'Created', 'RateLimit']);
    const rate = ir.headers!.find((h) => h.name === 'RateLimit')!;
    expect(rate.headers.map((h) => [h.name, h.wireName, h.optional])).toEqual([
      ['limit', 'X-RateLimit-Limit', false],
      ['remaining', 'X-RateLimit-Remaining', false],
      ['reset', 'X-RateLimit-Reset', true],
    ]);
    const create = ir.endpoints.find((e) => e.name === 'createItem')!;
    expect(create.responses[0]!.headers).toEqual(['Created', 'RateLimit']);
    const tooMany = ir.types.find((t) => t.name === 'TooMany');
    expect(tooMany?.kind === 'error' && tooMany.headers).toEqual(['RateLimit']);
  });

  it('writes components/headers and $refs by wire name on responses and errors, valid 3.1', async () => {
    const doc = openApiOfIr(ir);
    const headers = doc.components.headers!;
    expect(Object.keys(headers)).toEqual([
      'Caching.etag',
      'Caching.cache',
      'Caching.stale',
      'Created.location',
      'RateLimit.limit',
      'RateLimit.remaining',
      'RateLimit.reset',
    ]);
    expect(headers['RateLimit.remaining']).toEqual({
      required: true,
      schema: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
      'x-specl-wire-name': 'X-RateLimit-Remaining',
    });
    expect(headers['Caching.cache']).toEqual({
      schema: { $ref: '#/components/schemas/CacheStatus' },
      'x-specl-wire-name': 'X-Cache',
    });
    const responses = doc.paths['/items']!.post!.responses;
    expect(responses['201']!.headers).toEqual({
      Location: { $ref: '#/components/headers/Created.location' },
      'X-RateLimit-Limit': { $ref: '#/components/headers/RateLimit.limit' },
      'X-RateLimit-Remaining': { $ref: '#/components/headers/RateLimit.remaining' },
      'X-RateLimit-Reset': { $ref: '#/components/headers/RateLimit.reset' },
    });
    expect(Object.keys(responses['429']!.headers!)).toEqual([
      'X-RateLimit-Limit',
      'X-RateLimit-Remaining',
      'X-RateLimit-Reset',
    ]);
    const deleted = doc.paths['/items/{id}']!.delete!.responses['204']!;
    expect(deleted.content).toBeUndefined();
    expect(Object.keys(deleted.headers!)).toHaveLength(3);
    await expectValidOpenApi(doc);
  });

  it('a spec without headers has no components/headers and no response headers', async () => {
    const plain = await lowerSource('type A { x: Int }\nendpoint e GET /e { response 200 A }');
    expect(plain.headers).toBeUndefined();
    const doc = openApiOfIr(plain);
    expect(doc.components.headers).toBeUndefined();
    expect(doc.paths['/e']!.get!.responses['200']!.headers).toBeUndefined();
  });
});

describe('types.ts of response headers', () => {
  it('declares each set as an interface and puts `headers` in the result variant', () => {
    const types = emitTypes(ir, {})[0]!.content;
    expect(types).toContain('export interface RateLimit {');
    expect(types).toContain('| { status: 201; body: Item; headers: Created & RateLimit }');
    expect(types).toContain('| { status: 429; headers: RateLimit }');
    const use = [
      "import type { CreateItemResult, DeleteItemResult } from './types.js';",
      'const rate = { limit: 10, remaining: 9 };',
      "const item = { id: '6f1c1c3e-0000-4000-8000-000000000000', name: 'a' };",
      "export const a: CreateItemResult = { status: 201, body: item, headers: { location: 'https://x.example/items/1', ...rate } };",
      'export const b: DeleteItemResult = { status: 204, headers: { ...rate, reset: 60 } };',
      '// @ts-expect-error the rate-limit headers are required',
      'export const c: DeleteItemResult = { status: 204 };',
      '// @ts-expect-error `limit` is a number',
      "export const d: DeleteItemResult = { status: 204, headers: { limit: 'ten', remaining: 1 } };",
    ].join('\n');
    expect(typeCheck('response-headers-strict', types, { 'use.ts': use })).toBe('');
  }, 60_000);
});

/** How the implementation breaks the headers, if it does. */
interface Faults {
  /** Leaves `X-RateLimit-Limit` out. */
  readonly noLimit?: boolean;
  /** Answers `X-RateLimit-Remaining: -1` (below its `min: 0`). */
  readonly negativeRemaining?: boolean;
  /** Answers `X-RateLimit-Reset: soon` (not an Int). */
  readonly wordReset?: boolean;
  /** Answers `X-Cache: maybe` (not a member of CacheStatus). */
  readonly badCache?: boolean;
}

type Answer = { status: number; body?: unknown; headers: Record<string, unknown> };

/** In-process handlers of the fixture, breaking its headers as told. */
function handlers(faults: Faults) {
  const items = new Map<string, { id: string; name: string }>();
  const rate = (): Record<string, unknown> => ({
    ...(!faults.noLimit && { limit: 100 }),
    remaining: faults.negativeRemaining ? -1 : 99,
    ...(faults.wordReset ? { reset: 'soon' } : { reset: 60 }),
  });
  const caching = () => ({ etag: '"v1"', cache: faults.badCache ? 'maybe' : 'hit' });
  return {
    async getItem(r: { id: string }): Promise<Answer> {
      // Ids from 0 to 7 exist (random ids seldom name a created item).
      const item = items.get(r.id) ?? (/^[0-7]/.test(r.id) ? { id: r.id, name: 'old' } : undefined);
      if (!item) return { status: 404, body: { message: 'no item' }, headers: rate() };
      return { status: 200, body: item, headers: { ...rate(), ...caching() } };
    },
    async createItem(r: { body: { name: string } }): Promise<Answer> {
      const id = `6f1c1c3e-0000-4000-8000-${String(items.size).padStart(12, '0')}`;
      const item = { id, name: r.body.name };
      items.set(id, item);
      const location = `https://api.example/items/${id}`;
      return { status: 201, body: item, headers: { location, ...rate() } };
    },
    async deleteItem(r: { id: string }): Promise<Answer> {
      if (!items.delete(r.id))
        return { status: 404, body: { message: 'no item' }, headers: rate() };
      return { status: 204, headers: rate() };
    },
    async exportItem(r: { id: string }): Promise<Answer> {
      const item = items.get(r.id);
      if (!item) return { status: 404, body: { message: 'no item' }, headers: rate() };
      return { status: 200, body: item.name, headers: caching() };
    },
  };
}

/** The wire names of the fixture's headers, by Specl name. */
const WIRE: Record<string, string> = {
  limit: 'X-RateLimit-Limit',
  remaining: 'X-RateLimit-Remaining',
  reset: 'X-RateLimit-Reset',
  location: 'Location',
  etag: 'ETag',
  cache: 'X-Cache',
};

/** The same handlers behind HTTP: headers written under their wire names, as text. */
function httpServer(faults: Faults): Server {
  const h = handlers(faults);
  return createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const id = /^\/items\/([^/]+)/.exec(url.pathname)?.[1] ?? '';
      const answer = (() => {
        if (request.method === 'POST')
          return h.createItem({ body: JSON.parse(String(Buffer.concat(chunks))) });
        if (request.method === 'DELETE') return h.deleteItem({ id });
        if (url.pathname.endsWith('/export')) return h.exportItem({ id });
        return h.getItem({ id });
      })();
      void answer.then(({ status, body, headers }) => {
        const wire: Record<string, string> = {};
        for (const [name, value] of Object.entries(headers)) wire[WIRE[name]!] = String(value);
        if (body === undefined) return response.writeHead(status, wire).end();
        const text = typeof body === 'string';
        wire['content-type'] = text ? 'text/plain' : 'application/json';
        response.writeHead(status, wire).end(text ? body : JSON.stringify(body));
      });
    });
  });
}

const inProcess = (faults: Faults): TargetSource =>
  sourceOfModule({ createHandlers: () => handlers(faults) }, 'test handlers');

async function verifyWith(target: TargetSource) {
  return verify({ ir, source: target, runs: 25, seed: 12, phases: ['endpoints'] });
}

/** Each fault, what the failure says, and the declaration it names (as written, and where). */
const faultCases: [Faults, RegExp, string, string][] = [
  [
    { noLimit: true },
    /answered 20\d without the header X-RateLimit-Limit, which it must carry$/,
    'headers RateLimit { limit "X-RateLimit-Limit": Int }',
    'main.specl:10:3',
  ],
  [
    { negativeRemaining: true },
    /^the header X-RateLimit-Remaining of .* \(20\d\) is "-1", which does not match its type: must be >= 0, got -1$/,
    'headers RateLimit { remaining "X-RateLimit-Remaining": Int { min: 0 } }',
    'main.specl:11:3',
  ],
  [
    { wordReset: true },
    /^the header X-RateLimit-Reset of .* is "soon", which does not match its type: expected an integer/,
    'headers RateLimit { reset "X-RateLimit-Reset"?: Int }',
    'main.specl:12:3',
  ],
];

describe('the verifier on response headers, in process', () => {
  it('passes handlers that give every declared header of its type', async () => {
    const report = await verifyWith(inProcess({}));
    expect(report.checks.find((c) => c.status === 'failed')?.failure?.message).toBeUndefined();
  });

  it.each(faultCases)(
    'catches %j, naming the header and its declaration',
    async (faults, message, clause, at) => {
      const report = await verifyWith(inProcess(faults));
      const failed = report.checks.filter((c) => c.status === 'failed');
      expect(failed.length).toBeGreaterThan(0);
      const failure = failed[0]!.failure!;
      expect(failure.message).toMatch(message);
      expect(failure.kind).toBe('header');
      expect(failure.clause).toEqual({ source: clause, at });
    },
  );
});

describe('the verifier on response headers, over HTTP', () => {
  it('passes a server that sends every declared header as text of its type', async () => {
    const report = await withServer(httpServer({}), (base) => verifyWith(urlSource(base, 5_000)));
    expect(report.checks.find((c) => c.status === 'failed')?.failure?.message).toBeUndefined();
  });

  it.each([
    ...faultCases,
    [
      { badCache: true },
      /the header X-Cache of GET .* is "maybe"/,
      'headers Caching { cache "X-Cache"?: CacheStatus }',
      'main.specl:20:41',
    ] as [Faults, RegExp, string, string],
  ])('catches %j', async (faults, message, clause, at) => {
    const report = await withServer(httpServer(faults), (base) =>
      verifyWith(urlSource(base, 5_000)),
    );
    const failed = report.checks.filter((c) => c.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0]!.failure!.message).toMatch(message);
    expect(failed[0]!.failure!.clause).toEqual({ source: clause, at });
  });
});
