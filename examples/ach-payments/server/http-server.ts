// A plain node:http server for the ACH payments API (ach-payments.specl): the routes of the
// compiled openapi.json over any `Handlers` implementation.
import type { Server } from 'node:http';
import type { Handlers } from '../generated/types.js';
import { endpoints } from '../generated/properties.js';
import { createHandlers } from '../impl/handlers.js';
import type { JsonRequest, Route } from '../../shared/json-server.js';
import {
  bearerAuth,
  headerParam,
  jsonServer,
  listen,
  numberParam,
  serveWhenRun,
} from '../../shared/json-server.js';

/** The request's bearer token, as the handlers take it. */
const auth = (r: JsonRequest) => bearerAuth(r.headers, 'BearerToken');

const routes: Route<Handlers>[] = [
  {
    method: 'POST',
    path: '/accounts',
    call: (h, r) => h.openAccount({ body: r.body as never, auth: auth(r) }),
  },
  {
    method: 'GET',
    path: '/accounts/{id}',
    call: (h, r) => h.getAccount({ id: r.params['id']!, auth: auth(r) }),
  },
  {
    method: 'GET',
    path: '/accounts/{id}/transfers',
    call: (h, r) =>
      h.listTransfers({
        id: r.params['id']!,
        limit: numberParam(r.query, 'limit'),
        cursor: r.query.get('cursor') ?? undefined,
        auth: auth(r),
      }),
  },
  {
    method: 'POST',
    path: '/transfers',
    call: (h, r) =>
      h.createTransfer({
        idempotencyKey: headerParam(r.headers, 'Idempotency-Key'),
        body: r.body as never,
        auth: auth(r),
      }),
  },
  {
    method: 'GET',
    path: '/transfers/{id}',
    call: (h, r) => h.getTransfer({ id: r.params['id']!, auth: auth(r) }),
  },
];

/** Serves `handlers` (a fresh in-memory bank by default) over HTTP. */
export function achServer(handlers: Handlers = createHandlers()): Server {
  return jsonServer(routes, handlers, endpoints);
}

export { listen };

// Run directly (`npx tsx examples/ach-payments/server/http-server.ts [port]`): serve until stopped.
await serveWhenRun(import.meta.url, 'ACH payments API', achServer);
