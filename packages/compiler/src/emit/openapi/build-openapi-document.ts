import type { SpecIR } from '../../ir/spec-ir.js';
import { bodylessErrors, componentSchemas } from './component-schemas.js';
import { componentHeaders, headerSetDescriptions } from './header-objects.js';
import type { OpenApiDocument } from './openapi-document.js';
import { licenseObject, serverObject, tagObject } from './info-objects.js';
import { latencyExtension } from './latency-extension.js';
import { pathItems } from './path-items.js';
import { securityRequirements, securitySchemes } from './security-objects.js';
import { speclProperties } from './specl-properties.js';

/**
 * The OpenAPI 3.1 document of a spec, as a typed object (nothing printed yet): `info` from the
 * spec's name, version, doc comment and fingerprint; `paths` from the endpoints;
 * `components.schemas` from the named types; the written properties as `x-specl-properties`.
 * Pure: the same IR gives an equal object, with keys in the same order.
 */
export function buildOpenApiDocument(ir: SpecIR): OpenApiDocument {
  const types = new Map(ir.types.map((decl) => [decl.name, decl]));
  const schemes = securitySchemes(ir);
  const headers = componentHeaders(ir, types);
  const setDescriptions = headerSetDescriptions(ir);
  const bodyless = bodylessErrors(ir);
  return {
    openapi: '3.1.0',
    info: {
      title: ir.name,
      version: ir.version,
      ...(ir.description !== undefined && { description: ir.description }),
      ...(ir.contact && { contact: ir.contact }),
      ...(ir.license && { license: licenseObject(ir.license) }),
      'x-specl-fingerprint': ir.fingerprint,
      ...(ir.latency && { 'x-specl-latency': latencyExtension(ir.latency) }),
    },
    ...(ir.servers && { servers: ir.servers.map(serverObject) }),
    ...(ir.security && { security: securityRequirements(ir.security) }),
    ...(ir.tags && { tags: ir.tags.map(tagObject) }),
    paths: pathItems(ir, types),
    components: {
      schemas: componentSchemas(ir, types),
      ...(schemes && { securitySchemes: schemes }),
      ...(headers && { headers }),
      ...(setDescriptions && { 'x-specl-header-descriptions': setDescriptions }),
      ...(bodyless && { 'x-specl-bodyless-errors': bodyless }),
    },
    ...(ir.properties.length > 0 && { 'x-specl-properties': speclProperties(ir.properties) }),
  };
}
