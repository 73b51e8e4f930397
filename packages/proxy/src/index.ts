/**
 * @specl/proxy: a reverse proxy that checks live traffic against a Specl contract, with
 * OpenTelemetry spans and metrics tagged with the spec it was served under.
 */
export type { BoundedSpanProcessorOptions } from './bounded-span-processor.js';
export { BoundedSpanProcessor } from './bounded-span-processor.js';
export type { TelemetrySdk } from './telemetry-sdk.js';
export { startTelemetrySdk } from './telemetry-sdk.js';
export type {
  ContractProxyOptions,
  ProxyMode,
  ProxyViolation,
  RunningProxy,
} from './contract-proxy.js';
export { startContractProxy } from './contract-proxy.js';
