export * from './ir/spec-ir.js';
export { paginationText } from './ir/pagination-text.js';
export { lowerSpec, LoweringError } from './lower/lower-spec.js';
export { fingerprintOf } from './lower/fingerprint.js';
export { LoweredLocation, LoweredLocationList } from './ir/lowered-location.js';
export * from './pipeline/spec-build.js';
export * from './pipeline/build-spec.js';
export * from './pipeline/build-specs.js';
export * from './emit/emitted-file.js';
export { emitOpenApi } from './emit/openapi/emit-openapi.js';
export { buildOpenApiDocument } from './emit/openapi/build-openapi-document.js';
export { openApiJsonFile } from './emit/openapi/openapi-json-file.js';
export { schemaOfType } from './emit/openapi/schema-of-type.js';
export type * from './emit/openapi/openapi-document.js';
export * from './emit/typescript/index.js';
export * from './emit/compile-targets.js';
export {
  emitProperties,
  propertiesModule,
  PROPERTIES_FILE,
} from './emit/properties/emit-properties.js';
export * from './diff/index.js';
