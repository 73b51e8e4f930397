import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorOptions, ContractMonitor } from './contract-monitor.js';
import { monitorOf } from './contract-monitor.js';
import type { CompiledContract } from './exchange-checker.js';
import { tapNodeExchange } from './tap-node-exchange.js';

/** What the Fastify plugin uses of an instance: one `onRequest` hook. */
export interface FastifyLike {
  addHook(
    name: 'onRequest',
    hook: (
      request: { readonly raw: IncomingMessage; readonly body?: unknown },
      reply: { readonly raw: ServerResponse },
      done: () => void,
    ) => void,
  ): unknown;
}

/** A Fastify plugin function, applied to the instance it is registered on (not encapsulated). */
export type ContractPlugin = ((app: FastifyLike, options: unknown, done: () => void) => void) & {
  readonly [key: symbol]: unknown;
};

/**
 * A Fastify plugin that checks every exchange against `contract` (the compiled
 * `properties.ts`): `app.register(contractPlugin(contract, options))`. It hooks the whole
 * instance, as `fastify-plugin` would, so routes registered anywhere are checked.
 */
export function contractPlugin(
  contract: CompiledContract | ContractMonitor,
  options: MonitorOptions = {},
): ContractPlugin {
  const monitor = monitorOf(contract, options);
  const plugin = (app: FastifyLike, _options: unknown, done: () => void) => {
    app.addHook('onRequest', (request, reply, next) => {
      tapNodeExchange(monitor, request.raw, reply.raw, { parsedBody: () => request.body });
      next();
    });
    done();
  };
  // Fastify's documented marker for a plugin that does not get its own encapsulated context.
  return Object.assign(plugin, { [Symbol.for('skip-override')]: true });
}

export type { CompiledContract, MonitorOptions };
