export * from './generated/ast.js';
export {
  SpeclGeneratedModule,
  SpeclGeneratedSharedModule,
  SpeclLanguageMetaData,
} from './generated/module.js';
export * from './specl-module.js';
export * from './typing/index.js';
export * from './validation/diagnostic-codes.js';
export { SpeclScopeProvider } from './scoping/specl-scope-provider.js';
export { endpointParameters, localNames } from './scoping/local-names.js';
export {
  OUTCOME_SOURCE,
  OUTCOME_URI,
  BUILTIN_SCHEME,
  isBuiltinNode,
} from './workspace/builtins.js';
export { importPathBetween, importedUris, resolveImportUri } from './workspace/imports.js';
export { httpMethods, routeKey, pathTemplate } from './validation/endpoint-checks.js';
export { constraintSpecs, constraintNumber } from './validation/constraint-checks.js';
export { closestName, didYouMean, editDistance } from './util/did-you-mean.js';
export * from './workspace/spec-workspace.js';
export { checkSources } from './memory.js';
export { docComment } from './documentation/doc-comment.js';
export { formatSpec } from './formatting/format-spec.js';
export type { FormatResult, WhitespaceEdit } from './formatting/format-spec.js';
export type { DiagnosticFix, FixEdit } from './validation/fixes.js';
export { fixesOf } from './validation/fixes.js';
export { formatSource } from './formatting/format-source.js';
export { canonicalText } from './formatting/canonical-text.js';
export type { SourceFormat } from './formatting/format-source.js';
