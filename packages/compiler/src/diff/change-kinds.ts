/**
 * The kinds of change `specl diff` reports, each with a one-line summary (the SARIF rule's
 * description) and its inverse: the kind the same change has when the two versions are swapped
 * (`field-removed` from a to b is `field-added` from b to a).
 */
export const changeKinds = {
  'endpoint-removed': { summary: 'An endpoint was removed', inverse: 'endpoint-added' },
  'endpoint-added': { summary: 'An endpoint was added', inverse: 'endpoint-removed' },
  'method-changed': { summary: "An endpoint's HTTP method changed", inverse: 'method-changed' },
  'path-changed': { summary: "An endpoint's path changed", inverse: 'path-changed' },
  'parameter-removed': { summary: 'A parameter was removed', inverse: 'parameter-added' },
  'parameter-added': { summary: 'A parameter was added', inverse: 'parameter-removed' },
  'parameter-required': {
    summary: 'An optional parameter became required',
    inverse: 'parameter-optional',
  },
  'parameter-optional': {
    summary: 'A required parameter became optional',
    inverse: 'parameter-required',
  },
  'parameter-renamed': {
    summary: 'A parameter was renamed in code; the request on the wire is the same',
    inverse: 'parameter-renamed',
  },
  'body-removed': { summary: "An endpoint's request body was removed", inverse: 'body-added' },
  'body-added': { summary: 'An endpoint now takes a request body', inverse: 'body-removed' },
  'response-removed': { summary: 'A response status was removed', inverse: 'response-added' },
  'response-added': { summary: 'A response status was added', inverse: 'response-removed' },
  'response-body-removed': {
    summary: 'A response no longer has a body',
    inverse: 'response-body-added',
  },
  'response-body-added': { summary: 'A response now has a body', inverse: 'response-body-removed' },
  'error-removed': {
    summary: 'An endpoint no longer declares an error',
    inverse: 'error-added',
  },
  'error-added': { summary: 'An endpoint declares a new error', inverse: 'error-removed' },
  'status-changed': { summary: "An error's HTTP status changed", inverse: 'status-changed' },
  'type-removed': { summary: 'A named type was removed', inverse: 'type-added' },
  'type-added': { summary: 'A named type was added', inverse: 'type-removed' },
  'type-kind-changed': {
    summary: 'A named type became another kind of type (a record became an enum, ...)',
    inverse: 'type-kind-changed',
  },
  'type-changed': {
    summary: 'A type changed to one that is neither wider nor narrower',
    inverse: 'type-changed',
  },
  'type-widened': {
    summary: 'A type accepts more values (nullable, a new union option, Int to Float)',
    inverse: 'type-narrowed',
  },
  'type-narrowed': { summary: 'A type accepts fewer values', inverse: 'type-widened' },
  'type-rewritten': {
    summary: 'A type is written differently but has the same values',
    inverse: 'type-rewritten',
  },
  'constraint-narrowed': {
    summary: 'A constraint became stricter (or was added)',
    inverse: 'constraint-widened',
  },
  'constraint-widened': {
    summary: 'A constraint became looser (or was removed)',
    inverse: 'constraint-narrowed',
  },
  'constraint-changed': {
    summary: 'A pattern changed; whether it accepts more or fewer values is not decided',
    inverse: 'constraint-changed',
  },
  'example-changed': {
    summary: 'An example was added, removed or changed (documentation only)',
    inverse: 'example-changed',
  },
  'default-changed': {
    summary: 'The default of an optional field or parameter was added, removed or changed',
    inverse: 'default-changed',
  },
  'field-removed': { summary: 'A field was removed', inverse: 'field-added' },
  'field-added': { summary: 'A field was added', inverse: 'field-removed' },
  'field-required': { summary: 'An optional field became required', inverse: 'field-optional' },
  'field-optional': { summary: 'A required field became optional', inverse: 'field-required' },
  'enum-member-removed': { summary: 'An enum member was removed', inverse: 'enum-member-added' },
  'enum-member-added': { summary: 'An enum member was added', inverse: 'enum-member-removed' },
  'requires-added': { summary: 'A precondition was added', inverse: 'requires-removed' },
  'requires-removed': { summary: 'A precondition was removed', inverse: 'requires-added' },
  'requires-strengthened': {
    summary: 'A precondition became stronger',
    inverse: 'requires-weakened',
  },
  'requires-weakened': {
    summary: 'A precondition became weaker',
    inverse: 'requires-strengthened',
  },
  'requires-reworded': {
    summary: 'A precondition is written differently with the same meaning',
    inverse: 'requires-reworded',
  },
  'requires-changed': {
    summary: 'A precondition changed; whether it is stronger or weaker is not decided',
    inverse: 'requires-changed',
  },
  'ensures-added': { summary: 'A postcondition was added', inverse: 'ensures-removed' },
  'ensures-removed': { summary: 'A postcondition was removed', inverse: 'ensures-added' },
  'ensures-strengthened': {
    summary: 'A postcondition became stronger',
    inverse: 'ensures-weakened',
  },
  'ensures-weakened': {
    summary: 'A postcondition became weaker',
    inverse: 'ensures-strengthened',
  },
  'ensures-reworded': {
    summary: 'A postcondition is written differently with the same meaning',
    inverse: 'ensures-reworded',
  },
  'ensures-changed': {
    summary: 'A postcondition changed; whether it is stronger or weaker is not decided',
    inverse: 'ensures-changed',
  },
  'invariant-added': { summary: 'An invariant was added', inverse: 'invariant-removed' },
  'invariant-removed': { summary: 'An invariant was removed', inverse: 'invariant-added' },
  'invariant-strengthened': {
    summary: 'An invariant became stronger',
    inverse: 'invariant-weakened',
  },
  'invariant-weakened': {
    summary: 'An invariant became weaker',
    inverse: 'invariant-strengthened',
  },
  'invariant-reworded': {
    summary: 'An invariant is written differently with the same meaning',
    inverse: 'invariant-reworded',
  },
  'invariant-changed': {
    summary: 'An invariant changed; whether it is stronger or weaker is not decided',
    inverse: 'invariant-changed',
  },
  'property-removed': { summary: 'A property was removed', inverse: 'property-added' },
  'property-added': { summary: 'A property was added', inverse: 'property-removed' },
  'property-changed': { summary: 'A property changed', inverse: 'property-changed' },
  'description-changed': {
    summary: 'A doc comment changed',
    inverse: 'description-changed',
  },
  'spec-renamed': { summary: 'The spec was renamed', inverse: 'spec-renamed' },
  'security-added': {
    summary: 'An endpoint now needs credentials, or accepts fewer schemes',
    inverse: 'security-removed',
  },
  'security-removed': {
    summary:
      'An endpoint needs no credentials now, or accepts more schemes (a scheme traded for another is both)',
    inverse: 'security-added',
  },
  'media-type-removed': {
    summary: 'A body is no longer offered or taken as a media type',
    inverse: 'media-type-added',
  },
  'media-type-added': {
    summary: 'A body is also offered or taken as a new media type',
    inverse: 'media-type-removed',
  },
  'field-read-only': {
    summary: 'A field became readOnly: answered, but no longer sent',
    inverse: 'field-writable',
  },
  'field-writable': {
    summary: 'A readOnly field is no longer readOnly: requests carry it again',
    inverse: 'field-read-only',
  },
  'discriminator-added': {
    summary: 'A union is now told apart by a tag field (a discriminated union)',
    inverse: 'discriminator-removed',
  },
  'discriminator-removed': {
    summary: 'A discriminated union is no longer told apart by its tag field',
    inverse: 'discriminator-added',
  },
  'discriminator-changed': {
    summary: 'A discriminated union is told apart by another tag field',
    inverse: 'discriminator-changed',
  },
  'response-header-added': {
    summary: 'An answer now declares a header',
    inverse: 'response-header-removed',
  },
  'response-header-removed': {
    summary: 'An answer no longer declares a header',
    inverse: 'response-header-added',
  },
  'response-header-required': {
    summary: "An answer's optional header became required",
    inverse: 'response-header-optional',
  },
  'response-header-optional': {
    summary: "An answer's required header became optional",
    inverse: 'response-header-required',
  },
  'pagination-added': {
    summary: "An endpoint's answers now come in pages",
    inverse: 'pagination-removed',
  },
  'pagination-removed': {
    summary: "An endpoint's answers no longer come in pages (by the spec)",
    inverse: 'pagination-added',
  },
  'pagination-changed': {
    summary:
      "A paginated endpoint's cursor parameter, next cursor or items moved, or it moved between a cursor and `by link`",
    inverse: 'pagination-changed',
  },
} as const satisfies Record<string, { readonly summary: string; readonly inverse: string }>;

/** Every change kind, in the order of the table (for SARIF rules and docs). */
export const allChangeKinds = Object.keys(changeKinds) as (keyof typeof changeKinds)[];
