import type { DiagnosticCodeInfo } from './diagnostic-codes.js';
import { message } from './message-template.js';

/**
 * The diagnostic codes of pagination (v0.1): the `paginated` clause of an endpoint and the
 * `pages` walk of a property. Part of the one table in diagnostic-codes.ts.
 */
export const paginationCodes = {
  'specl/invalid-pagination': {
    severity: 'error',
    summary:
      'A `paginated` clause names no optional query parameter for the cursor, reads something other than the response, gives a cursor of another type than the parameter or one that is never absent, or items that are not a list, or `paginated by` a word other than `link`; or an endpoint has two.',
    messages: {
      notQuery: message`\`${'name'}\` is not a query parameter of \`${'endpoint'}\`${'fix'}`,
      required: message`the cursor parameter \`${'name'}\` must be optional, as the first page is asked for without it; write \`query ${'name'}?: ...\``,
      notResponse: message`\`${'source'}\` is not a part of the response; write a path into it, such as \`response.${'example'}\``,
      cursorType: message`the next cursor \`${'source'}\` is ${'actual'}, but the cursor parameter \`${'name'}\` takes ${'expected'}; give them the same type`,
      neverEnds: message`the next cursor \`${'source'}\` is never absent or null, so a walk of the pages never ends; make it optional (\`${'field'}?: ...\`) or nullable`,
      itemsNotList: message`the items \`${'source'}\` are ${'actual'}, not a list; point \`items\` at the list of the page's items`,
      twice: message`an endpoint is paginated once; remove this clause`,
      unknownStyle: message`\`paginated by\` takes \`link\` (the next page is the URL of the answer's \`Link\` header with \`rel="next"\`), not \`${'style'}\``,
    },
  },
  'specl/invalid-pages': {
    severity: 'error',
    summary:
      '`pages` walks an endpoint that is not paginated, or is given the cursor the walk sets itself.',
    messages: {
      notPaginated: message`\`${'endpoint'}\` is not paginated, so \`pages\` cannot walk it; add \`paginated cursor = response.next, items = response.items\` to \`${'endpoint'}\`, or call it without \`pages\``,
      cursorGiven: message`\`pages\` sets \`${'name'}\` on every page but the first; remove this argument`,
    },
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;
