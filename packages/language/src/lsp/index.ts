export * from './specl-lsp-module.js';
export { SpeclDocumentBuilder } from './specl-document-builder.js';
export { SpeclWorkspaceManager } from './specl-workspace-manager.js';
