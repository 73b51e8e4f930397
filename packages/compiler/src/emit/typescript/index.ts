export { emitTypes, typesModule, TYPES_FILE } from './emit-types.js';
export type { NameReference, ResolvedName, TranslationContext } from './translate-expression.js';
export { translateExpression, translateNegation } from './translate-expression.js';
export type { RuntimeHelper, RuntimeType } from './runtime-imports.js';
export {
  RUNTIME_HELPERS,
  RUNTIME_MODULE,
  RUNTIME_TYPES,
  RuntimeImports,
} from './runtime-imports.js';
export type { TypeScriptNames } from './ts-names.js';
export { typeScriptNames } from './ts-names.js';
export { typeText } from './type-text.js';
