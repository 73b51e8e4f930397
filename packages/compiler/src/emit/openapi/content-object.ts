import { mediaKindOfContentType as mediaKindOf } from '@specl/runtime';
import { JSON_MEDIA_TYPE } from '../../ir/spec-ir.js';
import type { TypeIR } from '../../ir/spec-ir.js';
import type { ContentObject, MediaTypeObject } from './openapi-document.js';
import { schemaOfType } from './schema-of-type.js';
import type { TypesByName } from './union-keyword.js';

/**
 * The `content` of a body of `type` offered as each of `mediaTypes` (JSON when none are
 * written): the type's schema under each media type, except raw bytes, which have no schema.
 */
export function contentObject(
  type: TypeIR,
  mediaTypes: readonly string[] | undefined,
  types: TypesByName,
): ContentObject {
  const entries = (mediaTypes ?? [JSON_MEDIA_TYPE]).map((mediaType): [string, MediaTypeObject] => [
    mediaType,
    mediaKindOf(mediaType) === 'bytes' ? {} : { schema: schemaOfType(type, types) },
  ]);
  return Object.fromEntries(entries);
}
