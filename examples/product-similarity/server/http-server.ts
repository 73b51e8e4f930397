// A plain node:http server for the product-similarity API (product-similarity.specl): the
// routes of the compiled openapi.json over any `Handlers` implementation.
import type { Server } from 'node:http';
import type { Handlers } from '../generated/types.js';
import { endpoints } from '../generated/properties.js';
import { createHandlers } from '../impl/handlers.js';
import type { Route } from '../../shared/json-server.js';
import { jsonServer, listen, numberParam, serveWhenRun } from '../../shared/json-server.js';

const routes: Route<Handlers>[] = [
  {
    method: 'GET',
    path: '/health',
    call: async (h) => ({ ...(await h.health({})), contentType: 'text/plain' }),
  },
  {
    method: 'PUT',
    path: '/products/{id}/photo',
    call: (h, r) => h.uploadPhoto({ id: r.params['id']!, body: r.body as never }),
  },
  {
    method: 'GET',
    path: '/products/{id}/photo',
    call: async (h, r) => ({
      ...(await h.getPhoto({ id: r.params['id']! })),
      contentType: 'application/octet-stream',
    }),
  },
  {
    method: 'POST',
    path: '/products',
    call: (h, r) => h.addProduct({ body: r.body as never }),
  },
  {
    method: 'GET',
    path: '/products/{id}',
    call: (h, r) => h.getProduct({ id: r.params['id']! }),
  },
  {
    method: 'GET',
    path: '/products/{id}/similar',
    call: (h, r) =>
      h.similarProducts({
        id: r.params['id']!,
        minPrice: numberParam(r.query, 'minPrice'),
        maxPrice: numberParam(r.query, 'maxPrice'),
        limit: numberParam(r.query, 'limit'),
      }),
  },
];

/** Serves `handlers` (a fresh, empty catalogue by default) over HTTP. */
export function similarityServer(handlers: Handlers = createHandlers()): Server {
  return jsonServer(routes, handlers, endpoints);
}

export { listen };

// Run directly (`npx tsx examples/product-similarity/server/http-server.ts [port]`): serve until stopped.
await serveWhenRun(import.meta.url, 'product-similarity API', similarityServer);
