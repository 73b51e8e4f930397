/**
 * The intermediate representation of a checked spec: plain, resolved data that the emitters
 * read (they never see the AST). Names are resolved, spreads expanded, aliases kept by name,
 * expressions typed. Every array is in a deterministic order.
 */

/** Where something was written: a path relative to the root spec's folder, 1-based. */
export interface SourceLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/**
 * The primitive types. `Json` (any JSON value), `Int32`, `Int64` and `Decimal` (a decimal
 * number written as a string) arrived in v0.1, `UriTemplate` (RFC 6570) in v0.2.
 */
export type PrimitiveName =
  | 'String'
  | 'Int'
  | 'Float'
  | 'Bool'
  | 'Uuid'
  | 'Email'
  | 'Url'
  | 'Date'
  | 'DateTime'
  | 'Bytes'
  | 'Json'
  | 'Int32'
  | 'Int64'
  | 'Decimal'
  | 'UriTemplate';

/** A JSON value written in a spec (an example, a default), objects' keys in the order written. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** Constraints written on one type reference (an alias's own constraints live on the alias). */
export interface ConstraintsIR {
  readonly min?: number;
  readonly max?: number;
  readonly exclusiveMin?: number;
  readonly exclusiveMax?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly unique?: boolean;
  /**
   * Annotations (v0.1): a value of the type shown as an example, the value assumed when absent
   * (any JSON value, objects with their keys in the order written).
   */
  readonly example?: JsonValue;
  readonly default?: JsonValue;
  /**
   * Named examples (`examples: { ok: ..., empty: ... }`), on the type of a body or response
   * only: the examples of that message, by name in the order written.
   */
  readonly examples?: Readonly<Record<string, JsonValue>>;
  readonly deprecated?: boolean;
  /** A field answered but never sent (`readOnly`), or sent but never answered (`writeOnly`). */
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  /** A constant type (v0.1): the one value allowed, on a primitive of its kind (`"card"`). */
  readonly const?: number | string | boolean;
}

/** A type as written where it is used. Named types are referenced by name. */
export type TypeIR =
  | {
      readonly kind: 'primitive';
      readonly name: PrimitiveName;
      readonly constraints: ConstraintsIR;
    }
  | { readonly kind: 'list'; readonly element: TypeIR; readonly constraints: ConstraintsIR }
  | { readonly kind: 'map'; readonly value: TypeIR; readonly constraints: ConstraintsIR }
  | { readonly kind: 'ref'; readonly name: string; readonly constraints: ConstraintsIR }
  | { readonly kind: 'union'; readonly options: readonly TypeIR[] }
  | { readonly kind: 'nullable'; readonly inner: TypeIR };

/** A field of a record or error, own or brought by a spread. */
export interface FieldIR {
  readonly name: string;
  readonly optional: boolean;
  readonly type: TypeIR;
  readonly description?: string;
  readonly location: SourceLocation;
}

/** A condition written in the spec, with its source text and where it stands. */
export interface ConditionIR {
  readonly expr: ExprIR;
  readonly source: string;
  readonly location: SourceLocation;
}

export interface RecordIR {
  readonly kind: 'record';
  readonly name: string;
  readonly description?: string;
  readonly fields: readonly FieldIR[];
  /** `...Map<T>`: further fields allowed, of type `T`; absent for a closed record. */
  readonly openFields?: TypeIR;
  readonly invariants: readonly ConditionIR[];
  readonly location: SourceLocation;
}

/**
 * What an error's status may be besides one number: a range (`4XX`: every 4xx status the
 * endpoint does not declare exactly) or `default` (every status it declares neither exactly
 * nor by a range), as OpenAPI's `responses` keys.
 */
export type StatusPatternIR = '4XX' | '5XX' | 'default';

