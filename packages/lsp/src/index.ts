export * from './start-language-server.js';
export * from './code-lens-contributions.js';
export * from './breaking-change-warnings.js';
