import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { urlSource, verify } from '@specl/verify';
import { achServer } from '../../examples/ach-payments/server/http-server.js';
import { createHandlers as pageBoundaryHandlers } from '../../examples/ach-payments/broken/page-boundary.js';
import { exampleIr } from '../examples/example-helpers.js';
import { repoRoot, withServer } from './verify-helpers.js';

// `pages` walks every page of a paginated endpoint over HTTP, through the same calls (and
// checks) as any property step: the ACH example's `historyIsComplete` ("walking every page
// returns each transfer exactly once") against its server, a server that loses a transfer at a
// page boundary (issue 14's planted defect), and servers whose walks never end.

const SPEC = 'examples/ach-payments/ach-payments.specl';

/** The line of the spec that holds `text` (so that edits above it move no expectation). */
function lineOf(text: string): number {
  const lines = readFileSync(join(repoRoot, SPEC), 'utf8').split('\n');
  return lines.findIndex((line) => line.includes(text)) + 1;
}
const SEEDS = [1, 2, 3];

async function verifyHistory(base: string, seed: number, runs = 60) {
  const source = urlSource(base, { credentials: { BearerToken: 'test-token' } });
  return verify({
    ir: await exampleIr(SPEC),
    source,
    runs,
    seed,
    phases: ['properties'],
    properties: ['historyIsComplete'],
  });
}

/** The ACH server, except that listing transfers answers what `page` makes of the cursor. */
function listingServer(page: (cursor: string | null) => unknown) {
  const inner = achServer();
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && /^\/accounts\/[^/]+\/transfers$/.test(url.pathname)) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(page(url.searchParams.get('cursor'))));
    } else inner.emit('request', request, response);
  });
}

describe('walking every page (`pages`) over HTTP', () => {
  it('passes the example server, whose cursors survive new transfers', async () => {
    const report = await withServer(achServer(), (base) => verifyHistory(base, 1, 30));
    expect(report.checks.map((c) => [c.name, c.status, c.runs])).toEqual([
      ['property historyIsComplete', 'passed', 30],
    ]);
  });

  it.each(SEEDS)(
    'catches a transfer lost at a page boundary (equal posting seconds), at seed %i',
    async (seed) => {
      const report = await withServer(achServer(pageBoundaryHandlers()), (base) =>
        verifyHistory(base, seed, 100),
      );
      const [check] = report.checks;
      expect(check).toMatchObject({ name: 'property historyIsComplete', status: 'failed' });
      expect(check!.failure).toMatchObject({ kind: 'expect' });
      expect(check!.failure!.clause!.source).toMatch(/^len\(history\) == 3$|one h in history/);
      // The counterexample shows the walk: a second page asked for with the first's cursor.
      const pages = check!.failure!.exchanges.filter((e) => e.sent.endpoint === 'listTransfers');
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages[1]!.sent.request).toHaveProperty('cursor');
    },
  );

  it('fails a walk given a cursor it saw before, naming the page and the cursor', async () => {
    const server = listingServer((cursor) => ({
      items: [],
      nextCursor: cursor === 'b' ? 'a' : cursor === 'a' ? 'b' : 'a',
    }));
    const report = await withServer(server, (base) => verifyHistory(base, 1, 5));
    const failure = report.checks[0]!.failure!;
    expect(failure.kind).toBe('pages');
    expect(failure.message).toBe(
      'page 3 (cursor "b"): response.nextCursor is "a", the cursor page 2 was already asked for with: the walk would go round for ever',
    );
    expect(failure.clause).toEqual({
      source: 'pages listTransfers(id: from.id, limit: size)',
      at: `ach-payments.specl:${lineOf('let history = pages listTransfers(')}:3`,
    });
  });

  it('fails a page that does not succeed, naming the page and the cursor', async () => {
    const inner = achServer();
    const server = createServer((request, response) => {
      if (request.url?.includes('cursor=')) {
        response.writeHead(503).end();
      } else inner.emit('request', request, response);
    });
    const report = await withServer(server, (base) => verifyHistory(base, 2, 30));
    const failure = report.checks[0]!.failure!;
    expect(failure.kind).toBe('status');
    expect(failure.message).toMatch(
      /^page 2 \(cursor "\d+"\) of pages listTransfers\(id: from\.id, limit: size\): GET \/accounts\/\{id\}\/transfers answered 503/,
    );
  });
});
