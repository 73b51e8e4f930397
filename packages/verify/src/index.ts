/**
 * @specl/verify: runs a spec's compiled properties against an implementation, in process or
 * over HTTP, shrinks failures to minimal counterexamples, counts coverage, and reports.
 */
export type * from './verify-report.js';
export { DEFAULT_PHASES, PHASES, failuresOf } from './verify-report.js';
export { DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './load-phase.js';
export type { VerifyOptions } from './verify.js';
export { verify, seedOf, VerifyUsageError } from './verify.js';
export { VerifyCancelled } from './run-check.js';
export type { TargetSource } from './load-target.js';
export { implementationSource, sourceOfModule, urlSource, TargetLoadError } from './load-target.js';
export type { SentEntry } from './server-state.js';
export { historyFromJson, historyToJson } from './history-bytes.js';
export type { EndpointLatency } from './latency.js';
export { LatencyRecorder, latencyChecks, percentile } from './latency.js';
export {
  HISTORY_LIMIT,
  RequestLog,
  ResetFailed,
  afterHistory,
  resetOf,
  withReset,
} from './server-state.js';
export type { LoadedContracts } from './load-contracts.js';
export { importContracts, loadContracts, writeContracts } from './load-contracts.js';
export type { Locate, Styles } from './reporters/pretty-report.js';
export { formatPrettyReport } from './reporters/pretty-report.js';
export { formatJsonReport } from './reporters/json-report.js';
export type { ReportTool } from './reporters/json-log.js';
export { formatJsonLog } from './reporters/json-log.js';
export { formatJunitReport } from './reporters/junit-report.js';
export { formatSarifReport } from './reporters/sarif-report.js';
export { formatSarifLog, sarifLocation } from './reporters/sarif-log.js';
export type { SarifRegion, SarifRun } from './reporters/sarif-log.js';
export { compact, formatExchange } from './reporters/format-exchange.js';
