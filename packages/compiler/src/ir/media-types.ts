/**
 * What the IR's media types mean (`EndpointIR.mediaTypes` and the like): how a body of each
 * travels. Plain string functions of the language, re-exported here so that the emitters read
 * the IR and this module, never the language package itself (the import-boundary lint holds
 * them to that).
 */
export { JSON_MEDIA_TYPE, mediaKindOf } from '@specl/language';
export type { MediaKind } from '@specl/language';
