/**
 * A plain data model of a Specl spec: what `print-spec.ts` prints and `spec-arbitrary.ts`
 * generates. It mirrors the surface syntax of docs/language.md, not the Langium AST: every
 * value here prints to exactly one piece of text.
 */

type V0Primitive =
  'String' | 'Int' | 'Float' | 'Bool' | 'Uuid' | 'Email' | 'Url' | 'Date' | 'DateTime';

/** The primitive types, and the built-in types of v0.1 that the generator writes. */
export type Primitive = V0Primitive | 'Int32' | 'Int64' | 'Decimal' | 'Json' | 'Bytes';

export type ConstraintName =
  | 'min'
  | 'max'
  | 'exclusiveMin'
  | 'exclusiveMax'
  | 'minLength'
  | 'maxLength'
  | 'pattern'
  | 'minItems'
  | 'maxItems'
  | 'unique'
  | 'readOnly'
  | 'writeOnly'
  | 'deprecated'
  | 'example'
  | 'default'
  /** On the type of a body or a response only: named examples, `{ one: value, ... }`. */
  | 'examples';

/** A JSON value written in place (`example: { id: 1, tags: ["a"], note: null }`). */
export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** `name: value` in the braces after a type reference: a constraint or an annotation. */
export interface Constraint {
  name: ConstraintName;
  value: JsonValue;
}

/** What a type reference names, before `?` and constraints. */
export type TypeBase =
  | { kind: 'primitive'; name: Primitive }
  | { kind: 'list'; element: TypeModel }
  | { kind: 'map'; value: TypeModel }
  | { kind: 'named'; name: string }
  | { kind: 'const'; value: string | number | boolean };

/** A type reference: `Base`, `Base?`, `Base { constraints }`. */
export interface TypeRefModel {
  kind: 'ref';
  base: TypeBase;
  nullable: boolean;
  constraints: Constraint[];
}

/** A type expression: a reference, or a union of references (`A | B`). */
export type TypeModel = TypeRefModel | { kind: 'union'; options: TypeRefModel[] };

export type BinaryOp =
  | 'implies'
  | 'or'
  | 'and'
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

/** An expression of `invariant`, `requires`, `ensures`, `where`, `expect` and call arguments. */
export type Expr =
  | { kind: 'num'; value: number; exponent?: boolean } // non-negative (negatives are `unary -`); `exponent`: `2.5e0`
  | { kind: 'str'; value: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' }
  | { kind: 'name'; name: string }
  | { kind: 'body' }
  | { kind: 'response' }
  | { kind: 'member'; receiver: Expr; name: string; optional: boolean }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr }
  | { kind: 'unary'; op: 'not' | '-'; operand: Expr }
  | { kind: 'builtin'; name: 'len' | 'matches'; args: Expr[] }
  | {
      kind: 'quantifier';
      q: 'all' | 'any' | 'one';
      variable: string;
      collection: Expr;
      predicate: Expr;
    }
  | { kind: 'list'; items: Expr[] }
  | { kind: 'record'; fields: { name: string; value: Expr }[] }
  | { kind: 'call'; endpoint: string; args: { name: string; value: Expr }[] }
  | { kind: 'paren'; inner: Expr }; // parentheses the printer would not need

export type RecordMember =
  | { kind: 'field'; name: string; optional: boolean; type: TypeModel; doc?: string }
  | { kind: 'spread'; target: string }
  | { kind: 'open'; type: TypeModel }
  | { kind: 'invariant'; expr: Expr };

export interface RecordDeclModel {
  kind: 'record';
  name: string;
  doc?: string;
  members: RecordMember[];
}

export interface AliasDeclModel {
  kind: 'alias';
  name: string;
  doc?: string;
  type: TypeModel;
  /** `A | B by tag`: a discriminated union, told apart by that constant field. */
  by?: string;
}

export interface EnumDeclModel {
  kind: 'enum';
  name: string;
  doc?: string;
  members: string[];
}

/** An error's status: exact, a range of statuses, or every status not declared otherwise. */
export type ErrorStatus = number | '4XX' | '5XX' | 'default';

/** `error NAME STATUS { members }`; `members: undefined` prints no braces at all. */
export interface ErrorDeclModel {
  kind: 'error';
  name: string;
  doc?: string;
  status: ErrorStatus;
  /** `with A, B`: the headers the answer carries. */
  headers?: string[];
  /** `no body` (then without members): the answer has no body at all. */
  bodyless?: true;
  /** `as "application/problem+json"`: the media types of its body. */
  media?: string[];
  members?: RecordMember[];
}

/** `headers NAME { name "Wire-Name"?: Type }`: the headers an answer carries. */
export interface HeadersDeclModel {
  kind: 'headers';
  name: string;
  doc?: string;
  members: { name: string; wireName?: string; optional: boolean; type: TypeModel }[];
}

