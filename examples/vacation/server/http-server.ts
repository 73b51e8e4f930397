// A plain node:http server for the Vacation API (vacation.specl): the routes of the compiled
// openapi.json over any `Handlers` implementation.
import type { Server } from 'node:http';
import type { Handlers } from '../generated/types.js';
import { endpoints } from '../generated/properties.js';
import { createHandlers } from '../impl/handlers.js';
import type { Route } from '../../shared/json-server.js';
import {
  headerParam,
  jsonServer,
  listen,
  numberParam,
  serveWhenRun,
} from '../../shared/json-server.js';

/** The routes of the Vacation API over `Handlers`. */
export const vacationRoutes: Route<Handlers>[] = [
  {
    method: 'POST',
    path: '/employees',
    call: (h, r) => h.createEmployee({ body: r.body as never }),
  },
  {
    method: 'GET',
    path: '/employees/{id}',
    call: (h, r) => h.getEmployee({ id: r.params['id']! }),
  },
  {
    method: 'POST',
    path: '/employees/{id}/requests',
    call: (h, r) =>
      h.requestVacation({
        id: r.params['id']!,
        ...(r.query.has('dryRun') && { dryRun: r.query.get('dryRun') === 'true' }),
        idempotencyKey: headerParam(r.headers, 'Idempotency-Key'),
        body: r.body as never,
      }),
  },
  {
    method: 'GET',
    path: '/employees/{id}/requests',
    call: (h, r) =>
      h.listRequests({
        id: r.params['id']!,
        ...(r.query.has('status') && { status: r.query.get('status') as never }),
        limit: numberParam(r.query, 'limit'),
      }),
  },
];

/** Serves `handlers` over HTTP: a request that matches no route gets 404, bad JSON 400. */
export function vacationServer(handlers: Handlers = createHandlers()): Server {
  return jsonServer(vacationRoutes, handlers, endpoints);
}

export { listen };

// Run directly (`npx tsx examples/vacation/server/http-server.ts [port]`): serve until stopped.
await serveWhenRun(import.meta.url, 'vacation API', vacationServer);
