export * from './generated/ast.js';
export {
  SpeclGeneratedModule,
  SpeclGeneratedSharedModule,
  SpeclLanguageMetaData,
} from './generated/module.js';
export * from './specl-module.js';
export * from './typing/index.js';
export * from './validation/diagnostic-codes.js';
export { diagnosticMessage } from './validation/report.js';
export { SpeclCheckModule } from './validation/specl-check-services.js';
export type { SpeclCheckServices } from './validation/specl-check-services.js';
export { CallChecks } from './validation/call-checks.js';
export { ConstraintChecks } from './validation/constraint-checks.js';
export { DeclarationChecks } from './validation/declaration-checks.js';
export { EndpointChecks } from './validation/endpoint-checks.js';
export { ExpressionChecks } from './validation/expression-checks.js';
export { MetadataChecks } from './validation/metadata-checks.js';
export { PropertyChecks } from './validation/property-checks.js';
export { RecordLiteralChecks } from './validation/record-literal-checks.js';
export { formatMessage, message } from './validation/message-template.js';
export type {
  MessageArgument,
  MessageArguments,
  MessageTemplate,
} from './validation/message-template.js';
export { SpeclScopeProvider } from './scoping/specl-scope-provider.js';
export { endpointParameters, localNames } from './scoping/local-names.js';
export {
  OUTCOME_SOURCE,
  OUTCOME_URI,
  BUILTIN_SCHEME,
  isBuiltinNode,
} from './workspace/builtins.js';
export { importPathBetween, importedUris, resolveImportUri } from './workspace/imports.js';
export { pathTemplate } from './util/endpoint-path.js';
export { operationSummary } from './util/operation-summary.js';
export { reservedWords } from './util/reserved-words.js';
export { stringLiteral } from './util/string-literal.js';
export type { NameRule } from './util/reserved-words.js';
export { FORMAT_SHAPES } from './util/format-shapes.js';
export { constraintNumber } from './util/constraint-number.js';
export { annotationJson } from './util/annotation-json.js';
export { annotationRemoval, listItemCuts } from './util/annotation-removal.js';
export type { AnnotationRemoval, ListItemPlace, OffsetRange } from './util/annotation-removal.js';
export type { JsonValue } from './util/annotation-json.js';
export { millisecondsOf, percentileOf } from './validation/latency-checks.js';
export { paginationOf, responsePath } from './typing/pagination.js';
export { closestName, didYouMean, editDistance } from './util/did-you-mean.js';
export * from './workspace/spec-workspace.js';
export type { ReadFile } from './workspace/reader-file-system.js';
export { ReaderFileSystem } from './workspace/reader-file-system.js';
export { importClosure } from './workspace/import-graph.js';
export type { DocumentLookup } from './workspace/import-graph.js';
export { checkSources, formatChecked } from './memory.js';
export { docComment, docCommentAt } from './documentation/doc-comment.js';
export { nodeStart, referenceStart } from './util/node-start.js';
export type { NodeStart } from './util/node-start.js';
export { formatSpec } from './formatting/format-spec.js';
export type { FormatResult, WhitespaceEdit } from './formatting/format-spec.js';
export type { DiagnosticFix, FixEdit } from './validation/fixes.js';
export { fixesOf } from './validation/fixes.js';
export { formatSource } from './formatting/format-source.js';
export { canonicalExpressionText, canonicalText } from './formatting/canonical-text.js';
export type { SourceFormat } from './formatting/format-source.js';
