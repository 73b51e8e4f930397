import type { ValidationAcceptor } from 'langium';
import type { Endpoint, MediaTypes } from '../generated/ast.js';
import { ResponseClause } from '../generated/ast.js';
import { JSON_MEDIA_TYPE, mediaEssence } from '../typing/media-types.js';
import { nodesOfType } from '../util/by-type.js';
import { report } from './report.js';

/**
 * Bodies of one status offered twice under one media type, across an endpoint's responses.
 *
 * A body without media types travels as JSON. Of the bodies of one status that all travel as
 * JSON by default, those after the first are `specl/duplicate-status` (reported with the
 * endpoint's statuses) and are not compared here. Each body is compared with the responses
 * before it (an endpoint has a few) instead of a map of sets made for each endpoint.
 */
export function checkEndpointMedia(endpoint: Endpoint, accept: ValidationAcceptor): void {
  const responses = nodesOfType<ResponseClause>(endpoint.clauses, ResponseClause.$type);
  for (let i = 0; i < responses.length; i++) {
    const response = responses[i]!;
    if (!response.type) continue;
    const media = response.media;
    if (!media) {
      const before = bodiesBefore(responses, i, response.status, JSON_MEDIA_TYPE);
      if ((before & ONLY_DEFAULT) !== 0) continue;
      if ((before & ANSWERED) !== 0)
        report(
          accept,
          'specl/duplicate-media-type',
          'statusAlreadyAnswers',
          { responseStatus: response.status, essence: JSON_MEDIA_TYPE },
          { node: response, property: 'status' },
        );
      continue;
    }
    for (let index = 0; index < media.types.length; index++) {
      const essence = mediaEssence(media.types[index]!);
      if (repeatsWithin(media, essence, index)) continue;
      if ((bodiesBefore(responses, i, response.status, essence) & ANSWERED) !== 0)
        report(
          accept,
          'specl/duplicate-media-type',
          'statusAlreadyAnswers',
          { responseStatus: response.status, essence },
          { node: media, property: 'types', index },
        );
    }
  }
}

/** {@link bodiesBefore}: a body of the status already travels as the media type asked. */
const ANSWERED = 1;
/** {@link bodiesBefore}: every body of the status so far travels as JSON by default. */
const ONLY_DEFAULT = 2;

/**
 * The bodies of `status` among `responses[0..end)`, replayed in order: {@link ANSWERED} if one
 * already travels as `essence`, with {@link ONLY_DEFAULT} if there is one and none since the
 * first has media types of its own. A body without media types after the first such body of
 * its status is left out, as it is reported as a duplicate status.
 */
function bodiesBefore(
  responses: readonly ResponseClause[],
  end: number,
  status: string,
  essence: string,
): number {
  let onlyDefault = false;
  let any = false;
  let answered = false;
  for (let j = 0; j < end; j++) {
    const response = responses[j]!;
    if (!response.type || response.status !== status) continue;
    const media = response.media;
    if (!media) {
      if (onlyDefault) continue;
      if (!any) onlyDefault = true;
      if (essence === JSON_MEDIA_TYPE) answered = true;
    } else {
      onlyDefault = false;
      for (let k = 0; k < media.types.length; k++)
        if (mediaEssence(media.types[k]!) === essence) answered = true;
    }
    any = true;
  }
  return (answered ? ANSWERED : 0) | (onlyDefault ? ONLY_DEFAULT : 0);
}

/** Whether `essence` is among the media types before `index` in one list. */
function repeatsWithin(media: MediaTypes, essence: string, index: number): boolean {
  for (let k = 0; k < index; k++) if (mediaEssence(media.types[k]!) === essence) return true;
  return false;
}
