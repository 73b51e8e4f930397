import type { AstNode, ValidationAcceptor } from 'langium';
import type {
  AuthDecl,
  BodyClause,
  ErrorDecl,
  ResponseClause,
  SecurityClause,
  Server,
  Setting,
  SpecHeader,
  TagsClause,
} from '../generated/ast.js';
import {
  isAuthDecl,
  isAuthFlow,
  isAuthScope,
  isContact,
  isLicense,
  isSecurityClause,
  isServer,
  isTagDecl,
} from '../generated/ast.js';
import type { MediaKind } from '../typing/media-types.js';
import { isValidMediaType, mediaEssence, mediaKindOf } from '../typing/media-types.js';
import { containsBytes } from '../typing/contains-bytes.js';
import { recordFields } from '../typing/records.js';
import { resolveTypeExpr } from '../typing/resolve-type.js';
import type { SpeclType } from '../typing/specl-type.js';
import { isStringLike, stripOptional, typeToString } from '../typing/specl-type.js';
import { closestName, didYouMean } from '../util/did-you-mean.js';
import { describeDeclaration } from './declaration-checks.js';
import { changeTo, rangeOf } from './fixes.js';
import { report } from './report.js';
import type { MessageId, MessageOf } from './diagnostic-codes.js';
import type { MessageArguments } from './message-template.js';

/** Reports one of the messages of `specl/invalid-auth` at a node (the scheme by default). */
type InvalidAuth = <M extends MessageId<'specl/invalid-auth'>>(
  id: M,
  args: MessageArguments<MessageOf<'specl/invalid-auth', M>>,
  node?: AstNode,
  property?: string,
) => void;

/** The kinds of security scheme, as `auth NAME KIND` writes them. */
export const authKinds = ['bearer', 'basic', 'apiKey', 'oauth2', 'openIdConnect'];

/** The OAuth2 flows, and the URLs each needs. */
const oauthFlows: Readonly<Record<string, readonly string[]>> = {
  authorizationCode: ['authorizationUrl', 'tokenUrl'],
  clientCredentials: ['tokenUrl'],
  implicit: ['authorizationUrl'],
  password: ['tokenUrl'],
};

/** Whether a URL is absolute (`https://...`); server URLs may hold `{variables}`. */
function isAbsoluteUrl(text: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/.test(text.replace(/\{[^}]*\}/g, 'x'));
}

/** Whether a type could travel as a query parameter: a scalar, an enum, or a list of them. */
function isScalar(type: SpeclType, allowBytes: boolean): boolean {
  const t = stripOptional(type);
  if (t.kind === 'primitive') return allowBytes || t.name !== 'Bytes';
  if (t.kind === 'enum' || t.kind === 'unknown') return true;
  if (t.kind === 'union') return t.options.every((o) => isScalar(o, allowBytes));
  return false;
}

function isListOfScalars(type: SpeclType, allowBytes: boolean): boolean {
  const t = stripOptional(type);
  return t.kind === 'list' && isScalar(t.element, allowBytes);
}

/** Why a type cannot travel as a media type of a kind, or undefined when it can. */
function mediaProblem(type: SpeclType, kind: MediaKind): string | undefined {
  const t = stripOptional(type);
  if (t.kind === 'unknown') return undefined;
  switch (kind) {
    case 'json':
      return containsBytes(t)
        ? 'JSON cannot carry Bytes; send them as a raw body (`as "application/octet-stream"`) or a multipart file'
        : undefined;
    case 'text':
      return isStringLike(t) || t.kind === 'enum'
        ? undefined
        : `a text body is a String, a string format or an enum, not ${typeToString(t)}`;
    case 'bytes':
      return t.kind === 'primitive' && t.name === 'Bytes'
        ? undefined
        : `a body of this media type is raw bytes: declare it as \`Bytes\`, not ${typeToString(t)}, or use a JSON or text media type`;
    case 'form':
    case 'multipart': {
      const files = kind === 'multipart';
      if (t.kind !== 'record') return `a form body is a record of fields, not ${typeToString(t)}`;
      const bad = recordFields(t.decl).find((field) => {
        const fieldType = resolveTypeExpr(field.type);
        return !isScalar(fieldType, files) && !isListOfScalars(fieldType, files);
      });
      if (!bad) return undefined;
      return `the form field \`${bad.name}\` must be a string, number, boolean, enum${files ? ', Bytes' : ''} or a list of them`;
    }
  }
}