export interface ErrorIR {
  readonly kind: 'error';
  readonly name: string;
  /** The exact status (v0), or a range or `default`. */
  readonly status: number | StatusPatternIR;
  /** `error NAME STATUS no body`: the answer has no body at all. Absent otherwise. */
  readonly bodyless?: true;
  /** The media types of the body, when not JSON (`as "application/problem+json"`). */
  readonly mediaTypes?: readonly string[];
  /** `with H, ...`: the names of the `headers` declarations the answer carries; absent when none. */
  readonly headers?: readonly string[];
  readonly description?: string;
  readonly fields: readonly FieldIR[];
  /** `...Map<T>`: further fields allowed, of type `T`; absent for a closed record. */
  readonly openFields?: TypeIR;
  readonly invariants: readonly ConditionIR[];
  readonly location: SourceLocation;
}

export interface AliasIR {
  readonly kind: 'alias';
  readonly name: string;
  readonly description?: string;
  readonly type: TypeIR;
  /**
   * `A | B by FIELD`: the field whose constant value tells the union's options apart. The
   * type is then a union of record references, each with that field a required constant.
   */
  readonly discriminator?: string;
  readonly location: SourceLocation;
}

export interface EnumIR {
  readonly kind: 'enum';
  readonly name: string;
  readonly description?: string;
  readonly members: readonly EnumMemberIR[];
  readonly location: SourceLocation;
}

/** A member of an enum. */
export interface EnumMemberIR {
  readonly name: string;
  readonly description?: string;
  readonly location: SourceLocation;
}

/** A named type: a record, an error, an alias or an enum. */
export type TypeDeclIR = RecordIR | ErrorIR | AliasIR | EnumIR;

/** A path, query or header parameter. */
export interface ParamIR {
  readonly name: string;
  readonly optional: boolean;
  readonly type: TypeIR;
  readonly description?: string;
  /** For headers: the name on the wire (`Idempotency-Key`); otherwise the name. */
  readonly wireName: string;
  readonly location: SourceLocation;
}

export interface ResponseIR {
  readonly status: number;
  /** The body's type; absent for a response without a body (`response 204`). */
  readonly type?: TypeIR;
  /** The media types of the body, when not JSON only (`as "text/plain"`). */
  readonly mediaTypes?: readonly string[];
  /** `with H, ...`: the names of the `headers` declarations the answer carries; absent when none. */
  readonly headers?: readonly string[];
  /** Where the `response` clause stands. */
  readonly location: SourceLocation;
}

export interface EndpointIR {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
  /** The path with parameter names: `/employees/{id}/requests`. */
  readonly path: string;
  readonly description?: string;
  readonly pathParams: readonly ParamIR[];
  readonly query: readonly ParamIR[];
  readonly headers: readonly ParamIR[];
  readonly body?: TypeIR;
  /** Where the `body` clause stands, when there is one. */
  readonly bodyLocation?: SourceLocation;
  /** The media types of the body, when not JSON only (`as "multipart/form-data"`). */
  readonly bodyMediaTypes?: readonly string[];
  /** The endpoint's own `security`: absent to take the spec's, empty for `security none`. */
  readonly security?: readonly SecurityRequirementIR[];
  /** The tags the endpoint is in, in the order written; absent when none. */
  readonly tags?: readonly string[];
  /** `deprecated`; absent when not. */
  readonly deprecated?: true;
  /** The endpoint's own latency budget (`latency p99 < 200 ms`); absent when none. */
  readonly latency?: LatencyBudgetIR;
  /** How the endpoint's answers come in pages (`paginated ...`); absent when they do not. */
  readonly pagination?: PaginationIR;
  readonly responses: readonly ResponseIR[];
  /** The names of the declared errors, in the order written. */
  readonly errors: readonly string[];
  /** Where each declared error is named, in the order of `errors`. */
  readonly errorLocations: readonly SourceLocation[];
  readonly requires: readonly ConditionIR[];
  readonly ensures: readonly ConditionIR[];
  readonly location: SourceLocation;
}

/**
 * A latency budget: each percentile of the response times (50, 95, 99.9) and the milliseconds
 * it must stay under, in the order written.
 */
export type LatencyBudgetIR = readonly { readonly percentile: number; readonly ms: number }[];

