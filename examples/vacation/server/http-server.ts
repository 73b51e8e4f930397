// A plain node:http server for the Vacation API (vacation.specl): routes, parameters and JSON
// bodies as the compiled openapi.json describes them, over any `Handlers` implementation.
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Handlers } from '../generated/types.js';
import { createHandlers } from '../impl/handlers.js';

type Route = {
  method: string;
  pattern: RegExp;
  call(
    handlers: Handlers,
    match: RegExpExecArray,
    url: URL,
    headers: IncomingMessage['headers'],
    body: unknown,
  ): Promise<{ status: number; body?: unknown }>;
};

const ID = '([^/]+)';

const routes: Route[] = [
  {
    method: 'POST',
    pattern: /^\/employees$/,
    call: (h, _m, _u, _h, body) => h.createEmployee({ body: body as never }),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/employees/${ID}$`),
    call: (h, m) => h.getEmployee({ id: decodeURIComponent(m[1]!) }),
  },
  {
    method: 'POST',
    pattern: new RegExp(`^/employees/${ID}/requests$`),
    call: (h, m, url, headers, body) =>
      h.requestVacation({
        id: decodeURIComponent(m[1]!),
        ...(url.searchParams.has('dryRun') && {
          dryRun: url.searchParams.get('dryRun') === 'true',
        }),
        idempotencyKey: String(headers['idempotency-key'] ?? ''),
        body: body as never,
      }),
  },
  {
    method: 'GET',
    pattern: new RegExp(`^/employees/${ID}/requests$`),
    call: (h, m, url) =>
      h.listRequests({
        id: decodeURIComponent(m[1]!),
        ...(url.searchParams.has('status') && { status: url.searchParams.get('status') as never }),
        ...(url.searchParams.has('limit') && { limit: Number(url.searchParams.get('limit')) }),
      }),
  },
];

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

function send(response: ServerResponse, status: number, body: unknown) {
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** Serves `handlers` over HTTP: a request that matches no route gets 404, bad JSON 400. */
export function vacationServer(handlers: Handlers = createHandlers()): Server {
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const route = routes.find((r) => r.method === request.method && r.pattern.test(url.pathname));
    if (!route)
      return send(response, 404, { message: `no route ${request.method} ${url.pathname}` });
    let body: unknown;
    try {
      body = await readBody(request);
    } catch {
      return send(response, 400, { message: 'the body is not JSON' });
    }
    try {
      const answer = await route.call(
        handlers,
        route.pattern.exec(url.pathname)!,
        url,
        request.headers,
        body,
      );
      send(response, answer.status, answer.body);
    } catch (error) {
      send(response, 500, { message: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** Starts a server on 127.0.0.1 (port 0: any free one) and answers its base URL. */
export async function listen(server: Server, port = 0): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

// Run directly (`npx tsx examples/vacation/server/http-server.ts [port]`): serve until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const base = await listen(vacationServer(), Number(process.argv[2] ?? 8080));
  console.log(`vacation API listening on ${base}`);
}
