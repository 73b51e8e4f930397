export * from './specl-type.js';
export * from './records.js';
export * from './resolve-type.js';
export * from './type-relations.js';
export * from './type-of.js';
export * from './expected-type.js';
export * from './endpoint-types.js';
export * from './narrowing.js';
export { invalidateMemos, invalidateMemosOnChange } from './workspace-memo.js';