/**
 * `paginated cursor = response.next, items = response.items`: the optional query parameter
 * that takes the next page's cursor, and the fields of the success body that hold the next
 * cursor (absent or `null` on the last page) and the page's items (`[]`: the body itself).
 * `paginated by link, items = ...` (`by: 'link'`): the next page is the URL of the answer's
 * `Link` header with `rel="next"` (RFC 8288); there is no cursor parameter.
 */
export type PaginationIR =
  | {
      readonly by?: undefined;
      readonly cursorParameter: string;
      readonly nextCursor: readonly string[];
      readonly items: readonly string[];
    }
  | { readonly by: 'link'; readonly items: readonly string[] };

/** One way to authenticate: a scheme and the scopes it needs (OAuth2, OpenID Connect). */
export interface SecurityRequirementIR {
  readonly scheme: string;
  readonly scopes: readonly string[];
}

/** The kinds of security scheme. */
export type AuthKind = 'bearer' | 'basic' | 'apiKey' | 'oauth2' | 'openIdConnect';

/** A security scheme: `auth NAME KIND ...`. */
export interface AuthIR {
  readonly name: string;
  readonly kind: AuthKind;
  readonly description?: string;
  /** bearer: the token's format (`JWT`). */
  readonly bearerFormat?: string;
  /** apiKey: where the key travels, and the parameter's name. */
  readonly in?: 'header' | 'query' | 'cookie';
  readonly parameter?: string;
  /** openIdConnect: the discovery URL. */
  readonly url?: string;
  /** oauth2: the flows, by name, with their URLs. */
  readonly flows?: readonly {
    readonly name: string;
    readonly settings: Readonly<Record<string, string>>;
  }[];
  /** oauth2: the scopes, in the order written. */
  readonly scopes?: readonly { readonly name: string; readonly description?: string }[];
  readonly location: SourceLocation;
}

/** One header of an answer: `remaining "X-RateLimit-Remaining": Int { min: 0 }`. */
export interface ResponseHeaderIR {
  readonly name: string;
  /** The name on the wire, as written (compared case-insensitively). */
  readonly wireName: string;
  readonly optional: boolean;
  readonly type: TypeIR;
  readonly description?: string;
  readonly location: SourceLocation;
}

/** `headers NAME { ... }`: headers answers carry, attached with `with NAME`. */
export interface HeadersIR {
  readonly name: string;
  readonly description?: string;
  readonly headers: readonly ResponseHeaderIR[];
  readonly location: SourceLocation;
}

/** A group of endpoints: `tag NAME ["Display name"]`. */
export interface TagIR {
  readonly name: string;
  readonly displayName?: string;
  readonly description?: string;
  readonly location: SourceLocation;
}

/** A server of the API, with its variables. */
export interface ServerIR {
  readonly url: string;
  readonly description?: string;
  readonly variables: readonly {
    readonly name: string;
    /** The allowed values, the first the default. */
    readonly values: readonly string[];
    readonly description?: string;
  }[];
}

/** A call to an endpoint in a property: `createEmployee(body: e)`. */
export interface CallIR {
  readonly endpoint: string;
  readonly args: readonly { readonly name: string; readonly value: ExprIR }[];
}

export type StatementIR =
  | {
      readonly kind: 'forall';
      readonly variables: readonly { readonly name: string; readonly type: TypeIR }[];
      readonly where?: ConditionIR;
      readonly location: SourceLocation;
    }
  | {
      readonly kind: 'let';
      readonly name: string;
      readonly try: boolean;
      /** `let x = pages CALL`: every page of the paginated call, its items as one list. */
      readonly pages?: true;
      /** The call, when the value is an endpoint call (the usual case). */
      readonly call?: CallIR;
      /** The value, when it is an expression rather than a call. */
      readonly value?: ExprIR;
      readonly location: SourceLocation;
    }
  | { readonly kind: 'expect'; readonly condition: ConditionIR };

