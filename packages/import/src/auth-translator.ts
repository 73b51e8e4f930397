import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { isPlainName, pascalCase } from './specl-names.js';
import { docLines, shortJson, stringLiteral } from './specl-text.js';

/** A security scheme as imported: its Specl name and what its requirements may name. */
interface Scheme {
  readonly name: string;
  readonly kind: string;
  readonly scopes: ReadonlySet<string>;
}

const flowUrls = ['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const;
const flowNames = ['authorizationCode', 'clientCredentials', 'implicit', 'password'];

/**
 * The document's security schemes as `auth` declarations, and its security requirements as
 * `security` clauses naming them.
 */
export class SecurityTranslator {
  private readonly schemes = new Map<string, Scheme>();
  /** The root's `security` clause, once {@link declareSchemes} has read it. */
  rootClause: string | undefined;

  constructor(private readonly context: ImportContext) {}

  /** Declares every scheme of `components/securitySchemes` that Specl can say, in order. */
  declareSchemes(): void {
    const components = this.context.document.components;
    const schemes = isObject(components) ? components.securitySchemes : undefined;
    if (!isObject(schemes)) return;
    for (const [key, raw] of Object.entries(schemes)) {
      const pointer = childPointer('#/components/securitySchemes', key);
      const { value } = this.context.deref(raw, pointer);
      const { result, notes } = this.context.collecting(() =>
        this.declaration(key, isObject(value) ? value : {}, pointer),
      );
      if (result)
        this.context.declarations.push({
          kind: 'other',
          name: result.name,
          lines: [...notes, ...result.lines],
        });
      else if (notes.length > 0)
        this.context.declarations.push({ kind: 'other', name: '', lines: notes });
    }
  }

  /** Reads the root's `security` (after the schemes are declared); its warnings go to `#/security`. */
  readRoot(): string[] {
    const { result, notes } = this.context.collecting(() =>
      this.clause(this.context.document.security, '#/security'),
    );
    this.rootClause = result;
    return notes;
  }

  /** Whether an endpoint with the clause `own` (or none) needs credentials. */
  isProtected(own: string | undefined): boolean {
    const effective = own ?? this.rootClause;
    return effective !== undefined && effective !== 'security none';
  }

  private declaration(
    key: string,
    scheme: Record<string, unknown>,
    pointer: string,
  ): { name: string; lines: string[] } | undefined {
    const head = this.head(scheme, pointer);
    if (!head) return undefined;
    const name = this.context.names.claim(isPlainName(key) ? key : pascalCase(key));
    if (name !== key)
      this.context.warn('renamed', pointer, `security scheme \`${key}\` is named \`${name}\``);
    const scopes = new Set<string>();
    const body = head.kind === 'oauth2' ? this.oauthMembers(scheme, pointer, scopes) : [];
    if (head.kind === 'oauth2' && body.length === 0) {
      this.context.warn(
        'left-out',
        pointer,
        `security scheme \`${key}\` is left out: an OAuth2 scheme without a flow Specl knows`,
      );
      return undefined;
    }
    this.schemes.set(key, { name, kind: head.kind, scopes });
    const text = `auth ${name} ${head.kind}${head.rest}`;
    const lines = [...docLines(scheme.description)];
    if (body.length === 0) lines.push(text);
    else lines.push(`${text} {`, ...body.map((line) => `  ${line}`), '}');
    return { name, lines };
  }

  /** The kind and what follows it (`bearer "JWT"`, `apiKey header "X-Key"`), or undefined. */
  private head(
    scheme: Record<string, unknown>,
    pointer: string,
  ): { kind: string; rest: string } | undefined {
    const leaveOut = (why: string) => {
      this.context.warn('left-out', pointer, `the security scheme is left out: ${why}`);
      return undefined;
    };
    switch (scheme.type) {
      case 'http': {
        const httpScheme = typeof scheme.scheme === 'string' ? scheme.scheme.toLowerCase() : '';
        if (httpScheme === 'basic') return { kind: 'basic', rest: '' };
        if (httpScheme !== 'bearer')
          return leaveOut(
            `Specl knows the HTTP schemes bearer and basic, not \`${String(scheme.scheme)}\``,
          );
        const format =
          typeof scheme.bearerFormat === 'string' ? stringLiteral(scheme.bearerFormat) : undefined;
        return { kind: 'bearer', rest: format ? ` ${format}` : '' };
      }
      case 'apiKey': {
        const where = scheme.in;
        const name = typeof scheme.name === 'string' ? stringLiteral(scheme.name) : undefined;
        if ((where !== 'header' && where !== 'query' && where !== 'cookie') || !name)
          return leaveOut('an API key needs `in` (header, query or cookie) and a `name`');
        return { kind: 'apiKey', rest: ` ${where} ${name}` };
      }
      case 'openIdConnect': {
        const url =
          typeof scheme.openIdConnectUrl === 'string' && isAbsolute(scheme.openIdConnectUrl)
            ? stringLiteral(scheme.openIdConnectUrl)
            : undefined;
        if (!url) return leaveOut('its `openIdConnectUrl` is not an absolute URL');
        return { kind: 'openIdConnect', rest: ` ${url}` };
      }
      case 'oauth2':
        return { kind: 'oauth2', rest: '' };
      default:
        return leaveOut(`Specl has no security scheme of type \`${String(scheme.type)}\``);
    }
  }

  /** The `flow` blocks and `scope`s of an OAuth2 scheme (the scopes of all its flows). */
  private oauthMembers(
    scheme: Record<string, unknown>,
    pointer: string,
    scopes: Set<string>,
  ): string[] {
    const flows = isObject(scheme.flows) ? scheme.flows : {};
    const lines: string[] = [];
    const described = new Map<string, string | undefined>();
    const scopeSets: string[] = [];
    for (const [flowName, flow] of Object.entries(flows)) {
      const at = childPointer(pointer, 'flows', flowName);
      if (!flowNames.includes(flowName) || !isObject(flow)) {
        this.context.warn('left-out', at, `the OAuth2 flow \`${flowName}\` is left out`);
        continue;
      }
      const settings: string[] = [];
      for (const key of flowUrls) {
        const url = flow[key];
        if (typeof url !== 'string') continue;
        if (!isAbsolute(url) || !stringLiteral(url)) {
          this.context.warn(
            'left-out',
            childPointer(at, key),
            `the flow is left out: its \`${key}\` is not an absolute URL`,
          );
          settings.length = 0;
          break;
        }
        settings.push(`${key}: ${stringLiteral(url)!}`);
      }
      if (settings.length === 0) continue;
      lines.push(`flow ${flowName} { ${settings.join(', ')} }`);
      const flowScopes = isObject(flow.scopes) ? flow.scopes : {};
      scopeSets.push(Object.keys(flowScopes).sort().join(' '));
      for (const [scope, description] of Object.entries(flowScopes)) {
        if (described.has(scope) || !stringLiteral(scope)) continue;
        described.set(scope, typeof description === 'string' ? description : undefined);
      }
    }
    if (lines.length === 0) return [];
    if (new Set(scopeSets).size > 1) {
      this.context.warn(
        'widened',
        childPointer(pointer, 'flows'),
        'the flows grant different scopes: each flow is imported with all of them',
      );
    }
    for (const [scope, description] of described) {
      scopes.add(scope);
      // Specl writes a scope without a description as its own name.
      if (description !== undefined && description !== scope) lines.push(...docLines(description));
      lines.push(`scope ${stringLiteral(scope)!}`);
    }
    return lines;
  }

  /**
   * The `security` clause for a requirement (the root's or an operation's), or undefined when
   * none is written; `[]` is `security none`.
   */
  clause(security: unknown, pointer: string): string | undefined {
    if (!Array.isArray(security)) return undefined;
    if (security.length === 0) return 'security none';
    const options: string[] = [];
    let anonymous = false;
    security.forEach((requirement, i) => {
      const at = childPointer(pointer, i);
      if (!isObject(requirement)) return;
      const keys = Object.keys(requirement);
      if (keys.length === 0) {
        anonymous = true;
        return;
      }
      if (keys.length > 1) {
        this.context.warn(
          'widened',
          at,
          `a requirement of all of ${keys.join(', ')} together is imported as any one of them`,
        );
      }
      for (const key of keys) {
        const option = this.option(key, requirement[key], childPointer(at, key));
        if (option !== undefined && !options.includes(option)) options.push(option);
      }
    });
    if (anonymous) {
      this.context.warn(
        'approximated',
        pointer,
        `credentials are optional (${shortJson(security)}): imported as \`security none\``,
      );
      return 'security none';
    }
    if (options.length === 0) {
      this.context.warn(
        'left-out',
        pointer,
        `security ${shortJson(security)} is left out: it names no scheme Specl declares`,
      );
      return undefined;
    }
    return `security ${options.join(' | ')}`;
  }

  private option(key: string, scopes: unknown, pointer: string): string | undefined {
    const scheme = this.schemes.get(key);
    if (!scheme) {
      this.context.warn(
        'left-out',
        pointer,
        `the requirement of \`${key}\` is left out: no security scheme of that name is declared`,
      );
      return undefined;
    }
    const wanted = Array.isArray(scopes)
      ? scopes.filter((s): s is string => typeof s === 'string')
      : [];
    let kept = wanted;
    if (wanted.length > 0 && scheme.kind !== 'oauth2' && scheme.kind !== 'openIdConnect') {
      this.context.warn(
        'left-out',
        pointer,
        `the roles ${wanted.join(', ')} are left out: Specl gives scopes to OAuth2 and OpenID Connect schemes only`,
      );
      kept = [];
    } else if (scheme.kind === 'oauth2') {
      kept = wanted.filter((scope) => scheme.scopes.has(scope));
      if (kept.length < wanted.length) {
        this.context.warn(
          'left-out',
          pointer,
          `scopes the scheme does not declare are left out: ${wanted.filter((s) => !kept.includes(s)).join(', ')}`,
        );
      }
    }
    kept = kept.filter((scope) => stringLiteral(scope) !== undefined);
    return kept.length === 0
      ? scheme.name
      : `${scheme.name}(${kept.map((scope) => stringLiteral(scope)!).join(', ')})`;
  }
}

function isAbsolute(url: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#{}]+[^\s{}]*$/.test(url);
}
