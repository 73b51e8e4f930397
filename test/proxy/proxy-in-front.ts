// An in-process proxy for the Vacation contract in front of a test's target on 127.0.0.1, and
// its teardown: the setup every in-process proxy test shares.
import type { AddressInfo, Server } from 'node:net';
import type { ContractProxyOptions, RunningProxy } from '@specl/proxy';
import { startContractProxy } from '@specl/proxy';
import { endpoints, spec } from '../../examples/vacation/generated/properties.js';

/** What a test may set of the proxy's options: all but the contract and the target. */
export type ProxyTestOptions = Omit<ContractProxyOptions, 'contract' | 'target'>;

/**
 * Starts `target` on a free port of 127.0.0.1 (unless it already listens), then a proxy for
 * the Vacation contract in front of it, on a free port too.
 */
export async function proxyInFront(
  target: Server,
  options: ProxyTestOptions = {},
): Promise<RunningProxy> {
  if (!target.listening)
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const { port } = target.address() as AddressInfo;
  return startContractProxy(
    { ...options, contract: { spec, endpoints }, target: `http://127.0.0.1:${port}` },
    { host: '127.0.0.1', port: 0 },
  );
}

/** Closes the proxy, then the target. */
export async function closeBoth(proxy: RunningProxy, target: Server): Promise<void> {
  await proxy.close();
  await new Promise((resolve) => target.close(resolve));
}
