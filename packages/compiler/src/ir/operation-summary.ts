/**
 * An endpoint's one-line OpenAPI summary, from its name and doc comment: a plain string function
 * of the language, re-exported here so that the emitters read the IR and this module, never the
 * language package itself (and import, which reads summaries back, shares the one definition).
 */
export { operationSummary } from '@specl/language';
