import type { MessageTemplate } from './message-template.js';
import { message } from './message-template.js';
import { endpointCodes } from './endpoint-codes.js';
import { metadataCodes } from './metadata-codes.js';
import { paginationCodes } from './pagination-codes.js';
import { responseHeaderCodes } from './response-header-codes.js';

/** How serious a diagnostic is. */
export type Severity = 'error' | 'warning';

/** One entry of the table of stable diagnostic codes. */
export interface DiagnosticCodeInfo {
  readonly severity: Severity;
  /** One line on what the code means, for `--help`, SARIF rules and the docs. */
  readonly summary: string;
  /**
   * The messages the code is reported with, by id, with named parameters (see `message`):
   * those of the checks, and those of the lexer, the parser and the linker, in Specl's words.
   */
  readonly messages?: Readonly<Record<string, MessageTemplate>>;
}

/**
 * The table of stable diagnostic codes, each with its severity, its summary and the messages
 * checks report it with (`report` in report.ts takes a code, a message id and the message's
 * arguments, all checked against this table at type level). A code never changes meaning once
 * released; the same codes appear in the CLI's text, JSON and SARIF output and in the editor.
 * A new message goes here, written with `message` (its `${'name'}`s are its parameters).
 */
export const diagnosticCodes = {
  'specl/syntax-error': {
    severity: 'error',
    summary: 'The text does not parse.',
    messages: {
      unexpectedWithFix: message`unexpected ${'found'}; ${'fix'}`,
      chainedComparison: message`unexpected ${'found'}: comparisons do not chain; join two comparisons with \`and\``,
      importAfterDeclarations: message`\`import\` must come before the declarations; move it up`,
      secondSpecHeader: message`a file has one \`spec\` header, at its top; remove this one`,
      withOnce: message`\`with\` is written once, after a response's type or an error's status; list the headers declarations after it: \`with RateLimit, Created\``,
      unclosed: message`the file ends before this ${'construct'} is closed; add \`}\``,
      expectedButFound: message`expected ${'expected'} but found ${'found'}`,
      unexpectedCharacter: message`unexpected character \`${'char'}\`${'fix'}`,
      tooDeep: message`this nests too deeply to be parsed (brackets inside brackets, or a long chain of operators); split it into smaller expressions or aliases`,
      commentInPath: message`\`//\` starts a comment, even in a path, so the rest of this line is ignored; remove the empty path segment`,
      /** A parser or lexer message Specl has no words of its own for: Chevrotain's. */
      parser: message`${'parserMessage'}`,
    },
  },
  'specl/unresolved-import': {
    severity: 'error',
    summary: 'An imported file does not exist.',
    messages: {
      importOnlySpecl: message`cannot import \`${'path'}\`: only .specl files can be imported`,
      fileImportItself: message`a file cannot import itself; remove this import`,
      findCheckPath: message`cannot find \`${'path'}\`; check the path, which is relative to this file`,
    },
  },
  'specl/missing-spec': {
    severity: 'error',
    summary: 'A root file (imported by no other) has no `spec` header.',
    messages: {
      default: message`this file is not imported by another, so it must begin with a spec header, such as \`spec ${'name'} version "0.1.0"\``,
    },
  },
  'specl/invalid-semver': {
    severity: 'error',
    summary: 'A spec version is not valid semver.',
    messages: {
      default: message`\`${'version'}\` is not a valid semver version; write MAJOR.MINOR.PATCH, such as "${'suggestion'}"`,
    },
  },
  'specl/unknown-type': {
    severity: 'error',
    summary: 'A type name does not resolve.',
    messages: { default: message`unknown type \`${'name'}\`${'fix'}` },
  },
  'specl/not-a-type': {
    severity: 'error',
    summary: 'A name used as a type is an endpoint, a property or a headers declaration.',
    messages: { default: message`\`${'targetName'}\` is ${'describeDeclaration'}, not a type` },
  },
  'specl/not-a-record': {
    severity: 'error',
    summary: 'A spread names something other than a record.',
    messages: {
      default: message`only records can be spread, and \`${'namedName'}\` is ${'describeDeclaration'}${'arg2'}`,
    },
  },
  'specl/unknown-error': {
    severity: 'error',
    summary: 'An `errors` entry does not resolve.',
    messages: { default: message`unknown error \`${'name'}\`${'fix'}` },
  },
  'specl/not-an-error': {
    severity: 'error',
    summary: 'An `errors` entry is not an `error` declaration.',
    messages: {
      default: message`\`${'targetName'}\` is ${'describeDeclaration'}, not an error; declare it with \`error ${'targetName'} 4xx { ... }\``,
    },
  },
  'specl/unknown-name': {
    severity: 'error',
    summary: 'A name in an expression does not resolve.',
    messages: {
      default: message`unknown name \`${'name'}\`${'fix'}`,
      securityScheme: message`unknown security scheme \`${'name'}\`${'fix'}`,
      tag: message`unknown tag \`${'name'}\`${'fix'}`,
      notEnumMember: message`\`${'name'}\` is not a member of \`${'enumName'}\`, the enum expected here${'fix'}`,
      /** A reference of a kind no other message covers: Langium's own words. */
      unresolved: message`${'linkerMessage'}`,
    },
  },
  'specl/unknown-field': {
    severity: 'error',
    summary: 'A field does not exist on the type.',
    messages: {
      default: message`${'owner'} has no ${'what'} \`${'name'}\`${'fix'}`,
      noFieldInRecord: message`\`${'recordName'}\` has no field \`${'name'}\`${'fix'}`,
      notInEveryAlternative: message`\`${'name'}\` is not a field of every alternative of \`${'union'}\` (${'lacking'} ${'lack'} it)`,
      responseItself: message`\`${'binding'}\` is the response itself (${'type'}), which has no \`${'name'}\`; to see how the call went, make it with \`try\`: \`let ${'binding'} = try ${'endpointName'}(...)\``,
      noFields: message`${'type'} has no fields, so \`.${'name'}\` means nothing here`,
    },
  },
  'specl/unknown-endpoint': {
    severity: 'error',
    summary: 'A call names no endpoint.',
    messages: { default: message`unknown endpoint \`${'name'}\`${'fix'}` },
  },
  'specl/unknown-parameter': {
    severity: 'error',
    summary: 'A call passes a parameter the endpoint does not have.',
    messages: { default: message`\`${'endpointName'}\` has no parameter \`${'name'}\`${'fix'}` },
  },
  'specl/missing-parameter': {
    severity: 'error',
    summary: 'A call omits a required parameter.',
    messages: { default: message`call to \`${'endpointName'}\` lacks ${'list'}; add ${'arg2'}` },
  },
  'specl/ambiguous-enum-member': {
    severity: 'error',
    summary: 'A bare enum member has no context that decides its enum.',
    messages: {
      default: message`nothing here says which enum \`${'name'}\` belongs to; write ${'qualified'}`,
    },
  },
  'specl/duplicate-declaration': {
    severity: 'error',
    summary: 'Two declarations share a name.',
    messages: {
      default: message`\`${'nodeName'}\` is already bound by ${'first'} in this property; rename this one`,
      alreadyDeclaredFile: message`\`${'declarationName'}\` is already declared in this file; rename one of them`,
      declaredBothWhich: message`\`${'declarationName'}\` is declared both in ${'first'} and in ${'importPathBetween'}, which this file imports; rename one of them`,
      alsoDeclaredImported: message`\`${'declarationName'}\` is also declared in ${'importPathBetween'} (imported here); rename one of them`,
    },
  },
  'specl/duplicate-field': {
    severity: 'error',
    summary: 'Two fields of a record share a name.',
    messages: {
      default: message`field \`${'name'}\` is already given; remove one`,
      fieldAlreadyRename: message`field \`${'memberName'}\` is already ${'where'}; rename or remove one`,
      spreadingBringsField: message`spreading \`${'targetName'}\` brings field \`${'fieldName'}\`, which is already ${'where'}`,
    },
  },
  'specl/duplicate-parameter': {
    severity: 'error',
    summary: 'Two parameters of an endpoint, or two arguments of a call, share a name.',
    messages: {
      alreadyPassedRemove: message`\`${'name'}\` is already passed; remove one`,
      alreadyEndpointRename: message`\`${'paramName'}\` is already ${'arg1'} of this endpoint; rename one of them`,
    },
  },
  'specl/duplicate-enum-member': {
    severity: 'error',
    summary: 'Two members of an enum share a name.',
    messages: {
      default: message`\`${'memberName'}\` is already a member of \`${'declName'}\`; remove one`,
    },
  },
  'specl/duplicate-constraint': {
    severity: 'error',
    summary: 'A constraint is given twice on one type.',
    messages: { default: message`\`${'constraintName'}\` is already given; remove one` },
  },
  'specl/invalid-header-name': {
    severity: 'error',
    summary: 'A header wire name is not a valid HTTP header name.',
    messages: {
      default: message`\`${'wire'}\` is not a valid HTTP header name; use letters, digits and \`-\`, such as "X-Request-Id"`,
    },
  },
  'specl/duplicate-import': {
    severity: 'error',
    summary: 'A file is imported twice.',
    messages: { default: message`\`${'path'}\` is already imported; remove this import` },
  },
  'specl/unknown-constraint': {
    severity: 'error',
    summary: 'A constraint name is not one Specl knows.',
    messages: { default: message`unknown constraint \`${'constraintName'}\`${'arg1'}` },
  },
  'specl/constraint-type-mismatch': {
    severity: 'error',
    summary: 'A constraint does not fit the type it constrains, or its value has the wrong kind.',
    messages: {
      applies: message`\`${'constraintName'}\` applies to ${'arg1'}, not to ${'typeToString'}`,
      takes: message`\`${'constraintName'}\` takes ${'expected'}`,
    },
  },
  'specl/constraint-conflict': {
    severity: 'error',
    summary: 'Constraints contradict each other.',
    messages: {
      default: message`\`${'atName'}\` contradicts \`${'otherName'}\`${'from'}: ${'why'}`,
    },
  },
  'specl/invalid-pattern': {
    severity: 'error',
    summary: 'A `pattern` or `matches` regex is not a valid regular expression.',
    messages: { default: message`invalid regular expression: ${'problem'}` },
  },
  'specl/recursive-alias': {
    severity: 'error',
    summary: 'An alias refers to itself.',
    messages: {
      default: message`alias \`${'declName'}\` refers to itself; an alias must end in a type (use a record for recursive data)`,
    },
  },
  'specl/uninhabited-type': {
    severity: 'error',
    summary: 'A record can hold no finite value: its required fields form a cycle.',
    messages: {
      default: message`\`${'recordName'}\` can hold no value: each one needs ${'other'} (field \`${'fieldName'}\`), ${'tail'}; ${'fix'}`,
    },
  },
  'specl/recursive-spread': {
    severity: 'error',
    summary: 'A record spreads itself, directly or through others.',
    messages: { default: message`\`${'ownerName'}\` spreads itself${'how'}; remove the spread` },
  },
  'specl/type-mismatch': {
    severity: 'error',
    summary: 'An expression has the wrong type for where it stands.',
    messages: {
      typeRecordLiteral: message`the type of this record literal is not known here; use it as a call argument or compare it with a typed value`,
      expectedButRecord: message`expected ${'arg0'}, but this is a record literal`,
      takesArgument: message`\`${'exprName'}\` takes ${'arity'} argument${'arg2'}: ${'usage'}`,
      regularExpressionMatches: message`the regular expression of \`matches\` must be a string literal`,
      expectedBut: message`expected ${'expected'}, but \`${'sourceOf'}\` is ${'arg2'}${'hint'}`,
    },
  },
  'specl/optional-access': {
    severity: 'error',
    summary: 'A possibly absent value is used as if it were present.',
    messages: {
      mayAbsentWrite: message`\`${'sourceOf'}\` may be absent; write \`${'sourceOf'}?.${'memberRefText'}\``,
      mayAbsentGive: message`\`${'sourceOf'}\` may be absent; give a default with \`${'sourceOf'} ?? ...\` or test it against null first`,
    },
  },
  'specl/not-a-value': {
    severity: 'error',
    summary: 'A name that is not a value (a type, endpoint or property) is used as one.',
    messages: {
      default: message`\`${'targetName'}\` is ${'describeDeclaration'}, not a value${'hint'}`,
    },
  },
  'specl/misplaced-expression': {
    severity: 'error',
    summary:
      'An expression is used where it has no meaning (`response` in `requires`, a call outside `let`).',
    messages: {
      default: message`\`try\` applies to an endpoint call: \`let r = try endpoint(...)\``,
      callWholeValue: message`a call to \`${'endpointRefText'}\` must be the whole value of a \`let\`: \`let x = ${'endpointRefText'}(...)\``,
      bodyOnlyUsed: message`\`body\` can only be used in the \`requires\` and \`ensures\` of an endpoint`,
      endpointNoBody: message`endpoint \`${'endpointName'}\` has no body; add a \`body\` clause`,
      responseKnownYet: message`\`response\` is not known yet in \`requires\`; move this condition to \`ensures\``,
      responseOnlyUsed: message`\`response\` can only be used in the \`ensures\` of an endpoint`,
    },
  },
  'specl/missing-field': {
    severity: 'error',
    summary: 'A record literal omits a required field.',
    messages: { default: message`this ${'declName'} lacks ${'arg1'}; add ${'arg2'}` },
  },
  'specl/let-before-bound': {
    severity: 'error',
    summary: 'A `let` or `forall` name is used before the statement that binds it.',
    messages: {
      usedOwnLet: message`\`${'name'}\` is used in its own \`let\`; a binding can only use names bound above it`,
      usedBeforeIt: message`\`${'name'}\` is used before it is bound; move this statement below the one that binds \`${'name'}\``,
    },
  },
  'specl/unsatisfiable-invariant': {
    severity: 'warning',
    summary: 'An invariant can never hold given the constraints.',
    messages: {
      default: message`this invariant can never hold: \`${'subject'}\` is limited by ${'reasons'}; fix the invariant or the constraint`,
    },
  },
  'specl/redundant-optional-chain': {
    severity: 'warning',
    summary: '`?.` or `??` on a value that is never absent.',
    messages: {
      neverAbsentSo: message`\`${'sourceOf'}\` is never absent, so \`??\` has no effect`,
      neverAbsentWrite: message`\`${'sourceOf'}\` is never absent; write \`.\` instead of \`?.\``,
    },
  },
  'specl/invalid-discriminator': {
    severity: 'error',
    summary:
      'An option of a discriminated union lacks its tag field, the tag is not a string constant, or two options share a tag.',
    messages: {
      notUnion: message`\`by ${'field'}\` tells the options of a union apart; write at least two record types, such as \`A | B by ${'field'}\``,
      notRecord: message`\`${'option'}\` is not a record, so no \`${'field'}\` can tell it apart; every option of a union \`by ${'field'}\` must be a record type`,
      missingField: message`\`${'option'}\` has no field \`${'field'}\`; add one holding its tag, such as \`${'field'}: "${'suggestion'}"\``,
      optionalField: message`the tag \`${'field'}\` of \`${'option'}\` is optional; make it required (\`${'field'}:\`), since every value must say which option it is`,
      notConstant: message`the tag \`${'field'}\` of \`${'option'}\` must be a string constant, such as \`${'field'}: "${'suggestion'}"\``,
      sharedTag: message`\`${'option'}\` and \`${'other'}\` share the tag "${'tag'}"; give each option its own value of \`${'field'}\``,
    },
  },
  'specl/invalid-annotation': {
    severity: 'error',
    summary:
      'An example or default does not fit its type, or an annotation stands where it means nothing.',
    messages: {
      takesTrueOr: message`\`${'name'}\` takes \`true\` or \`false\``,
      appliesRecordS: message`\`${'name'}\` applies to a record's field, where a request or response carries it`,
      fieldBothReadOnly: message`a field cannot be both readOnly and writeOnly; keep one`,
      defaultAppliesOptional: message`\`default\` applies to an optional field or query or header parameter (\`name?:\`): a required one is always sent`,
      examplesOnMessage: message`\`examples\` (named examples) applies to the type of a \`body\` or a \`response\`; elsewhere write one \`example\``,
      examplesNamed: message`\`examples\` takes named examples: \`examples: { ok: { ... }, empty: { ... } }\``,
      at: message`this ${'name'} at \`${'path'}\` ${'problem'}`,
      default: message`this ${'name'} ${'problem'}`,
    },
  },
  'specl/invalid-media-type': {
    severity: 'error',
    summary: 'A media type is not `type/subtype`.',
    messages: {
      default: message`\`${'mediaType'}\` is not a media type; write it as \`type/subtype\`, such as \`text/plain\``,
    },
  },
  'specl/media-type-mismatch': {
    severity: 'error',
    summary: 'A body type cannot travel as the media type it is declared with.',
    messages: { default: message`${'problem'}` },
  },
  'specl/duplicate-media-type': {
    severity: 'error',
    summary:
      'Two bodies of one status, or one body twice, have media types that cannot be told apart.',
    messages: {
      alreadyListedRemove: message`\`${'essence'}\` is already listed; remove one`,
      statusAlreadyAnswers: message`status ${'responseStatus'} already answers \`${'essence'}\`; give each body of one status a media type of its own`,
    },
  },
  'specl/bodyless-response-read': {
    severity: 'error',
    summary: '`response` is read in `ensures` of an endpoint whose success responses have no body.',
    messages: {
      default: message`no success response of \`${'endpointName'}\` has a body, so \`response.${'name'}\` means nothing; give a response a type, or check the state in a property`,
    },
  },
  ...endpointCodes,
  ...metadataCodes,
  ...paginationCodes,
  ...responseHeaderCodes,
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A stable diagnostic code, such as `specl/unknown-type`. */
export type DiagnosticCode = keyof typeof diagnosticCodes;

type CodeTable = typeof diagnosticCodes;

/** The ids of a code's messages (never, for a code checks do not report). */
export type MessageId<C extends DiagnosticCode> = CodeTable[C] extends {
  readonly messages: infer M;
}
  ? keyof M & string
  : never;

/** The template of one of a code's messages. */
export type MessageOf<C extends DiagnosticCode, M extends string> = CodeTable[C] extends {
  readonly messages: infer Ms;
}
  ? M extends keyof Ms
    ? Ms[M]
    : never
  : never;

/** Every code, sorted, for listings. */
export const allDiagnosticCodes = Object.keys(diagnosticCodes).sort() as DiagnosticCode[];
