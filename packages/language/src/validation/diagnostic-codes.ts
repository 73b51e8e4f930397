/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning';

/** One entry of the table of stable diagnostic codes. */
export interface DiagnosticCodeInfo {
  readonly severity: Severity;
  /** One line on what the code means, for `--help`, SARIF rules and the docs. */
  readonly summary: string;
}

/**
 * The table of stable diagnostic codes. A code never changes meaning once released; the same
 * codes appear in the CLI's text, JSON and SARIF output and in the editor.
 */
export const diagnosticCodes = {
  'specl/syntax-error': { severity: 'error', summary: 'The text does not parse.' },
  'specl/unresolved-import': { severity: 'error', summary: 'An imported file does not exist.' },
  'specl/missing-spec': {
    severity: 'error',
    summary: 'A root file (imported by no other) has no `spec` header.',
  },
  'specl/invalid-semver': { severity: 'error', summary: 'A spec version is not valid semver.' },
  'specl/unknown-type': { severity: 'error', summary: 'A type name does not resolve.' },
  'specl/not-a-type': {
    severity: 'error',
    summary: 'A name used as a type is an endpoint or a property.',
  },
  'specl/not-a-record': {
    severity: 'error',
    summary: 'A spread names something other than a record.',
  },
  'specl/unknown-error': { severity: 'error', summary: 'An `errors` entry does not resolve.' },
  'specl/not-an-error': {
    severity: 'error',
    summary: 'An `errors` entry is not an `error` declaration.',
  },
  'specl/unknown-name': { severity: 'error', summary: 'A name in an expression does not resolve.' },
  'specl/unknown-field': { severity: 'error', summary: 'A field does not exist on the type.' },
  'specl/unknown-endpoint': { severity: 'error', summary: 'A call names no endpoint.' },
  'specl/unknown-parameter': {
    severity: 'error',
    summary: 'A call passes a parameter the endpoint does not have.',
  },
  'specl/missing-parameter': { severity: 'error', summary: 'A call omits a required parameter.' },
  'specl/ambiguous-enum-member': {
    severity: 'error',
    summary: 'A bare enum member has no context that decides its enum.',
  },
  'specl/duplicate-declaration': { severity: 'error', summary: 'Two declarations share a name.' },
  'specl/duplicate-field': { severity: 'error', summary: 'Two fields of a record share a name.' },
  'specl/duplicate-parameter': {
    severity: 'error',
    summary: 'Two parameters of an endpoint, or two arguments of a call, share a name.',
  },
  'specl/duplicate-enum-member': {
    severity: 'error',
    summary: 'Two members of an enum share a name.',
  },
  'specl/duplicate-constraint': {
    severity: 'error',
    summary: 'A constraint is given twice on one type.',
  },
  'specl/duplicate-route': {
    severity: 'error',
    summary: 'Two endpoints have the same method and path.',
  },
  'specl/duplicate-clause': {
    severity: 'error',
    summary: 'A clause that may appear once appears twice.',
  },
  'specl/invalid-header-name': {
    severity: 'error',
    summary: 'A header wire name is not a valid HTTP header name.',
  },
  'specl/duplicate-import': { severity: 'error', summary: 'A file is imported twice.' },
  'specl/unknown-method': {
    severity: 'error',
    summary: 'An endpoint names an HTTP method that does not exist.',
  },
  'specl/invalid-path': { severity: 'error', summary: 'A path is malformed.' },
  'specl/untyped-path-parameter': { severity: 'error', summary: 'A path parameter has no type.' },
  'specl/invalid-parameter-type': {
    severity: 'error',
    summary: 'A path, query or header parameter has a type that cannot travel in a URL or header.',
  },
  'specl/status-out-of-range': {
    severity: 'error',
    summary: 'A response status is not 2xx, or an error status is not 400-599.',
  },
  'specl/duplicate-status': {
    severity: 'error',
    summary: 'Two responses or errors of an endpoint share a status.',
  },
  'specl/missing-response': { severity: 'error', summary: 'An endpoint declares no response.' },
  'specl/unknown-constraint': {
    severity: 'error',
    summary: 'A constraint name is not one Specl knows.',
  },
  'specl/constraint-type-mismatch': {
    severity: 'error',
    summary: 'A constraint does not fit the type it constrains, or its value has the wrong kind.',
  },
  'specl/constraint-conflict': { severity: 'error', summary: 'Constraints contradict each other.' },
  'specl/invalid-pattern': {
    severity: 'error',
    summary: 'A `pattern` or `matches` regex is not a valid regular expression.',
  },
  'specl/recursive-alias': { severity: 'error', summary: 'An alias refers to itself.' },
  'specl/uninhabited-type': {
    severity: 'error',
    summary: 'A record can hold no finite value: its required fields form a cycle.',
  },
  'specl/recursive-spread': {
    severity: 'error',
    summary: 'A record spreads itself, directly or through others.',
  },
  'specl/type-mismatch': {
    severity: 'error',
    summary: 'An expression has the wrong type for where it stands.',
  },
  'specl/optional-access': {
    severity: 'error',
    summary: 'A possibly absent value is used as if it were present.',
  },
  'specl/not-a-value': {
    severity: 'error',
    summary: 'A name that is not a value (a type, endpoint or property) is used as one.',
  },
  'specl/misplaced-expression': {
    severity: 'error',
    summary:
      'An expression is used where it has no meaning (`response` in `requires`, a call outside `let`).',
  },
  'specl/missing-field': { severity: 'error', summary: 'A record literal omits a required field.' },
  'specl/let-before-bound': {
    severity: 'error',
    summary: 'A `let` or `forall` name is used before the statement that binds it.',
  },
  'specl/unsatisfiable-invariant': {
    severity: 'warning',
    summary: 'An invariant can never hold given the constraints.',
  },
  'specl/redundant-optional-chain': {
    severity: 'warning',
    summary: '`?.` or `??` on a value that is never absent.',
  },
  'specl/invalid-annotation': {
    severity: 'error',
    summary:
      'An example or default does not fit its type, or an annotation stands where it means nothing.',
  },
  'specl/invalid-media-type': {
    severity: 'error',
    summary: 'A media type is not `type/subtype`.',
  },
  'specl/media-type-mismatch': {
    severity: 'error',
    summary: 'A body type cannot travel as the media type it is declared with.',
  },
  'specl/duplicate-media-type': {
    severity: 'error',
    summary:
      'Two bodies of one status, or one body twice, have media types that cannot be told apart.',
  },
  'specl/bodyless-response-read': {
    severity: 'error',
    summary: '`response` is read in `ensures` of an endpoint whose success responses have no body.',
  },
  'specl/unknown-auth-kind': {
    severity: 'error',
    summary: 'An `auth` declaration names a kind of scheme Specl does not know.',
  },
  'specl/invalid-auth': {
    severity: 'error',
    summary: 'A security scheme lacks what its kind needs (a location, a name, a flow, a URL).',
  },
  'specl/not-an-auth': {
    severity: 'error',
    summary: 'A `security` entry names something other than an `auth` declaration.',
  },
  'specl/unknown-scope': {
    severity: 'error',
    summary:
      'A `security` entry needs a scope its scheme does not declare, or scopes it cannot have.',
  },
  'specl/not-a-tag': {
    severity: 'error',
    summary: 'A `tags` entry names something other than a `tag` declaration.',
  },
  'specl/invalid-url': {
    severity: 'error',
    summary:
      'A server, license, contact or scheme URL is not absolute, or a server variable is unused or undeclared.',
  },
  'specl/unknown-setting': {
    severity: 'error',
    summary: 'A setting in a block is not one the block knows, or is given twice.',
  },
  'specl/body-on-get': {
    severity: 'warning',
    summary: 'A GET, HEAD or DELETE endpoint has a body, which many clients and proxies drop.',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A stable diagnostic code, such as `specl/unknown-type`. */
export type DiagnosticCode = keyof typeof diagnosticCodes;

/** Every code, sorted, for listings. */
export const allDiagnosticCodes = Object.keys(diagnosticCodes).sort() as DiagnosticCode[];
