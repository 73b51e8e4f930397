import type { AuthIR, SecurityRequirementIR, SpecIR } from '../../ir/spec-ir.js';
import type { SecurityRequirementObject, SecuritySchemeObject } from './openapi-document.js';

/** Security requirements as OpenAPI writes them: one object per alternative. */
export function securityRequirements(
  requirements: readonly SecurityRequirementIR[],
): SecurityRequirementObject[] {
  return requirements.map((r) => ({ [r.scheme]: [...r.scopes] }));
}

function schemeObject(auth: AuthIR): SecuritySchemeObject {
  const description = auth.description !== undefined ? { description: auth.description } : {};
  switch (auth.kind) {
    case 'bearer':
      return {
        type: 'http',
        ...description,
        scheme: 'bearer',
        ...(auth.bearerFormat !== undefined && { bearerFormat: auth.bearerFormat }),
      };
    case 'basic':
      return { type: 'http', ...description, scheme: 'basic' };
    case 'apiKey':
      return { type: 'apiKey', ...description, name: auth.parameter!, in: auth.in! };
    case 'openIdConnect':
      return { type: 'openIdConnect', ...description, openIdConnectUrl: auth.url! };
    case 'oauth2': {
      const scopes = Object.fromEntries(
        (auth.scopes ?? []).map((scope) => [scope.name, scope.description ?? scope.name]),
      );
      const flows = Object.fromEntries(
        (auth.flows ?? []).map((flow) => [flow.name, { ...flow.settings, scopes }]),
      );
      return { type: 'oauth2', ...description, flows };
    }
  }
}

/** `components.securitySchemes`, by name (sorted), or undefined when the spec declares none. */
export function securitySchemes(ir: SpecIR): Record<string, SecuritySchemeObject> | undefined {
  if (!ir.auth || ir.auth.length === 0) return undefined;
  return Object.fromEntries(ir.auth.map((auth) => [auth.name, schemeObject(auth)]));
}

/** Whether an endpoint needs credentials: its own security, else the spec's, names a scheme. */
export function isProtected(
  own: readonly SecurityRequirementIR[] | undefined,
  spec: readonly SecurityRequirementIR[] | undefined,
): boolean {
  return (own ?? spec ?? []).length > 0;
}
