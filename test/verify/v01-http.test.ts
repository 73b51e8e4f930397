import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Styles } from '@specl/verify';
import { formatPrettyReport, verify, urlSource } from '@specl/verify';
import { lowerSources } from '../compiler/openapi/openapi-helpers.js';
import { repoRoot, withServer } from './verify-helpers.js';

// The verifier over HTTP on the v0.1 constructs: a bodyless 400, a text/plain answer, a
// multipart upload, and a bearer-protected endpoint (requests without credentials must fail).

const spec = readFileSync(join(repoRoot, 'test/fixtures/v01-http.specl'), 'utf8');
const irPromise = lowerSources({ '/docs.specl': spec }, '/docs.specl');
const TOKEN = 'sekret-token-7f3a';
const plain = (text: string) => text;
const plainStyles: Styles = { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };

/** How the test server may misbehave. */
interface Faults {
  /** Serve protected endpoints without looking at credentials. */
  readonly ignoreAuth?: boolean;
  /** Put a body on the bodyless 400. */
  readonly bodyOn400?: boolean;
  /** Answer the health check as JSON. */
  readonly jsonHealth?: boolean;
  /** Store the title of an upload wrong. */
  readonly wrongTitle?: boolean;
}

async function readRequest(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A document store over node:http, with the faults asked for. */
function docsServer(faults: Faults = {}): Server {
  let next = 1;
  const seen: string[] = [];
  const server = createServer(async (request, response: ServerResponse) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const raw = await readRequest(request);
    seen.push(request.headers.authorization ?? '');
    if (request.method === 'GET' && url.pathname === '/health') {
      if (faults.jsonHealth)
        return response.writeHead(200, { 'content-type': 'application/json' }).end('"ok"');
      return response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    }
    if (!faults.ignoreAuth && request.headers.authorization !== `Bearer ${TOKEN}`)
      return response.writeHead(401).end();
    if (request.method === 'POST' && url.pathname === '/documents') {
      const form = await new Request('http://localhost/', {
        method: 'POST',
        headers: { 'content-type': request.headers['content-type'] ?? '' },
        body: raw,
      }).formData();
      const file = form.get('file');
      const title = form.get('title');
      if (typeof title !== 'string' || !(file instanceof Blob))
        return response.writeHead(400).end();
      const stored = {
        id: next++,
        title: faults.wrongTitle ? `${title}!` : title,
        size: file.size,
      };
      return response
        .writeHead(201, { 'content-type': 'application/json' })
        .end(JSON.stringify(stored));
    }
    const size = /^\/documents\/(\d+)\/size$/.exec(url.pathname);
    if (request.method === 'GET' && size) {
      if (Number(url.searchParams.get('page') ?? 1) > 100) {
        if (faults.bodyOn400)
          return response
            .writeHead(400, { 'content-type': 'application/json' })
            .end('{"message":"page"}');
        return response.writeHead(400).end();
      }
      return response.writeHead(200, { 'content-type': 'application/json' }).end('7');
    }
    response.writeHead(404).end();
  });
  return Object.assign(server, { seen });
}

async function verifyAgainst(
  faults: Faults,
  credentials: Record<string, string> = { Token: TOKEN },
) {
  const ir = await irPromise;
  return withServer(docsServer(faults), (base) =>
    verify({
      ir,
      source: urlSource(base, { timeoutMs: 5_000, credentials }),
      runs: 15,
      seed: 42,
      phases: ['endpoints'],
    }),
  );
}

const statuses = (report: Awaited<ReturnType<typeof verifyAgainst>>) =>
  Object.fromEntries(report.checks.map((check) => [check.name, check.status]));

describe('the verifier over HTTP, on v0.1 bodies and bearer auth', () => {
  it('passes a server that keeps the contract, and exercises the bodyless 400', async () => {
    const report = await verifyAgainst({});
    const failure = report.checks.find((c) => c.status === 'failed')?.failure;
    expect(failure && [failure.message, JSON.stringify(failure.exchanges)]).toBeUndefined();
    expect(statuses(report)).toEqual({
      'endpoint health': 'passed',
      'endpoint size': 'passed',
      'endpoint upload': 'passed',
      'endpoint size without credentials': 'passed',
      'endpoint upload without credentials': 'passed',
    });
    const status400 = report.coverage.find((c) => c.name === 'size 400 BadRequest');
    expect(status400!.exercised).toBeGreaterThan(0);
    expect(JSON.stringify(report)).not.toContain(TOKEN);
  });

  it('catches a protected endpoint that answers without credentials', async () => {
    const report = await verifyAgainst({ ignoreAuth: true });
    const failed = report.checks.filter((c) => c.status === 'failed');
    expect(failed.map((c) => c.name)).toEqual([
      'endpoint size without credentials',
      'endpoint upload without credentials',
    ]);
    expect(failed[0]!.failure!.message).toMatch(
      /answered 200 to a request without credentials; a protected endpoint refuses it with 401/,
    );
  });

  it('catches a body on a bodyless error, a JSON health check and a wrong upload', async () => {
    const report = await verifyAgainst({ bodyOn400: true, jsonHealth: true, wrongTitle: true });
    const messages = Object.fromEntries(
      report.checks.filter((c) => c.status === 'failed').map((c) => [c.name, c.failure!.message]),
    );
    expect(messages['endpoint health']).toMatch(
      /answered with content type application\/json, not one declared \(text\/plain\)/,
    );
    expect(messages['endpoint size']).toMatch(/answered 400 with a body; the spec declares none/);
    expect(messages['endpoint upload']).toMatch(/ensures failed/);
  });

  it('discards the runs of a protected endpoint it has no credentials for', async () => {
    const report = await verifyAgainst({}, {});
    expect(statuses(report)['endpoint upload']).toBe('discarded');
    expect(statuses(report)['endpoint health']).toBe('passed');
    // Not "its preconditions never held": the report says what is missing and how to give it.
    const upload = report.checks.find((c) => c.name === 'endpoint upload')!;
    expect(upload.discardReason).toBe(
      'no credentials were given for upload, which needs Token: pass --auth Token=VALUE or set SPECL_AUTH_TOKEN',
    );
    expect(formatPrettyReport(report, plainStyles, (at) => at)).toContain(
      `endpoint upload: every run was discarded (0 runs, ${upload.discarded} discarded); no credentials were given for upload`,
    );
  });
});
