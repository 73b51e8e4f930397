import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { buildOpenApiDocument, propertiesModule } from '@specl/compiler';
import { sourceOfModule, urlSource, verify } from '@specl/verify';
import type { TargetSource } from '@specl/verify';
import { lowerSource } from '../helpers/lower.js';
import { withServer } from './verify-helpers.js';

// `paginated by link`: `pages` follows each answer's `Link: <url>; rel="next"` (as GitHub pages),
// over HTTP against a real server on 127.0.0.1 and in process; a next URL on another origin, on
// another path, with a query parameter the endpoint does not declare, asked for before, or a
// Link header past its bound fails the walk naming the URL; one that keeps them all passes.

const source = [
  'spec Repos version "1.0.0"',
  'type Repo { id: Int { min: 1 }, name: String }',
  'type NewRepo { name: String }',
  'headers Paging { link "Link"?: String }',
  'endpoint createRepo POST /repos {',
  '  body NewRepo',
  '  response 201 Repo',
  '}',
  'endpoint listRepos GET /repos {',
  '  query page?: Int { min: 1 }',
  '  query per_page?: Int { min: 1, max: 100 }',
  '  response 200 List<Repo> with Paging',
  '  paginated by link, items = response',
  '}',
  'property listingIsComplete {',
  '  forall a: NewRepo, b: NewRepo',
  '  let x = createRepo(body: a)',
  '  let y = createRepo(body: b)',
  '  let seen = pages listRepos(per_page: 1)',
  '  expect all t in [x, y]: one s in seen: s.id == t.id',
  '}',
].join('\n');

let ir: SpecIR;

beforeAll(async () => {
  ir = await lowerSource(source);
});

/** What the next link of a page is, given the origin and the next page's number and size. */
type NextLink = (origin: string, page: number, size: number) => string;

const honest: NextLink = (origin, page, size) =>
  `<${origin}/repos?page=${page}&per_page=${size}>; rel="next", <${origin}/repos?page=1&per_page=${size}>; rel="first"`;

interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** A repository store answering pages of `per_page` with the next link `next` makes. */
function store(next: NextLink, origin: string) {
  const repos: { id: number; name: string }[] = [];
  return {
    async createRepo(r: { body: { name: string } }): Promise<Answer> {
      const repo = { id: repos.length + 1, name: r.body.name };
      repos.push(repo);
      return { status: 201, body: repo };
    },
    async listRepos(r: { page?: number; per_page?: number }): Promise<Answer> {
      const page = r.page ?? 1;
      const size = r.per_page ?? 30;
      const body = repos.slice((page - 1) * size, page * size);
      const more = page * size < repos.length;
      return { status: 200, body, headers: more ? { link: next(origin, page + 1, size) } : {} };
    },
  };
}

/** The store behind HTTP on 127.0.0.1: links absolute, on the server's own origin. */
function httpServer(next: NextLink): Server {
  let handlers: ReturnType<typeof store> | undefined;
  const server = createServer((request, response) => {
    const address = server.address();
    const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    handlers ??= store(next, origin);
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', origin);
      const query = (name: string) =>
        url.searchParams.has(name) ? Number(url.searchParams.get(name)) : undefined;
      const answer =
        request.method === 'POST'
          ? handlers!.createRepo({ body: JSON.parse(String(Buffer.concat(chunks))) })
          : handlers!.listRepos({ page: query('page'), per_page: query('per_page') });
      void answer.then(({ status, body, headers }) => {
        const wire = {
          'content-type': 'application/json',
          ...(headers?.link && { Link: headers.link }),
        };
        response.writeHead(status, wire).end(JSON.stringify(body));
      });
    });
  });
  return server;
}

/** The store in process: links relative (an in-process handler has no origin). */
const inProcess = (next: NextLink): TargetSource =>
  sourceOfModule({ createHandlers: () => store(next, '') }, 'test handlers');

const run = (target: TargetSource) =>
  verify({ ir, source: target, runs: 8, seed: 5, phases: ['properties'] });

const overHttp = (next: NextLink) =>
  withServer(httpServer(next), (base) => run(urlSource(base, 5_000)));

