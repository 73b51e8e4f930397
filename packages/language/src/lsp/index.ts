export * from './specl-lsp-module.js';
export { COMPLETION_STATE, SpeclLspDocumentBuilder } from './specl-lsp-document-builder.js';
export {
  FULL_CHECK_DELAY_MS,
  SpeclDocumentUpdateHandler,
} from './specl-document-update-handler.js';
export { SpeclWorkspaceManager } from './specl-workspace-manager.js';
export { spliceDeclarations } from '../parser/splice-declarations.js';
export { SpeclDocumentFactory } from '../parser/specl-document-factory.js';
export {
  ExtraDiagnosticSources,
  extraDiagnosticSources,
} from './diagnostics/extra-diagnostic-sources.js';
export { SpeclCodeActionProvider } from './actions/specl-code-action-provider.js';
export type {
  DiagnosticsPublisher,
  PublishedDiagnostics,
} from './diagnostics/diagnostics-publisher.js';
