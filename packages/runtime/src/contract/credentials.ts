import type { AuthShape, Credentials, EndpointContract } from './contract.js';
import { MissingCredentials } from './failures.js';

/** Where a credential goes on an HTTP request. */
export interface CredentialPlacement {
  readonly headers: Record<string, string>;
  readonly query: Record<string, string>;
}

/** The environment variable of a scheme's credential: `SPECL_AUTH_BEARER_TOKEN` for `BearerToken`. */
export function credentialVariable(scheme: string): string {
  const snake = scheme
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return `SPECL_AUTH_${snake}`;
}

/** The scheme of an endpoint to authenticate with: the first it accepts that has a credential. */
export function chooseScheme(
  endpoint: EndpointContract,
  credentials: Credentials,
): { shape: AuthShape; secret: string } | undefined {
  for (const shape of endpoint.security ?? []) {
    const secret = credentials[shape.scheme];
    if (secret !== undefined) return { shape, secret };
  }
  return undefined;
}

/**
 * The headers and query parameters that carry a credential. Throws {@link MissingCredentials} when a
 * protected endpoint has no credential for any scheme it accepts: the request is not sent
 * unauthenticated (that is the missing-credentials check's job), and the message says which
 * flag or variable to set, never a secret.
 */
export function placeCredentials(
  endpoint: EndpointContract,
  credentials: Credentials,
): CredentialPlacement {
  const placement: CredentialPlacement = { headers: {}, query: {} };
  if (!endpoint.security || endpoint.security.length === 0) return placement;
  const chosen = chooseScheme(endpoint, credentials);
  if (!chosen) {
    const names = endpoint.security.map((s) => s.scheme);
    throw new MissingCredentials(
      `no credentials were given for ${endpoint.name}, which needs ${names.join(' or ')}: pass --auth ${names[0]}=VALUE or set ${credentialVariable(names[0]!)}`,
    );
  }
  const { shape, secret } = chosen;
  switch (shape.kind) {
    case 'basic':
      placement.headers['authorization'] = `Basic ${Buffer.from(secret).toString('base64')}`;
      break;
    case 'apiKey':
      if (shape.in === 'query') placement.query[shape.parameter!] = secret;
      else if (shape.in === 'cookie')
        placement.headers['cookie'] = `${shape.parameter!}=${encodeURIComponent(secret)}`;
      else placement.headers[shape.parameter!.toLowerCase()] = secret;
      break;
    default:
      placement.headers['authorization'] = `Bearer ${secret}`;
  }
  return placement;
}

/**
 * The `auth` of an in-process request: what the handler of a protected endpoint receives, as
 * `types.ts` declares it. Without a credential for the scheme, a stand-in token is made up:
 * an in-process implementation checks that credentials are present, not that they are valid.
 */
export function inProcessAuth(
  endpoint: EndpointContract,
  credentials: Credentials,
): Record<string, string> | undefined {
  const first = endpoint.security?.[0];
  if (!first) return undefined;
  const chosen = chooseScheme(endpoint, credentials) ?? {
    shape: first,
    secret: first.kind === 'basic' ? 'specl:specl-test-password' : 'specl-test-credential',
  };
  const { shape, secret } = chosen;
  if (shape.kind === 'basic') {
    const colon = secret.indexOf(':');
    return {
      scheme: shape.scheme,
      username: colon < 0 ? secret : secret.slice(0, colon),
      password: colon < 0 ? '' : secret.slice(colon + 1),
    };
  }
  if (shape.kind === 'apiKey') return { scheme: shape.scheme, key: secret };
  return { scheme: shape.scheme, token: secret };
}
