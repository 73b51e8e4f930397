/**
 * Authentication in a generated spec: security schemes of every kind (`auth NAME bearer`,
 * `basic`, `apiKey` in a header, query or cookie, `oauth2` with flows and scopes,
 * `openIdConnect`), and `security` requirements naming them (either of several, with scopes
 * where the scheme has them) or `none`.
 */
import type { Builder } from './spec-arbitrary.js';
import { freshName, words } from './spec-names.js';
import type { AuthSchemeModel, SecurityModel } from './spec-model.js';

/** A declared scheme: its kind, and the scopes a requirement may name. */
export interface AuthInfo {
  name: string;
  file: string;
  kind: AuthSchemeModel['kind'];
  scopes: string[];
}

const authNames = words('BearerToken Login PartnerKey Oauth OpenId ApiKey Session');
const base = 'https://id.example.com';

const flows: Record<string, string[]> = {
  authorizationCode: ['authorizationUrl', 'tokenUrl'],
  clientCredentials: ['tokenUrl'],
  implicit: ['authorizationUrl'],
  password: ['tokenUrl'],
};

function scheme(b: Builder): AuthSchemeModel {
  const g = b.g;
  switch (g.nat(6)) {
    case 0:
      return g.bool() ? { kind: 'bearer' } : { kind: 'bearer', format: g.pick(['JWT', 'opaque']) };
    case 1:
      return { kind: 'basic' };
    case 2:
    case 3: {
      const location = g.pick(['header', 'query', 'cookie'] as const);
      const param = { header: 'X-Api-Key', query: 'api_key', cookie: 'session' }[location];
      return { kind: 'apiKey', location, param };
    }
    case 4:
      return { kind: 'openIdConnect', url: `${base}/.well-known/openid-configuration` };
    default: {
      const names = g.shuffle(Object.keys(flows)).slice(0, g.int(1, 2));
      const scopes = g.shuffle(words('things:read things:write admin')).slice(0, g.nat(3));
      return {
        kind: 'oauth2',
        flows: names.map((name) => ({
          name,
          settings: flows[name]!.map((s) => ({
            name: s,
            value: `${base}/${s.replace('Url', '')}`,
          })),
        })),
        scopes: scopes.map((name) => (g.chance(3) ? { name, doc: `May ${name}.` } : { name })),
      };
    }
  }
}

/** Declares one to three security schemes, each in a file `pickFile` chooses. */
export function declareAuth(b: Builder, pickFile: () => string): void {
  for (let i = b.g.int(1, 3); i > 0; i--) {
    const file = pickFile();
    const name = freshName(b.g, authNames, b.taken);
    const s = scheme(b);
    const scopes =
      s.kind === 'oauth2'
        ? s.scopes.map((x) => x.name)
        : s.kind === 'openIdConnect'
          ? ['openid']
          : [];
    b.auths.push({ name, file, kind: s.kind, scopes });
    b.add(file, { kind: 'auth', name, scheme: s });
  }
}

/**
 * `security A | B("scope")` over the schemes `file` sees (one or two of them; scopes on OAuth2
 * and OpenID Connect only), or `security none` when `none` is allowed; undefined when the
 * file sees no scheme.
 */
export function security(b: Builder, file: string, none: boolean): SecurityModel | undefined {
  const g = b.g;
  if (none && g.chance(3)) return { kind: 'security', none: true, options: [] };
  const seen = b.auths.filter((a) => b.visible(file, a.file));
  if (seen.length === 0) return undefined;
  const chosen = g.shuffle(seen).slice(0, g.chance(3) ? 2 : 1);
  return {
    kind: 'security',
    options: chosen.map((a) => {
      const scopes =
        a.scopes.length > 0 && !g.chance(3)
          ? g.shuffle(a.scopes).slice(0, g.int(1, a.scopes.length))
          : [];
      return scopes.length > 0 || (a.scopes.length > 0 && g.chance(4))
        ? { scheme: a.name, scopes }
        : { scheme: a.name };
    }),
  };
}
