import type { DiagnosticCodeInfo } from './diagnostic-codes.js';
import { message } from './message-template.js';

/**
 * The diagnostic codes of response headers (v0.1): `headers NAME { ... }` declarations and the
 * `with NAME` that attaches them to a response or an error. Part of the one table in
 * diagnostic-codes.ts.
 */
export const responseHeaderCodes = {
  'specl/unknown-headers': {
    severity: 'error',
    summary:
      '`with` names something that is not a `headers` declaration (unknown, or a type, an error, ...).',
    messages: {
      unknown: message`unknown headers \`${'name'}\`${'fix'}`,
      notHeaders: message`\`${'name'}\` is ${'what'}, not a \`headers\` declaration; declare \`headers ${'name'}Headers { ... }\` and name it here`,
    },
  },
  'specl/invalid-response-header': {
    severity: 'error',
    summary:
      'A response header has a type a header cannot hold (a record, list, map, bytes or null), or is one HTTP sets from the body (`Content-Type`, `Content-Length`).',
    messages: {
      notScalar: message`header \`${'name'}\` is ${'actual'}, which a header cannot hold; give it a string, number, boolean or enum type`,
      nullable: message`a header is present or absent, never null; write \`${'name'}?: ${'inner'}\` to make it optional`,
      reserved: message`\`${'wire'}\` is set from the response's body and media type, not declared; remove this header`,
    },
  },
  'specl/duplicate-response-header': {
    severity: 'error',
    summary:
      'Two response headers of one answer share a name (wire names compare case-insensitively), or `with` names one declaration twice.',
    messages: {
      sameName: message`header \`${'name'}\` is already declared in \`${'decl'}\`; rename or remove one`,
      sameWire: message`\`${'wire'}\` is already the wire name of \`${'other'}\` (header names are case-insensitive); rename or remove one`,
      acrossDeclarations: message`\`${'wire'}\` is carried by both \`${'first'}\` and \`${'second'}\` on this answer; remove it from one of them`,
      listedTwice: message`\`${'name'}\` is already attached; remove it`,
    },
  },
  'specl/unknown-response-header': {
    severity: 'error',
    summary:
      '`headers.NAME` in an `ensures` names a header no 2xx answer of the endpoint declares, or no 2xx answer declares any.',
    messages: {
      unknown: message`no 2xx answer of \`${'endpoint'}\` declares the header \`${'name'}\`${'fix'}`,
      noHeaders: message`no 2xx answer of \`${'endpoint'}\` declares headers; attach them with \`response 200 T with NAME\` and \`headers NAME { ${'name'} "Wire-Name": Type }\``,
    },
  },
  'specl/invalid-response-header-read': {
    severity: 'error',
    summary:
      '`headers` in an `ensures` is read one header at a time (`headers.remaining`), not as a whole.',
    messages: {
      whole: message`\`headers\` is read one header at a time: write \`headers.NAME\`${'fix'}`,
    },
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;
