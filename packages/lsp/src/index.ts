export * from './start-language-server.js';
export * from './code-lens-contributions.js';
export * from './breaking-change-warnings.js';
export * from './agent-commands.js';
export { AGENT_ACTION_KIND, type LastVerificationOf } from './agent-code-actions.js';
