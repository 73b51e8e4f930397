import type { DiagnosticCodeInfo } from './diagnostic-codes.js';
import { message } from './message-template.js';

/**
 * The diagnostic codes of endpoints: methods, paths, parameters, statuses, responses, clauses
 * and latency budgets. Part of the one table in diagnostic-codes.ts.
 */
export const endpointCodes = {
  'specl/duplicate-route': {
    severity: 'error',
    summary: 'Two endpoints have the same method and path.',
    messages: {
      default: message`${'key'} is already served by ${'other'}; change the method or the path`,
    },
  },
  'specl/duplicate-clause': {
    severity: 'error',
    summary: 'A clause that may appear once appears twice.',
    messages: {
      openOnce: message`a record is opened once: \`...Map<T>\` is already written or spread here; remove this one`,
      endpointAtMost: message`an endpoint has at most one \`body\`; remove this one`,
      alreadyListedRemove: message`\`${'targetName'}\` is already listed; remove it`,
      specHeaderAlready: message`the spec header already has one; remove this`,
    },
  },
  'specl/invalid-latency': {
    severity: 'error',
    summary: 'A latency budget names no percentile, a unit of time other than ms or s, or no time.',
    messages: {
      percentile: message`\`${'percentile'}\` is not a percentile; write p50, p95, p99 or p999 (99.9): a p and a percentile above 0, at most 100`,
      unit: message`\`${'unit'}\` is not a unit of time here; write ms or s (\`p99 < 200 ms\`)`,
      positive: message`a latency budget is above 0; write the time the percentile must stay under`,
      twice: message`\`${'percentile'}\` is already budgeted in this clause; remove this one`,
    },
  },
  'specl/unknown-method': {
    severity: 'error',
    summary: 'An endpoint names an HTTP method that does not exist.',
    messages: { default: message`unknown HTTP method \`${'method'}\`${'fix'}` },
  },
  'specl/invalid-path': {
    severity: 'error',
    summary: 'A path is malformed.',
    messages: {
      pathContainSpaces: message`a path cannot contain spaces; write \`${'pathTemplate'}\``,
      startsCommentEven: message`\`//\` starts a comment, even in a path, so the path ends before it; remove the empty segment`,
      pathRemoveIt: message`the path has ${'where'}; remove it`,
      twoPathParameters: message`two path parameters must be separated by literal text`,
      validPath: message`\`${'partText'}\` is not valid in a path`,
    },
  },
  'specl/untyped-path-parameter': {
    severity: 'error',
    summary: 'A path parameter has no type.',
    messages: {
      default: message`path parameter \`${'partName'}\` needs a type: write \`{${'partName'}: String}\` (or Uuid, Int, ...)`,
    },
  },
  'specl/invalid-parameter-type': {
    severity: 'error',
    summary: 'A path, query or header parameter has a type that cannot travel in a URL or header.',
    messages: {
      pathParameterAlways: message`path parameter \`${'paramName'}\` is always present; remove the \`?\``,
      parameterStringNumber: message`a ${'kind'} parameter must be a string, number, boolean or enum${'arg1'}; send structured data in the body`,
    },
  },
  'specl/status-out-of-range': {
    severity: 'error',
    summary:
      'A response status is not 2xx or 3xx, or an error status is not 400-599, `4XX`, `5XX` or `default`.',
    messages: {
      responseStatusXx: message`a response status must be 2xx or 3xx, not ${'responseStatus'}; declare failures as \`error\`s and list them in \`errors\``,
      responseNoBody: message`a 204 response has no body; remove the type or use 200`,
      errorStatusBetween: message`an error status must be between 400 and 599, not ${'declStatus'}`,
      errorRangeClass: message`an error's status range must be \`4XX\` or \`5XX\`, not ${'declStatus'}; successes are \`response\` clauses with an exact status`,
      errorRangeCase: message`write the status range in upper case, \`${'range'}\`, as OpenAPI does`,
      errorStatusWord: message`an error status is a number (400-599), a range (\`4XX\`, \`5XX\`) or \`default\`, not \`${'declStatus'}\``,
    },
  },
  'specl/duplicate-status': {
    severity: 'error',
    summary: 'Two responses or errors of an endpoint share a status.',
    messages: {
      statusAlreadyDeclared: message`status ${'status'} is already declared by another response`,
      statusLikeClient: message`\`${'targetName'}\` has status ${'status'}, like ${'other'}; a client could not tell them apart`,
    },
  },
  'specl/missing-response': {
    severity: 'error',
    summary: 'An endpoint declares no response.',
    messages: {
      default: message`endpoint \`${'endpointName'}\` declares no response; add one, such as \`response 200 SomeType\` or \`response 204\``,
    },
  },
  'specl/body-on-get': {
    severity: 'warning',
    summary: 'A GET, HEAD or DELETE endpoint has a body, which many clients and proxies drop.',
    messages: {
      default: message`a ${'endpointMethod'} request with a body is dropped by many clients and proxies; use query parameters or POST`,
    },
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;
