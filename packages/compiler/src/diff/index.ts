export * from './spec-change.js';
export { changeKinds, allChangeKinds } from './change-kinds.js';
export { diffSpecs } from './diff-specs.js';
export * from './diff-sources.js';
export * from './version-check.js';
export type { TypeUsage } from './type-usage.js';
export { typeUsages } from './type-usage.js';
