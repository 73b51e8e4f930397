import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { emitTypes } from '@specl/compiler';
import { answersSuccess, shapeForStatus } from '@specl/runtime';
import type { EndpointContract, ResponseShape } from '@specl/runtime';
import { urlSource, verify } from '@specl/verify';
import { lowerSource } from '../helpers/lower.js';
import { expectValidOpenApi, openApiOfIr } from '../compiler/openapi/openapi-helpers.js';
import { typeCheck } from '../compiler/typescript/typescript-helpers.js';
import { repoRoot, withServer } from './verify-helpers.js';

// Errors declared by a status range (`4XX`, `5XX`) or `default`, through OpenAPI, types.ts, the
// runtime's status precedence, and the verifier over HTTP.

const source = readFileSync(join(repoRoot, 'test/fixtures/status-ranges.specl'), 'utf8');
let ir: SpecIR;

beforeAll(async () => {
  ir = await lowerSource(source);
});

describe('the IR and OpenAPI of range and default errors', () => {
  it('keeps the range or default as the status', () => {
    const statuses = Object.fromEntries(
      ir.types.flatMap((t) => (t.kind === 'error' ? [[t.name, t.status]] : [])),
    );
    expect(statuses).toEqual({
      ClientError: '4XX',
      NotFound: 404,
      ServerError: '5XX',
      Unexpected: 'default',
    });
  });

  it('writes 4XX, 5XX and default keys, a range after its exact statuses, valid 3.1', async () => {
    const doc = openApiOfIr(ir);
    const responses = doc.paths['/items/{id}']!.get!.responses;
    expect(Object.keys(responses)).toEqual(['200', '404', '4XX', '5XX', 'default']);
    expect(responses['5XX']).toEqual({
      description: 'A server failure, answered without a body.',
      'x-specl-error': 'ServerError',
    });
    expect(doc.components.schemas['ClientError']!['x-specl-status']).toBe('4XX');
    await expectValidOpenApi(doc);
  });
});

describe('types.ts of range and default errors', () => {
  it('makes a handler name a concrete status of the range, not one declared exactly', () => {
    const types = emitTypes(ir, {})[0]!.content;
    expect(types).toContain(
      '| { status: Exclude<ClientErrorStatus, 404>; body: ClientError }\n  | { status: ServerErrorStatus }\n  | { status: number; body: Unexpected };',
    );
    const use = [
      "import type { GetItemResult, PingResult } from './types.js';",
      "export const a: GetItemResult = { status: 409, body: { message: 'conflict' } };",
      'export const b: GetItemResult = { status: 503 };',
      "export const c: GetItemResult = { status: 302, body: { reason: 'moved' } };",
      "export const d: PingResult = { status: 404, body: { message: 'any 4xx' } };",
      '// @ts-expect-error 404 is NotFound here, not a ClientError',
      "export const e: GetItemResult = { status: 404, body: { message: 'x', code: 'y' } };",
      '// @ts-expect-error 600 is in no range',
      'export const f: GetItemResult = { status: 600 };',
    ].join('\n');
    expect(typeCheck('status-ranges-strict', types, { 'use.ts': use })).toBe('');
  }, 60_000);
});

describe('which error covers a status', () => {
  const shapes: ResponseShape[] = [
    { status: 200 },
    { status: 404, error: 'NotFound' },
    { status: '4XX', error: 'ClientError' },
    { status: '5XX', error: 'ServerError' },
    { status: 'default', error: 'Unexpected' },
  ];
  it.each([
    [200, 200],
    [404, 'NotFound'],
    [400, 'ClientError'],
    [499, 'ClientError'],
    [500, 'ServerError'],
    [599, 'ServerError'],
    [302, 'Unexpected'],
    [201, 'Unexpected'],
    [600, 'Unexpected'],
  ])('%s → %s (exact, then range, then default)', (status, expected) => {
    const shape = shapeForStatus(shapes, status)!;
    expect(shape.error ?? shape.status).toBe(expected);
  });

  it('without a default, an undeclared status is covered by nothing', () => {
    expect(shapeForStatus(shapes.slice(0, 3), 503)).toBeUndefined();
  });

  it('a 2xx that only the default error covers is no success; a declared 2xx is', () => {
    const contract = { responses: shapes } as Partial<EndpointContract> as EndpointContract;
    expect(answersSuccess(contract, 200)).toBe(true);
    expect(answersSuccess(contract, 201)).toBe(false);
    expect(answersSuccess(contract, 404)).toBe(false);
    const noDefault = { responses: shapes.slice(0, 4) } as Partial<EndpointContract>;
    // Without a default an undeclared 2xx is a success status; the contract check reports it.
    expect(answersSuccess(noDefault as EndpointContract, 201)).toBe(true);
  });
});

/** How the server answers `getItem`, by the first hex digit of the id. */
interface Faults {
  /** The 4xx answer lacks `message`. */
  readonly badClientBody?: boolean;
  /** The 5xx answer has a body. */
  readonly bodyOn5xx?: boolean;
  /** The 3xx answer lacks `reason`. */
  readonly badDefaultBody?: boolean;
}

function itemServer(faults: Faults): Server {
  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/ping') return response.writeHead(204).end();
    const id = /^\/items\/([0-9a-f-]{36})$/.exec(url.pathname)?.[1];
    if (!id) return json(response, 404, { message: 'no such route' });
    const digit = parseInt(id[0]!, 16);
    if (digit < 4) return json(response, 200, { id, name: 'item' });
    if (digit < 8) return json(response, 409, faults.badClientBody ? {} : { message: 'conflict' });
    if (digit < 12)
      return faults.bodyOn5xx
        ? json(response, 503, { message: 'down' })
        : response.writeHead(503).end();
    return json(response, 302, faults.badDefaultBody ? { message: 'moved' } : { reason: 'moved' });
  });
}

async function verifyItems(faults: Faults) {
  return withServer(itemServer(faults), (base) =>
    verify({ ir, source: urlSource(base, 5_000), runs: 40, seed: 7, phases: ['endpoints'] }),
  );
}

describe('the verifier on range and default errors, over HTTP', () => {
  it('passes answers covered by a range or the default, and counts them', async () => {
    const report = await verifyItems({});
    const failed = report.checks.find((c) => c.status === 'failed')?.failure;
    expect(failed?.message).toBeUndefined();
    const exercised = (name: string) => report.coverage.find((c) => c.name === name)?.exercised;
    expect(exercised('getItem 4XX ClientError')).toBeGreaterThan(0);
    expect(exercised('getItem 5XX ServerError')).toBeGreaterThan(0);
    expect(exercised('getItem default Unexpected')).toBeGreaterThan(0);
  });

  it.each([
    [{ badClientBody: true }, /\(error ClientError\) does not match its type: \$\.message/],
    [{ bodyOn5xx: true }, /answered 503 with a body; the spec declares none \(error ServerError\)/],
    [{ badDefaultBody: true }, /\(error Unexpected\) does not match its type/],
  ])('catches %j', async (faults, message) => {
    const report = await verifyItems(faults);
    const failed = report.checks.filter((c) => c.status === 'failed');
    expect(failed.map((c) => c.name)).toEqual(['endpoint getItem']);
    expect(failed[0]!.failure!.message).toMatch(message);
  });
});
