import { JSON_MEDIA_TYPE, mediaKindOf } from '../../ir/media-types.js';
import type { Built } from '../../ir/built.js';
import type { ConstraintsIR, TypeIR } from '../../ir/spec-ir.js';
import type { ContentObject, MediaTypeObject } from './openapi-document.js';
import { schemaOfType } from './schema-of-type.js';
import type { TypesByName } from './union-keyword.js';

/**
 * The `content` of a body of `type` offered as each of `mediaTypes` (JSON when none are
 * written): the type's schema under each media type, except raw bytes, which have no schema;
 * with the message's examples (an `example` or `examples` written on the body's type, when it is
 * one reference) as each media type's `example` and `examples` rather than in the schema.
 */
export function contentObject(
  type: TypeIR,
  mediaTypes: readonly string[] | undefined,
  types: TypesByName,
): ContentObject {
  const { plain, examples } = messageExamples(type);
  const entries = (mediaTypes ?? [JSON_MEDIA_TYPE]).map((mediaType): [string, MediaTypeObject] => {
    // Key by key (see `Built`).
    const media: Built<MediaTypeObject> = {};
    if (mediaKindOf(mediaType) !== 'bytes') media.schema = schemaOfType(plain, types);
    if (examples.example !== undefined) media.example = examples.example;
    if (examples.examples !== undefined) media.examples = examples.examples;
    return [mediaType, media];
  });
  return Object.fromEntries(entries);
}

/** A message's type without its examples, and its examples as a Media Type Object has them. */
function messageExamples(type: TypeIR): {
  plain: TypeIR;
  examples: Pick<MediaTypeObject, 'example' | 'examples'>;
} {
  if (type.kind === 'nullable') {
    const inner = messageExamples(type.inner);
    return { plain: { kind: 'nullable', inner: inner.plain }, examples: inner.examples };
  }
  if (type.kind === 'union') return { plain: type, examples: {} };
  // Most messages have no examples: answered before a rest pattern copies the constraints.
  if (type.constraints.example === undefined && type.constraints.examples === undefined)
    return { plain: type, examples: {} };
  const { example, examples, ...rest } = type.constraints;
  const named =
    examples &&
    Object.fromEntries(Object.entries(examples).map(([name, value]) => [name, { value }]));
  return {
    plain: { ...type, constraints: rest as ConstraintsIR },
    examples: {
      ...(example !== undefined && { example }),
      ...(named !== undefined && { examples: named }),
    },
  };
}
