// A plain node:http server for the ACH payments API (ach-payments.specl): the routes of the
// compiled openapi.json over any `Handlers` implementation.
import type { Server } from 'node:http';
import type { Handlers } from '../generated/types.js';
import { createHandlers } from '../impl/handlers.js';
import type { Route } from '../../shared/json-server.js';
import {
  headerParam,
  jsonServer,
  listen,
  numberParam,
  serveWhenRun,
} from '../../shared/json-server.js';

const routes: Route<Handlers>[] = [
  {
    method: 'POST',
    path: '/accounts',
    call: (h, r) => h.openAccount({ body: r.body as never }),
  },
  {
    method: 'GET',
    path: '/accounts/{id}',
    call: (h, r) => h.getAccount({ id: r.params['id']! }),
  },
  {
    method: 'GET',
    path: '/accounts/{id}/transfers',
    call: (h, r) => h.listTransfers({ id: r.params['id']!, limit: numberParam(r.query, 'limit') }),
  },
  {
    method: 'POST',
    path: '/transfers',
    call: (h, r) =>
      h.createTransfer({
        idempotencyKey: headerParam(r.headers, 'Idempotency-Key'),
        body: r.body as never,
      }),
  },
  {
    method: 'GET',
    path: '/transfers/{id}',
    call: (h, r) => h.getTransfer({ id: r.params['id']! }),
  },
];

/** Serves `handlers` (a fresh in-memory bank by default) over HTTP. */
export function achServer(handlers: Handlers = createHandlers()): Server {
  return jsonServer(routes, handlers);
}

export { listen };

// Run directly (`npx tsx examples/ach-payments/server/http-server.ts [port]`): serve until stopped.
await serveWhenRun(import.meta.url, 'ACH payments API', achServer);
