// Stands in for `langium` in the generated grammar module of the bundle (its one import,
// loadGrammarFromJson): the grammar is built by Specl's own resolver of the grammar JSON
// (packages/language/src/util/grammar-json.ts) instead of Langium's grammar-language services.
export { loadGrammarJson as loadGrammarFromJson } from '../../packages/language/dist/util/grammar-json.js';
