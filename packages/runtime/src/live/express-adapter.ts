import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorOptions, ContractMonitor } from './contract-monitor.js';
import { monitorOf } from './contract-monitor.js';
import type { CompiledContract } from './exchange-checker.js';
import { tapNodeExchange } from './tap-node-exchange.js';

/**
 * Express middleware that checks every exchange against `contract` (the compiled
 * `properties.ts`): `app.use(contractMiddleware(contract, options))`, before the routes. A body
 * `express.json()` parsed before it is checked as parsed.
 */
export function contractMiddleware(
  contract: CompiledContract | ContractMonitor,
  options: MonitorOptions = {},
): (req: IncomingMessage & { body?: unknown }, res: ServerResponse, next: () => void) => void {
  const monitor = monitorOf(contract, options);
  return (req, res, next) => {
    tapNodeExchange(monitor, req, res, { parsedBody: () => req.body });
    next();
  };
}

export type { CompiledContract, MonitorOptions };
