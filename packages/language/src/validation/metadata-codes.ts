import type { DiagnosticCodeInfo } from './diagnostic-codes.js';
import { message } from './message-template.js';

/**
 * The diagnostic codes of a spec's metadata: security schemes and their use, tags, servers,
 * URLs and the settings of blocks. Part of the one table in diagnostic-codes.ts.
 */
export const metadataCodes = {
  'specl/unknown-auth-kind': {
    severity: 'error',
    summary: 'An `auth` declaration names a kind of scheme Specl does not know.',
    messages: { default: message`unknown kind of security scheme \`${'kind'}\`${'arg1'}` },
  },
  'specl/invalid-auth': {
    severity: 'error',
    summary: 'A security scheme lacks what its kind needs (a location, a name, a flow, a URL).',
    messages: {
      schemeNoLocation: message`a ${'kind'} scheme has no location; remove \`${'location'}\``,
      onlyOauthScheme: message`only an oauth2 scheme has flows and scopes`,
      basicSchemeTakes: message`a basic scheme takes no string`,
      apikeySchemeSays: message`an apiKey scheme says where the key travels and under which name: \`apiKey header "X-API-Key"\` (or \`query\`, \`cookie\`)`,
      openidconnectSchemeTakes: message`an openIdConnect scheme takes its discovery URL: \`openIdConnect "https://id.example.com/.well-known/openid-configuration"\``,
      oauthSchemeTakes: message`an oauth2 scheme takes no string`,
      oauthSchemeNeeds: message`an oauth2 scheme needs at least one flow, such as \`flow clientCredentials { tokenUrl: "https://..." }\``,
      unknownOAuthFlow: message`unknown OAuth2 flow \`${'flowName'}\`${'arg1'}`,
      flowAlreadyGiven: message`the flow \`${'flowName'}\` is already given`,
      flowNeeds: message`the ${'flowName'} flow needs ${'arg1'}`,
      scopeAlreadyDeclared: message`the scope "${'scopeName'}" is already declared`,
    },
  },
  'specl/not-an-auth': {
    severity: 'error',
    summary: 'A `security` entry names something other than an `auth` declaration.',
    messages: {
      default: message`\`${'targetName'}\` is ${'describeDeclaration'}, not a security scheme; declare one with \`auth NAME bearer\``,
    },
  },
  'specl/unknown-scope': {
    severity: 'error',
    summary:
      'A `security` entry needs a scope its scheme does not declare, or scopes it cannot have.',
    messages: {
      schemeWhichNo: message`\`${'targetName'}\` is a ${'kind'} scheme, which has no scopes; remove them`,
      declaresNoScope: message`\`${'targetName'}\` declares no scope "${'scope'}"${'didYouMean'}`,
    },
  },
  'specl/not-a-tag': {
    severity: 'error',
    summary: 'A `tags` entry names something other than a `tag` declaration.',
    messages: {
      default: message`\`${'targetName'}\` is ${'describeDeclaration'}, not a tag; declare one with \`tag NAME\``,
    },
  },
  'specl/invalid-url': {
    severity: 'error',
    summary:
      'A server, license, contact or scheme URL is not absolute, or a server variable is unused or undeclared.',
    messages: {
      serverURLAbsolute: message`a server URL is absolute, such as "https://api.example.com/v1"`,
      urlNoRemove: message`the URL has no \`{${'variableName'}}\`; remove the variable or use it in the URL`,
      urlUsesWhich: message`the URL uses \`{${'name'}}\`, which has no values; add \`${'name'}: "default"\` in braces after the URL`,
      absoluteURLSuch: message`\`${'settingName'}\` is an absolute URL, such as "https://example.com"`,
    },
  },
  'specl/unknown-setting': {
    severity: 'error',
    summary: 'A setting in a block is not one the block knows, or is given twice.',
    messages: {
      unknownSetting: message`unknown setting \`${'settingName'}\`${'arg1'}`,
      alreadyGivenRemove: message`\`${'settingName'}\` is already given; remove one`,
      emailEmailAddress: message`\`email\` is an email address, such as "team@example.com"`,
    },
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;