export interface PropertyIR {
  readonly name: string;
  readonly description?: string;
  readonly statements: readonly StatementIR[];
  readonly location: SourceLocation;
}

/**
 * What kind of value an expression has at run time, for the emitters to pick an operation
 * (`==` on records is structural, dates compare chronologically).
 */
export type ValueKind =
  | 'number'
  | 'string'
  | 'date'
  | 'datetime'
  | 'bool'
  | 'enum'
  | 'list'
  | 'map'
  | 'record'
  | 'null'
  | 'outcome'
  | 'unknown';

/** Where a bare name comes from. */
export type NameScope = 'field' | 'param' | 'let' | 'forall' | 'quantifier';

/** A typed expression. */
export type ExprIR = { readonly valueKind: ValueKind; readonly optional: boolean } & (
  | { readonly kind: 'literal'; readonly value: number | string | boolean | null }
  | { readonly kind: 'list'; readonly items: readonly ExprIR[] }
  | {
      readonly kind: 'record';
      readonly typeName: string;
      readonly fields: readonly { readonly name: string; readonly value: ExprIR }[];
    }
  | { readonly kind: 'name'; readonly name: string; readonly scope: NameScope }
  | { readonly kind: 'body' }
  | { readonly kind: 'response' }
  /** `headers.NAME` in an `ensures`: a header of the success answer, read as its type. */
  | { readonly kind: 'responseHeader'; readonly name: string }
  | { readonly kind: 'enumMember'; readonly enumName: string; readonly member: string }
  | {
      readonly kind: 'member';
      readonly receiver: ExprIR;
      readonly name: string;
      /** `?.`: absent when the receiver is. */
      readonly optionalChain: boolean;
    }
  | { readonly kind: 'unary'; readonly op: 'not' | '-'; readonly operand: ExprIR }
  | {
      readonly kind: 'binary';
      readonly op:
        | 'and'
        | 'or'
        | 'implies'
        | '=='
        | '!='
        | '<'
        | '<='
        | '>'
        | '>='
        | 'in'
        | '??'
        | '+'
        | '-'
        | '*'
        | '/'
        | '%';
      readonly left: ExprIR;
      readonly right: ExprIR;
    }
  | {
      readonly kind: 'quantifier';
      readonly quantifier: 'all' | 'any' | 'one';
      readonly variable: string;
      readonly collection: ExprIR;
      readonly predicate: ExprIR;
    }
  | { readonly kind: 'builtin'; readonly name: 'len' | 'matches'; readonly args: readonly ExprIR[] }
);

/** A whole checked spec: the root file and everything it imports. */
export interface SpecIR {
  readonly name: string;
  readonly version: string;
  readonly description?: string;
  /** Where the root file's `spec` header stands (the root file's start when it has none). */
  readonly location: SourceLocation;
  /** `sha256:<hex>` of the spec's meaning (the IR without locations): names the exact version. */
  readonly fingerprint: string;
  /** Named types, sorted by name. */
  readonly types: readonly TypeDeclIR[];
  /** Endpoints, sorted by name. */
  readonly endpoints: readonly EndpointIR[];
  /** Properties, sorted by name. */
  readonly properties: readonly PropertyIR[];
  /** v0.1 metadata: each is absent when the spec does not use it (v0 fingerprints hold). */
  readonly servers?: readonly ServerIR[];
  readonly license?: { readonly name: string; readonly url?: string };
  readonly contact?: { readonly name?: string; readonly email?: string; readonly url?: string };
  /** The security every endpoint requires unless it has its own. */
  readonly security?: readonly SecurityRequirementIR[];
  /** Security schemes, sorted by name. */
  readonly auth?: readonly AuthIR[];
  /** Every endpoint's latency budget (an endpoint's own overrides its percentiles). */
  readonly latency?: LatencyBudgetIR;
  /** Tags, sorted by name. */
  readonly tags?: readonly TagIR[];
  /** Response header declarations, sorted by name; absent when none. */
  readonly headers?: readonly HeadersIR[];
}
