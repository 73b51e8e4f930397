/**
 * A Specl string literal: a plain string function of the language, re-exported here (as
 * `operationSummary` is) so that the emitters read the IR and this module, never the language
 * package itself; `specl import` writes its strings with the same one escaper.
 */
export { stringLiteral } from '@specl/language';
