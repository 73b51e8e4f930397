import type { JsonValue } from '../../ir/spec-ir.js';

/**
 * The subset of OpenAPI 3.1 (and of JSON Schema 2020-12, its Schema Object) that Specl emits, as
 * TypeScript types. The emitter builds a value of {@link OpenApiDocument} first and prints it
 * afterwards, so the printed key order is the order in which the builders write the keys.
 */

/** A JSON Schema type name. */
export type JsonSchemaType =
  'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'null';

/** Where a condition, a property or a statement was written: `file:line:column`. */
export type LocationText = string;

/** A condition carried from the spec (`x-specl-invariants`, `x-specl-requires`, `x-specl-ensures`). */
export interface SpeclCondition {
  /** The condition as written, with runs of whitespace collapsed to one space. */
  readonly source: string;
  readonly location: LocationText;
}

/** A behavioural property carried from the spec (`x-specl-properties`). */
export interface SpeclProperty {
  readonly name: string;
  readonly description?: string;
  /** Each statement (`forall`, `let`, `expect`) as Specl source text. */
  readonly statements: readonly string[];
  readonly location: LocationText;
}

/** A JSON Schema 2020-12 schema, as OpenAPI 3.1's Schema Object, with Specl's extensions. */
export interface SchemaObject {
  readonly $ref?: string;
  readonly type?: JsonSchemaType | readonly JsonSchemaType[];
  readonly format?: string;
  readonly enum?: readonly (string | null)[];
  readonly items?: SchemaObject;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly required?: readonly string[];
  readonly additionalProperties?: SchemaObject | boolean;
  readonly oneOf?: readonly SchemaObject[];
  readonly anyOf?: readonly SchemaObject[];
  readonly allOf?: readonly SchemaObject[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly uniqueItems?: boolean;
  /** A constant type's one value (v0.1). */
  readonly const?: number | string | boolean;
  /** A discriminated union (v0.1): the field that tells its options apart, and their schemas. */
  readonly discriminator?: {
    readonly propertyName: string;
    readonly mapping: Readonly<Record<string, string>>;
  };
  readonly default?: JsonValue;
  readonly examples?: readonly JsonValue[];
  readonly deprecated?: boolean;
  readonly readOnly?: boolean;
  readonly writeOnly?: boolean;
  /** On `Bytes`: the media type of the raw bytes (a multipart file part). */
  readonly contentMediaType?: string;
  readonly description?: string;
  /** On an enum: the doc comments of its members, by member name (only when one has one). */
  readonly 'x-specl-enum-descriptions'?: Readonly<Record<string, string>>;
  /** On a record or error: the invariants every value keeps. */
  readonly 'x-specl-invariants'?: readonly SpeclCondition[];
  /** On an error: the HTTP status it is sent with. */
  readonly 'x-specl-status'?: number | '4XX' | '5XX' | 'default';
  /** On an error: the `headers` declarations its answers carry (`with A, B`), in order. */
  readonly 'x-specl-headers'?: readonly string[];
  /** On an error whose body is not JSON only: its media types (`as "..."`), in order. */
  readonly 'x-specl-media-types'?: readonly string[];
}

/** A Media Type Object: the body's schema (absent for raw bytes), and multipart encodings. */
export interface MediaTypeObject {
  readonly schema?: SchemaObject;
  /** The example of the message (`example:` on the body's or response's type). */
  readonly example?: JsonValue;
  /** Its named examples (`examples: { name: value }`), each an Example Object. */
  readonly examples?: Readonly<Record<string, { readonly value: JsonValue }>>;
  readonly encoding?: Readonly<Record<string, { readonly contentType: string }>>;
}

/** The `content` of a request body or response, by media type (`application/json` unless written). */
export type ContentObject = Readonly<Record<string, MediaTypeObject>>;

/** A path, query or header Parameter Object. */
export interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly deprecated?: true;
  readonly description?: string;
  readonly required: boolean;
  readonly schema: SchemaObject;
  /** A header's or path parameter's name in the spec, when its wire name differs (for import to read back). */
  readonly 'x-specl-name'?: string;
}

/** A Request Body Object: a JSON body, always required. */
export interface RequestBodyObject {
  readonly required: true;
  readonly content: ContentObject;
}

/** A Response Object; `content` is absent for a response without a body. */
/** A Reference Object: `{ "$ref": "#/components/headers/RateLimit.limit" }`. */
export interface ReferenceObject {
  readonly $ref: string;
}

/** A Header Object of `components/headers`: one header of a `headers` declaration. */
/** An error without a body, as `x-specl-bodyless-errors` keeps it (it has no schema). */
export interface BodylessErrorObject {
  readonly status: number | '4XX' | '5XX' | 'default';
  /** The `headers` declarations its answers carry (`with A, B`), in order. */
  readonly headers?: readonly string[];
  readonly description?: string;
}

export interface HeaderObject {
  readonly description?: string;
  readonly required?: true;
  readonly schema: SchemaObject;
  /**
   * Its name on the wire, so that a set no answer carries survives import (answers name their
   * headers by wire name; `components/headers` by `Set.field`).
   */
  readonly 'x-specl-wire-name': string;
}

