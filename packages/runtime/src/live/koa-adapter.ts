import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorOptions, ContractMonitor } from './contract-monitor.js';
import { monitorOf } from './contract-monitor.js';
import type { CompiledContract } from './exchange-checker.js';
import { tapNodeExchange } from './tap-node-exchange.js';

/** What the Koa middleware reads of a context. */
export interface KoaContextLike {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly request: { readonly body?: unknown };
}

/**
 * Koa middleware that checks every exchange against `contract` (the compiled `properties.ts`):
 * `app.use(contractMiddleware(contract, options))`, first. A body a body parser put on
 * `ctx.request.body` is checked as parsed.
 */
export function contractMiddleware(
  contract: CompiledContract | ContractMonitor,
  options: MonitorOptions = {},
): (ctx: KoaContextLike, next: () => Promise<unknown>) => Promise<void> {
  const monitor = monitorOf(contract, options);
  return async (ctx, next) => {
    tapNodeExchange(monitor, ctx.req, ctx.res, { parsedBody: () => ctx.request.body });
    await next();
  };
}

export type { CompiledContract, MonitorOptions };
