/**
 * @specl/agent: implements and repairs code against a compiled Specl spec with Claude, through
 * sandboxed tools and the verifier, within budgets, with an audit log of every step.
 */
export type {
  AgentMode,
  AgentOptions,
  AgentOutcome,
  AgentProgress,
  AgentReport,
  AgentResult,
  AgentStep,
  MergeConflict,
} from './agent-options.js';
export { DEFAULT_CRITIC_ROUNDS } from './agent-defaults.js';
export type { EndpointGroup, EndpointGrouping } from './parallel/endpoint-groups.js';
export { groupEndpoints, resourceOf } from './parallel/endpoint-groups.js';
export { runAgent } from './run-agent.js';
export type { AgentErrorKind } from './agent-error.js';
export { AgentError } from './agent-error.js';
export type { BudgetLimit, BudgetLimits } from './budget.js';
export { DEFAULT_BUDGET } from './budget.js';
export type { ModelPrice, TokenUsage } from './model-prices.js';
export { DEFAULT_MODEL, MODEL_PRICES, costOf, priceOf } from './model-prices.js';
export type { StagedEdit } from './staged-impl.js';
export { buildContract } from './contract-prompt.js';
export { resolveImplPath, PathRefused } from './impl-path.js';
export { redact } from './redact.js';
export type { SandboxKind, SandboxProtection } from './sandbox/sandbox-protection.js';
export { detectSandbox } from './sandbox/sandbox-protection.js';
export type { SandboxLimits } from './sandbox/sandbox-command.js';
export type { CheckedRoot, PendingWrite } from './safe-write.js';
export { RedirectedWrite, checkRoot, prepareWrite, readInside } from './safe-write.js';
export type { VerificationOutcome } from './verification-job.js';
export type { UntrustedVerification } from './sandbox/verify-in-sandbox.js';
export { verifyInSandbox } from './sandbox/verify-in-sandbox.js';
