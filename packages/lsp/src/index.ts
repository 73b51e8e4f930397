export * from './start-language-server.js';
export * from './code-lens-contributions.js';
export { VerificationService } from './verification/verification-service.js';
export type { VerificationState, VerifyOutcome } from './verification/verification-service.js';
export { VerificationLenses, VERIFY_COMMAND } from './verification/verification-lenses.js';
export type { VerifySettings } from './verification/verification-settings.js';
export { DEFAULT_RUNS } from './verification/verification-settings.js';