/** Checks of the v0.1 metadata: media types, security schemes and requirements, tags, servers. */
export class MetadataChecks {
  /** Media types of a body: valid, fitting the type, not given twice. */
  checkMediaTypes(
    holder: BodyClause | ResponseClause | ErrorDecl,
    accept: ValidationAcceptor,
  ): void {
    const media = holder.media;
    const type =
      holder.$type === 'ErrorDecl'
        ? ({ kind: 'record', decl: holder } as SpeclType)
        : resolveTypeExpr(holder.type);
    if (!media) {
      // A JSON body, as in v0: only Bytes cannot travel in it.
      const problem =
        holder.$type === 'ErrorDecl' || holder.type ? mediaProblem(type, 'json') : undefined;
      if (problem)
        report(accept, 'specl/media-type-mismatch', 'default', { problem }, {
          node: holder,
          property: holder.$type === 'ErrorDecl' ? 'name' : 'type',
        } as never);
      return;
    }
    const seen = new Set<string>();
    media.types.forEach((mediaType, index) => {
      const at = { node: media, property: 'types' as const, index };
      if (!isValidMediaType(mediaType)) {
        report(accept, 'specl/invalid-media-type', 'default', { mediaType }, at);
        return;
      }
      const essence = mediaEssence(mediaType);
      if (seen.has(essence)) {
        report(accept, 'specl/duplicate-media-type', 'alreadyListedRemove', { essence }, at);
        return;
      }
      seen.add(essence);
      const problem = mediaProblem(type, mediaKindOf(mediaType));
      if (problem) report(accept, 'specl/media-type-mismatch', 'default', { problem }, at);
    });
  }

  /** A security scheme: a known kind with what it needs. */
  checkAuth(decl: AuthDecl, accept: ValidationAcceptor): void {
    const invalid: InvalidAuth = (id, args, node = decl, property) =>
      report(accept, 'specl/invalid-auth', id, args, { node, property } as never);
    if (!authKinds.includes(decl.kind)) {
      report(
        accept,
        'specl/unknown-auth-kind',
        'default',
        {
          kind: decl.kind,
          arg1: didYouMean(decl.kind, authKinds, `; the kinds are ${authKinds.join(', ')}`),
        },
        { node: decl, property: 'kind' },
        changeTo(closestName(decl.kind, authKinds), rangeOf(decl, 'kind')),
      );
      return;
    }
    const hasMembers = decl.members.length > 0;
    if (decl.kind !== 'apiKey' && decl.location !== undefined)
      invalid('schemeNoLocation', { kind: decl.kind, location: decl.location }, decl, 'location');
    if (decl.kind !== 'oauth2' && hasMembers) invalid('onlyOauthScheme', {}, decl, 'name');
    switch (decl.kind) {
      case 'basic':
        if (decl.value !== undefined) invalid('basicSchemeTakes', {}, decl, 'value');
        return;
      case 'apiKey':
        if (
          !['header', 'query', 'cookie'].includes(decl.location ?? '') ||
          decl.value === undefined
        )
          invalid('apikeySchemeSays', {}, decl, 'kind');
        return;
      case 'openIdConnect':
        if (decl.value === undefined || !isAbsoluteUrl(decl.value))
          invalid(
            'openidconnectSchemeTakes',
            {},
            decl,
            decl.value === undefined ? 'kind' : 'value',
          );
        return;
      case 'oauth2':
        this.checkOauth(decl, invalid, accept);
        return;
    }
  }

  private checkOauth(decl: AuthDecl, invalid: InvalidAuth, accept: ValidationAcceptor): void {
    if (decl.value !== undefined) invalid('oauthSchemeTakes', {}, decl, 'value');
    const flows = decl.members.filter(isAuthFlow);
    if (flows.length === 0) invalid('oauthSchemeNeeds', {}, decl, 'kind');
    const names = new Set<string>();
    for (const flow of flows) {
      const needs = oauthFlows[flow.name];
      if (!needs) {
        invalid(
          'unknownOAuthFlow',
          {
            flowName: flow.name,
            arg1: didYouMean(
              flow.name,
              Object.keys(oauthFlows),
              `; the flows are ${Object.keys(oauthFlows).join(', ')}`,
            ),
          },
          flow,
          'name',
        );
        continue;
      }
      if (names.has(flow.name)) invalid('flowAlreadyGiven', { flowName: flow.name }, flow, 'name');
      names.add(flow.name);
      this.checkSettings(flow.settings, [...needs, 'refreshUrl'], accept, true);
      const given = new Set(flow.settings.map((s) => s.name));
      const missing = needs.filter((n) => !given.has(n));
      if (missing.length > 0)
        invalid(
          'flowNeeds',
          { flowName: flow.name, arg1: missing.map((m) => `\`${m}\``).join(' and ') },
          flow,
          'name',
        );
    }
    const scopes = new Set<string>();
    for (const scope of decl.members.filter(isAuthScope)) {
      if (scopes.has(scope.name))
        invalid('scopeAlreadyDeclared', { scopeName: scope.name }, scope, 'name');
      scopes.add(scope.name);
    }
  }