/** One `/...` of a path: literal text, nothing (the root `/`), or one typed parameter. */
export type PathSegmentModel =
  | { kind: 'text'; text: string }
  | { kind: 'empty' }
  | { kind: 'param'; name: string; type: TypeModel };

export type EndpointClause =
  | { kind: 'header'; name: string; wireName?: string; optional: boolean; type: TypeModel }
  | { kind: 'query'; name: string; optional: boolean; type: TypeModel }
  | { kind: 'body'; type: TypeModel; media?: string[] }
  | { kind: 'response'; status: number; type?: TypeModel; media?: string[]; headers?: string[] }
  | { kind: 'errors'; names: string[] }
  | { kind: 'requires'; expr: Expr }
  | { kind: 'ensures'; expr: Expr }
  /**
   * `paginated cursor = response.next, items = response.items`: paths into the response; or
   * `paginated by link, items = ...`: the next page is the `Link` header's `rel="next"` URL.
   */
  | { kind: 'paginated'; cursor: string; next: Expr; items: Expr }
  | { kind: 'paginated'; by: 'link'; items: Expr }
  | SecurityModel
  | { kind: 'tags'; names: string[] }
  | { kind: 'deprecated' }
  | LatencyModel;

/** `security A | B("scope")`, or `security none`. */
export interface SecurityModel {
  kind: 'security';
  none?: true;
  options: { scheme: string; scopes?: string[] }[];
}

/** `latency p50 < 20 ms, p99 < 1.5 s`. */
export interface LatencyModel {
  kind: 'latency';
  limits: { percentile: string; value: number; unit: 'ms' | 's' }[];
}

/** What the spec header's block holds. */
export type SpecSettingModel =
  | {
      kind: 'server';
      url: string;
      doc?: string;
      variables: { name: string; values: string[]; doc?: string }[];
    }
  | { kind: 'license'; name: string; url?: string }
  | { kind: 'contact'; name?: string; email?: string; url?: string }
  | SecurityModel
  | LatencyModel;

/** How a security scheme is presented. */
export type AuthSchemeModel =
  | { kind: 'bearer'; format?: string }
  | { kind: 'basic' }
  | { kind: 'apiKey'; location: 'header' | 'query' | 'cookie'; param: string }
  | { kind: 'openIdConnect'; url: string }
  | {
      kind: 'oauth2';
      flows: { name: string; settings: { name: string; value: string }[] }[];
      scopes: { name: string; doc?: string }[];
    };

/** `auth NAME KIND ...`: a security scheme. */
export interface AuthDeclModel {
  kind: 'auth';
  name: string;
  doc?: string;
  scheme: AuthSchemeModel;
}

/** `tag NAME "Display name"`: a group of endpoints. */
export interface TagDeclModel {
  kind: 'tag';
  name: string;
  doc?: string;
  displayName?: string;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';

export interface EndpointDeclModel {
  kind: 'endpoint';
  name: string;
  doc?: string;
  method: HttpMethod;
  path: PathSegmentModel[];
  clauses: EndpointClause[];
}

export type PropertyStatement =
  | { kind: 'forall'; variables: { name: string; type: TypeModel }[]; where?: Expr }
  | {
      kind: 'let';
      name: string;
      /** `try` (a call that may fail) or `pages` (a walk of every page); at most one. */
      try: boolean;
      pages?: boolean;
      call: Extract<Expr, { kind: 'call' }>;
    }
  | { kind: 'expect'; expr: Expr };

export interface PropertyDeclModel {
  kind: 'property';
  name: string;
  doc?: string;
  statements: PropertyStatement[];
}

export type DeclModel =
  | RecordDeclModel
  | AliasDeclModel
  | EnumDeclModel
  | ErrorDeclModel
  | HeadersDeclModel
  | AuthDeclModel
  | TagDeclModel
  | EndpointDeclModel
  | PropertyDeclModel;

/** How a file is laid out; the meaning never depends on it. */
export interface LayoutModel {
  /** Commas between record members, enum members and constraints (they are optional). */
  commas: boolean;
  /** Records, enums and errors on one line (needs `commas`, so members stay apart). */
  oneLine: boolean;
  /** `//` and `/* *\/` comments between declarations and at the ends of lines. */
  comments: boolean;
  /** Line endings: `\r\n` instead of `\n`. */
  crlf: boolean;
  /** What members and clauses are indented with. */
  indent: string;
}

export interface SpecFileModel {
  header?: { name: string; version: string; doc?: string; settings?: SpecSettingModel[] };
  imports: string[];
  declarations: DeclModel[];
  layout: LayoutModel;
}

/** A compilation: files by absolute path, and the root the checker starts from. */
export interface SpecProject {
  root: string;
  files: Record<string, SpecFileModel>;
}