export interface ResponseObject {
  readonly description: string;
  /** The headers the answer carries, by wire name (`with NAME`). */
  readonly headers?: Readonly<Record<string, ReferenceObject>>;
  readonly content?: ContentObject;
  /** The name of a bodyless error (it has no schema to carry it), for import to read back. */
  readonly 'x-specl-error'?: string;
}

/** An Operation Object: one Specl endpoint. */
export interface OperationObject {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
  readonly tags?: readonly string[];
  readonly deprecated?: true;
  /** The endpoint's own security requirements (`[]` for a public endpoint). */
  readonly security?: readonly SecurityRequirementObject[];
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: RequestBodyObject;
  /** By status code; JSON prints integer-like keys in ascending order whatever the insertion order. */
  readonly responses: Readonly<Record<string, ResponseObject>>;
  readonly 'x-specl-requires'?: readonly SpeclCondition[];
  readonly 'x-specl-ensures'?: readonly SpeclCondition[];
  /** The endpoint's own latency budget: milliseconds by percentile (`{ "p99": 200 }`). */
  readonly 'x-specl-latency'?: SpeclLatency;
  /** How the operation's answers come in pages (`paginated`); absent when they do not. */
  readonly 'x-specl-pagination'?: SpeclPagination;
}

/**
 * `x-specl-pagination`: the query parameter that takes the next page's cursor, and JSON
 * pointers into the success body to the next cursor and to the page's items (`""`: the body);
 * or `{ "by": "link", "items": ... }`, the next page being the answer's `Link` `rel="next"`.
 */
export type SpeclPagination =
  | { readonly cursorParameter: string; readonly nextCursor: string; readonly items: string }
  | { readonly by: 'link'; readonly items: string };

/** A latency budget: the milliseconds each percentile must stay under, by `p<percentile>`. */
export type SpeclLatency = Readonly<Record<string, number>>;

/** The HTTP methods of a Path Item Object, in the order the emitter writes them. */
export const OPERATION_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
] as const;

/** A lower-case HTTP method, as a Path Item Object's key. */
export type OperationMethod = (typeof OPERATION_METHODS)[number];

/** A Path Item Object: the operations on one path template. */
export type PathItemObject = { readonly [M in OperationMethod]?: OperationObject };

/** A Security Requirement Object: scheme name to the scopes it needs. */
export type SecurityRequirementObject = Readonly<Record<string, readonly string[]>>;

/** A Security Scheme Object. */
export interface SecuritySchemeObject {
  readonly type: 'http' | 'apiKey' | 'oauth2' | 'openIdConnect';
  readonly description?: string;
  readonly scheme?: 'bearer' | 'basic';
  readonly bearerFormat?: string;
  readonly name?: string;
  readonly in?: 'header' | 'query' | 'cookie';
  readonly openIdConnectUrl?: string;
  readonly flows?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A Server Object. */
export interface ServerObject {
  readonly url: string;
  readonly description?: string;
  readonly variables?: Readonly<
    Record<
      string,
      { readonly default: string; readonly enum?: readonly string[]; readonly description?: string }
    >
  >;
}

/** A Tag Object. */
export interface TagObject {
  readonly name: string;
  readonly description?: string;
  /** The tag's Specl name, when its display name differs. */
  readonly 'x-specl-name'?: string;
}

/** The Info Object: the spec's name, version, doc comment and fingerprint. */
export interface InfoObject {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
  readonly license?: { readonly name: string; readonly identifier?: string; readonly url?: string };
  readonly contact?: { readonly name?: string; readonly email?: string; readonly url?: string };
  /** The spec's fingerprint (`sha256:<hex>`), naming the exact spec the document was built from. */
  readonly 'x-specl-fingerprint': string;
  /** Every operation's latency budget, unless its own `x-specl-latency` names the percentile. */
  readonly 'x-specl-latency'?: SpeclLatency;
}

/** An OpenAPI 3.1 document as Specl emits it. */
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: InfoObject;
  readonly servers?: readonly ServerObject[];
  /** The security every operation requires unless it has its own. */
  readonly security?: readonly SecurityRequirementObject[];
  readonly tags?: readonly TagObject[];
  /** By path template, sorted. */
  readonly paths: Readonly<Record<string, PathItemObject>>;
  readonly components: {
    readonly schemas: Readonly<Record<string, SchemaObject>>;
    readonly securitySchemes?: Readonly<Record<string, SecuritySchemeObject>>;
    readonly headers?: Readonly<Record<string, HeaderObject>>;
    /** The doc comments of the `headers` declarations, by name. */
    readonly 'x-specl-header-descriptions'?: Readonly<Record<string, string>>;
    /** The errors without a body (they have no schema), by name. */
    readonly 'x-specl-bodyless-errors'?: Readonly<Record<string, BodylessErrorObject>>;
  };
  /** The spec's written properties, by name (only when it has some). */
  readonly 'x-specl-properties'?: readonly SpeclProperty[];
}
