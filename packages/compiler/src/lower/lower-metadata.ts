import type {
  AuthDecl,
  LatencyBudget,
  MediaTypes,
  SecurityClause,
  Setting,
  SpecHeader,
  TagDecl,
} from '@specl/language';
import {
  docComment,
  isAuthFlow,
  isAuthScope,
  isContact,
  isLatencyBudget,
  isLicense,
  isSecurityClause,
  millisecondsOf,
  percentileOf,
  isServer,
  JSON_MEDIA_TYPE,
  mediaEssence,
} from '@specl/language';
import type {
  AuthIR,
  AuthKind,
  LatencyBudgetIR,
  SecurityRequirementIR,
  ServerIR,
  SpecIR,
  TagIR,
} from '../ir/spec-ir.js';
import type { Locator } from './source-location.js';

/**
 * The media types written after `as`, or undefined for a JSON body (no `as`, or `as` naming
 * JSON alone: the same meaning, so the same fingerprint).
 */
export function lowerMediaTypes(media: MediaTypes | undefined): string[] | undefined {
  if (!media || media.types.length === 0) return undefined;
  if (media.types.length === 1 && mediaEssence(media.types[0]!) === JSON_MEDIA_TYPE)
    return undefined;
  return [...media.types];
}

/** A `latency` clause: its limits that the checker accepts, in milliseconds. */
export function lowerLatency(budget: LatencyBudget): LatencyBudgetIR {
  return budget.limits.flatMap((limit) => {
    const percentile = percentileOf(limit);
    const ms = millisecondsOf(limit);
    return percentile !== undefined && ms !== undefined ? [{ percentile, ms }] : [];
  });
}

/** A `security` clause: empty for `security none`. */
export function lowerSecurity(clause: SecurityClause): SecurityRequirementIR[] {
  if (clause.none) return [];
  return clause.options.map((option) => ({
    scheme: option.scheme.$refText,
    scopes: [...option.scopes],
  }));
}

const settingsOf = (settings: readonly Setting[]) =>
  Object.fromEntries(settings.map((setting) => [setting.name, setting.value]));

/** A security scheme declaration. */
export function lowerAuth(decl: AuthDecl, locator: Locator): AuthIR {
  const description = docComment(decl);
  const kind = decl.kind as AuthKind;
  const common = { name: decl.name, kind, ...(description ? { description } : {}) };
  const location = locator.locate(decl);
  switch (kind) {
    case 'bearer':
      return { ...common, ...(decl.value !== undefined && { bearerFormat: decl.value }), location };
    case 'apiKey':
      return {
        ...common,
        in: decl.location as 'header' | 'query' | 'cookie',
        parameter: decl.value ?? '',
        location,
      };
    case 'openIdConnect':
      return { ...common, url: decl.value ?? '', location };
    case 'oauth2': {
      const flows = decl.members
        .filter(isAuthFlow)
        .map((flow) => ({ name: flow.name, settings: settingsOf(flow.settings) }));
      const scopes = decl.members.filter(isAuthScope).map((scope) => {
        const doc = docComment(scope);
        return { name: scope.name, ...(doc ? { description: doc } : {}) };
      });
      return { ...common, flows, scopes, location };
    }
    default:
      return { ...common, location };
  }
}

/** A tag declaration. */
export function lowerTag(decl: TagDecl, locator: Locator): TagIR {
  const description = docComment(decl);
  return {
    name: decl.name,
    ...(decl.displayName !== undefined && { displayName: decl.displayName }),
    ...(description ? { description } : {}),
    location: locator.locate(decl),
  };
}

type HeaderMetadata = Pick<SpecIR, 'servers' | 'license' | 'contact' | 'security' | 'latency'>;

/** What the spec header's block says: servers, license, contact and spec-wide security. */
export function lowerHeaderSettings(header: SpecHeader | undefined): HeaderMetadata {
  if (!header || header.settings.length === 0) return {};
  const servers: ServerIR[] = header.settings.filter(isServer).map((server) => {
    const description = docComment(server);
    return {
      url: server.url,
      ...(description ? { description } : {}),
      variables: server.variables.map((variable) => {
        const doc = docComment(variable);
        return {
          name: variable.name,
          values: [...variable.values],
          ...(doc ? { description: doc } : {}),
        };
      }),
    };
  });
  const license = header.settings.find(isLicense);
  const contact = header.settings.find(isContact);
  const security = header.settings.find(isSecurityClause);
  const latency = header.settings.find(isLatencyBudget);
  const licenseSettings = license ? settingsOf(license.settings) : {};
  const contactSettings = contact ? settingsOf(contact.settings) : {};
  return {
    ...(servers.length > 0 && { servers }),
    ...(license && {
      license: {
        name: license.name,
        ...(licenseSettings['url'] !== undefined && { url: licenseSettings['url'] }),
      },
    }),
    ...(contact && {
      contact: {
        ...(contact.name !== undefined && { name: contact.name }),
        ...(contactSettings['email'] !== undefined && { email: contactSettings['email'] }),
        ...(contactSettings['url'] !== undefined && { url: contactSettings['url'] }),
      },
    }),
    ...(security && { security: lowerSecurity(security) }),
    ...(latency && { latency: lowerLatency(latency) }),
  };
}
