import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { urlSource, verify } from '@specl/verify';
import { lowerSource } from '../helpers/lower.js';
import { expectValidOpenApi, openApiOfIr } from '../compiler/openapi/openapi-helpers.js';
import { withServer } from './verify-helpers.js';

// Declared 3xx responses (a redirect, Not Modified), as real APIs declare them (GitHub: 304 on
// 158 operations, 301/302 on 32): checked as declared over HTTP, never followed, no success.

const source = `spec Repos version "1.0.0"
type Repo { id: Int, name: String }
error NotFound 404 { message: String }
endpoint getRepo GET /repos/{id: Int { min: 0 }} {
  header ifNoneMatch "If-None-Match"?: String
  response 200 Repo
  response 301
  response 304
  errors NotFound
  ensures response?.id == id
}
`;
let ir: SpecIR;
beforeAll(async () => {
  ir = await lowerSource(source);
});

/** How many times the verifier went where a redirect points (it must never). */
let followed = 0;

/**
 * Redirects ids divisible by 5 to `movedTo` (on this server, where the answer would break the
 * spec), answers 304 to an even-length If-None-Match.
 */
function repoServer(movedStatus: number, movedTo: string): Server {
  return createServer((request, response) => {
    const id = Number(/^\/repos\/(\d+)$/.exec(request.url ?? '')?.[1] ?? -1);
    if (request.url?.startsWith('/elsewhere')) {
      followed++;
      return response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    }
    const tag = request.headers['if-none-match'];
    if (typeof tag === 'string' && tag.length % 2 === 0) return response.writeHead(304).end();
    if (id % 5 === 0) return response.writeHead(movedStatus, { location: movedTo }).end();
    response
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ id, name: 'specl' }));
  });
}

const verifyRepos = (server: Server) =>
  withServer(server, (base) =>
    verify({ ir, source: urlSource(base, 5_000), runs: 60, seed: 11, phases: ['endpoints'] }),
  );

describe('declared 3xx responses', () => {
  it('compile to OpenAPI responses with their reason phrases, valid 3.1', async () => {
    const doc = openApiOfIr(ir);
    expect(doc.paths['/repos/{id}']!.get!.responses['301']).toEqual({
      description: 'Moved Permanently',
    });
    expect(doc.paths['/repos/{id}']!.get!.responses['304']).toEqual({
      description: 'Not Modified',
    });
    await expectValidOpenApi(doc);
  });

  it('are checked as declared over HTTP, never followed, and hold no ensures', async () => {
    followed = 0;
    const report = await verifyRepos(repoServer(301, '/elsewhere'));
    expect(report.checks.find((c) => c.status === 'failed')?.failure?.message).toBeUndefined();
    const exercised = (name: string) => report.coverage.find((c) => c.name === name)?.exercised;
    expect(exercised('getRepo 301')).toBeGreaterThan(0);
    expect(exercised('getRepo 304')).toBeGreaterThan(0);
    expect(followed).toBe(0);
  });

  it('an undeclared redirect is a failure naming the declared statuses', async () => {
    const report = await verifyRepos(repoServer(302, '/elsewhere'));
    const failed = report.checks.filter((c) => c.status === 'failed');
    expect(failed.map((c) => c.name)).toEqual(['endpoint getRepo']);
    expect(failed[0]!.failure!.message).toMatch(
      /answered 302, which the spec does not declare \(declared: 200, 301, 304, 404 NotFound\)/,
    );
  });
});
