import type { IncomingMessage, ServerResponse } from 'node:http';
import type { MonitorOptions } from './contract-monitor.js';
import { ContractMonitor, monitorOf } from './contract-monitor.js';
import type { CompiledContract } from './exchange-checker.js';
import { tapNodeExchange } from './tap-node-exchange.js';

/**
 * A node:http request listener that checks every exchange it serves against `contract` (the
 * compiled `properties.ts`), then hands the request to `handler` unchanged:
 * `createServer(withContract(contract, handler, { telemetry: openTelemetry() }))`.
 */
export function withContract<Req extends IncomingMessage, Res extends ServerResponse>(
  contract: CompiledContract | ContractMonitor,
  handler: (req: Req, res: Res) => unknown,
  options: MonitorOptions = {},
): (req: Req, res: Res) => unknown {
  const monitor = monitorOf(contract, options);
  return (req, res) => {
    tapNodeExchange(monitor, req, res);
    return handler(req, res);
  };
}

export { ContractMonitor, tapNodeExchange };
export type { CompiledContract, MonitorOptions };