  /** `security`: names of schemes, with scopes only where the scheme has them. */
  checkSecurity(clause: SecurityClause, accept: ValidationAcceptor): void {
    clause.options.forEach((option) => {
      const target = option.scheme.ref;
      if (!target) return;
      if (!isAuthDecl(target)) {
        report(
          accept,
          'specl/not-an-auth',
          'default',
          { targetName: target.name, describeDeclaration: describeDeclaration(target) },
          { node: option, property: 'scheme' },
        );
        return;
      }
      if (option.scopes.length === 0) return;
      if (target.kind !== 'oauth2' && target.kind !== 'openIdConnect') {
        report(
          accept,
          'specl/unknown-scope',
          'schemeWhichNo',
          { targetName: target.name, kind: target.kind },
          { node: option, property: 'scopes', index: 0 },
        );
        return;
      }
      if (target.kind !== 'oauth2') return;
      const declared = target.members.filter(isAuthScope).map((s) => s.name);
      option.scopes.forEach((scope, i) => {
        if (!declared.includes(scope))
          report(
            accept,
            'specl/unknown-scope',
            'declaresNoScope',
            {
              targetName: target.name,
              scope,
              didYouMean: didYouMean(scope, declared, `; add \`scope "${scope}"\` to it`),
            },
            { node: option, property: 'scopes', index: i },
          );
      });
    });
    void clause;
    void accept;
  }

  /** `tags`: names of tags. */
  checkTags(clause: TagsClause, accept: ValidationAcceptor): void {
    clause.tags.forEach((tag, index) => {
      const target = tag.ref;
      if (target && !isTagDecl(target))
        report(
          accept,
          'specl/not-a-tag',
          'default',
          { targetName: target.name, describeDeclaration: describeDeclaration(target) },
          { node: clause, property: 'tags', index },
        );
    });
  }

  /** The spec header's block: one license, one contact, one security; valid servers and URLs. */
  checkHeader(header: SpecHeader, accept: ValidationAcceptor): void {
    for (const kind of ['License', 'Contact', 'SecurityClause', 'LatencyBudget']) {
      const all = header.settings.filter((s) => s.$type === kind);
      for (const extra of all.slice(1))
        report(
          accept,
          'specl/duplicate-clause',
          'specHeaderAlready',
          {},
          {
            node: extra,
          },
        );
    }
    for (const setting of header.settings) {
      if (isServer(setting)) this.checkServer(setting, accept);
      if (isLicense(setting)) this.checkSettings(setting.settings, ['url'], accept, true);
      if (isContact(setting)) this.checkSettings(setting.settings, ['email', 'url'], accept, true);
    }
    void isSecurityClause;
  }

  private checkServer(server: Server, accept: ValidationAcceptor): void {
    if (!isAbsoluteUrl(server.url)) {
      report(
        accept,
        'specl/invalid-url',
        'serverURLAbsolute',
        {},
        { node: server, property: 'url' },
      );
      return;
    }
    const used = new Set([...server.url.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!));
    const declared = new Set<string>();
    for (const variable of server.variables) {
      if (!used.has(variable.name))
        report(
          accept,
          'specl/invalid-url',
          'urlNoRemove',
          { variableName: variable.name },
          { node: variable, property: 'name' },
        );
      declared.add(variable.name);
    }
    for (const name of used)
      if (!declared.has(name))
        report(
          accept,
          'specl/invalid-url',
          'urlUsesWhich',
          { name },
          { node: server, property: 'url' },
        );
  }

  /** Settings of a block: known names, given once, URLs absolute. */
  private checkSettings(
    settings: readonly Setting[],
    known: readonly string[],
    accept: ValidationAcceptor,
    urlsAbsolute: boolean,
  ): void {
    const seen = new Set<string>();
    for (const setting of settings) {
      if (!known.includes(setting.name)) {
        report(
          accept,
          'specl/unknown-setting',
          'unknownSetting',
          {
            settingName: setting.name,
            arg1: didYouMean(setting.name, known, `; the settings here are ${known.join(', ')}`),
          },
          { node: setting, property: 'name' },
          changeTo(closestName(setting.name, [...known]), rangeOf(setting, 'name')),
        );
        continue;
      }
      if (seen.has(setting.name))
        report(
          accept,
          'specl/unknown-setting',
          'alreadyGivenRemove',
          { settingName: setting.name },
          {
            node: setting,
            property: 'name',
          },
        );
      seen.add(setting.name);
      if (urlsAbsolute && /url$/i.test(setting.name) && !isAbsoluteUrl(setting.value))
        report(
          accept,
          'specl/invalid-url',
          'absoluteURLSuch',
          { settingName: setting.name },
          {
            node: setting,
            property: 'value',
          },
        );
      if (setting.name === 'email' && !/^[^@\s]+@[^@\s]+$/.test(setting.value))
        report(
          accept,
          'specl/unknown-setting',
          'emailEmailAddress',
          {},
          {
            node: setting,
            property: 'value',
          },
        );
    }
  }
}
