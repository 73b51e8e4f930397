export * from './ir/spec-ir.js';
export { lowerSpec, LoweringError } from './lower/lower-spec.js';
export { fingerprintOf } from './lower/fingerprint.js';
