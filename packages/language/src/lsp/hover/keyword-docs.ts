/** What each keyword of Specl means, shown when hovering over it. */
export const keywordDocs: Readonly<Record<string, string>> = {
  spec: 'The spec header: `spec Name version "1.0.0"`, at the top of a root file.',
  version: 'The version of the spec, in semver: `spec Name version "1.2.0"`.',
  import:
    'Imports the declarations of another file, relative to this one: `import "./common.specl"`.',
  type: 'Declares a record (`type Item { name: String }`) or an alias with constraints (`type Days = Int { min: 0 }`).',
  enum: 'Declares an enum: `enum Status { pending, approved }`. Its members are written bare where the enum is expected, else `Status.pending`.',
  error:
    'Declares an error response with its status and body: `error NotFound 404 { message: String }`.',
  endpoint: 'Declares an endpoint: `endpoint name METHOD /path/{param: Type} { ... }`.',
  property:
    'Declares a behavioural property: generated inputs (`forall`), calls (`let`) and expectations (`expect`).',
  invariant:
    'A condition every value of the record holds; checked on every value that crosses the API.',
  header: 'A header parameter: `header name "Wire-Name"?: Type` (optional with `?`).',
  query: 'A query parameter: `query name?: Type` (optional with `?`).',
  body: 'The request body (`body Type`); in conditions, the body sent.',
  response: 'A success response (`response 200 Type`); in `ensures`, the body received.',
  errors: 'The error responses the endpoint may give: `errors NotFound, Invalid`.',
  requires: 'A precondition: the request must satisfy it (inputs that do not are never sent).',
  ensures: 'A postcondition: every success response must satisfy it.',
  forall: 'Generated inputs of a property: `forall x: Type, y: Type where condition`.',
  where: 'Restricts the generated inputs of a `forall` to those satisfying a condition.',
  let: 'Calls an endpoint and names its response: `let item = getItem(id: x)`.',
  try: 'Calls an endpoint that may fail: the result has `ok`, `status`, `value` and `error`.',
  expect: 'An expectation of a property: must hold on every run.',
  implies: '`a implies b`: when `a` holds, `b` must hold too.',
  all: '`all x in list: condition`: the condition holds for every element.',
  any: '`any x in list: condition`: the condition holds for some element.',
  len: '`len(x)`: the length of a string, list or map.',
  matches: '`matches(text, "regex")`: whether a string matches a regular expression.',
  paginated:
    "The endpoint answers in pages: `paginated cursor = response.nextCursor, items = response.items` names the optional query parameter that takes the next page's cursor and where an answer holds that cursor (absent or null on the last page) and its items; `paginated by link, items = response` follows each answer's `Link` header with `rel=\"next\"` (on the target's origin and the endpoint's path only).",
  items: 'Where a page of a `paginated` endpoint holds its items: a list in the response.',
  pages:
    '`let all = pages list(...)` walks every page of a paginated endpoint (at most 1,000; a cursor seen twice fails) and binds all their items as one list.',
  one: '`one x in list: condition`: exactly one element satisfies the condition.',
  headers:
    'Declares the headers an answer carries: `headers RateLimit { remaining "X-RateLimit-Remaining": Int { min: 0 } }`, each with its wire name and `?` when the answer may leave it out; attached with `with`.',
  with: 'The headers an answer carries: `response 200 Item with RateLimit`, `error TooMany 429 with RateLimit no body`. The verifier checks that each required one is present and each present one reads as its type.',
  by: "Tells the options of a union apart by a constant field: `type Payment = Card | Bank by kind`; in `paginated by link`, says the next page is the `Link` header's.",
};

/** What an error's status other than a number covers: shown on hover and in completion. */
export const errorStatusDocs: Readonly<Record<string, string>> = {
  '4XX':
    'Every 4xx status (400-499) that an endpoint listing this error does not declare exactly (OpenAPI `4XX`). A handler answering it names its concrete status.',
  '5XX':
    'Every 5xx status (500-599) that an endpoint listing this error does not declare exactly (OpenAPI `5XX`). A handler answering it names its concrete status.',
  default:
    'Every status that an endpoint listing this error declares neither exactly nor by a range (OpenAPI `default`). An answer it covers is never a success.',
};
