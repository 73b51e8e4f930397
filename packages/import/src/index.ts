export { importOpenApi, importParsed } from './import-openapi.js';
export type { ImportResult, ImportSummary } from './import-openapi.js';
export { ImportError } from './import-error.js';
export type { ImportWarning, WarningKind } from './import-warning.js';
export { warningKinds } from './import-warning.js';
export type { LoadOptions, SourceVersion } from './load-openapi.js';
export { defaultMaxBytes } from './read-document.js';
export { defaultRefRoot, loadOpenApi, loadParsed } from './load-openapi.js';
export type { LoadedOpenApi } from './load-openapi.js';