describe('the compiled walk of `paginated by link`', () => {
  it('is `x-specl-pagination: { by: "link" }` in OpenAPI and `by: link` in properties.ts', () => {
    const doc = buildOpenApiDocument(ir);
    expect(doc.paths['/repos']!.get!['x-specl-pagination']).toEqual({ by: 'link', items: '' });
    expect(propertiesModule(ir)).toContain(
      `{ source: 'pages listRepos(per_page: 1)', at: 'main.specl:19:3', by: 'link', items: [] }`,
    );
  });
});

describe('walking Link pages', () => {
  it('over HTTP: follows every rel="next" on the server, each item once', async () => {
    const report = await overHttp(honest);
    expect(report.checks.map((c) => [c.name, c.status, c.failure?.message])).toEqual([
      ['property listingIsComplete', 'passed', undefined],
    ]);
  });

  it('in process: follows relative links', async () => {
    const report = await run(inProcess(honest));
    expect(report.checks.map((c) => [c.name, c.status, c.failure?.message])).toEqual([
      ['property listingIsComplete', 'passed', undefined],
    ]);
  });

  it('catches a server whose next link skips a page (the property fails, not the walk)', async () => {
    const skipping: NextLink = (origin, page, size) =>
      `<${origin}/repos?page=${page + 1}&per_page=${size}>; rel="next"`;
    const report = await overHttp(skipping);
    expect(report.checks[0]!.failure?.kind).toBe('expect');
  });

  it.each([
    [
      'another origin',
      (_: string, page: number, size: number) =>
        `<http://evil.example/repos?page=${page}&per_page=${size}>; rel="next"`,
      /^page 1: its next link "http:\/\/evil\.example\/repos\?page=2&per_page=1" is not on the target's origin \(http:\/\/127\.0\.0\.1:\d+\); the walk does not follow it$/,
    ],
    [
      'another path',
      (origin: string, page: number) => `<${origin}/admin/repos?page=${page}>; rel="next"`,
      /^page 1: its next link "http:\/\/127\.0\.0\.1:\d+\/admin\/repos\?page=2" is not a path of GET \/repos; the walk does not follow it$/,
    ],
    [
      'an undeclared query parameter',
      (origin: string, page: number) => `<${origin}/repos?page=${page}&token=x>; rel="next"`,
      /its next link ".*\/repos\?page=2&token=x" carries the query parameter "token", which listRepos does not declare; the walk does not follow it$/,
    ],
    [
      'a parameter of the wrong type',
      (origin: string) => `<${origin}/repos?page=two>; rel="next"`,
      /its next link ".*\/repos\?page=two" has the query parameter page .*; the walk does not follow it$/,
    ],
    [
      'a link back to a page asked for',
      (origin: string, _: number, size: number) => `<${origin}/repos?per_page=${size}>; rel="next"`,
      /^page 1: its next link ".*\/repos\?per_page=1" was already asked for \(page 1\): the walk would go round for ever; the walk does not follow it$/,
    ],
  ])('over HTTP: refuses a next link to %s, naming it', async (_, next, message) => {
    const report = await overHttp(next);
    const failure = report.checks[0]!.failure!;
    expect(failure.kind).toBe('pages');
    expect(failure.message).toMatch(message);
    expect(failure.clause).toEqual({
      source: 'pages listRepos(per_page: 1)',
      at: 'main.specl:19:3',
    });
  });

  it('in process: refuses an absolute link (no origin of its own) and a Link past its bound', async () => {
    const absolute = await run(
      inProcess(
        (_, page, size) => `<https://api.example/repos?page=${page}&per_page=${size}>; rel="next"`,
      ),
    );
    expect(absolute.checks[0]!.failure!.message).toMatch(
      /is not on the target's origin \(http:\/\/in-process\.invalid\)/,
    );
    const long = await run(
      inProcess(
        (_, page, size) =>
          `</repos?page=${page}&per_page=${size}>; rel="next"; title="${'x'.repeat(20_000)}"`,
      ),
    );
    expect(long.checks[0]!.failure!.message).toMatch(
      /^page 1: its Link header has 20\d{3} characters; a walk reads at most 16384$/,
    );
  });
});
