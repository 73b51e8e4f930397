/**
 * The report envelopes (JSON and SARIF) that `specl check`, `specl diff` and `specl verify`
 * share, as `@specl/verify/logs`: modules of their own, so that a command that only reports
 * (`specl check`) loads none of the verifier.
 */
export type { ReportTool } from './reporters/json-log.js';
export { formatJsonLog } from './reporters/json-log.js';
export { formatSarifLog, sarifLocation } from './reporters/sarif-log.js';
export type { SarifRegion, SarifRun } from './reporters/sarif-log.js';
