/**
 * How the IR's media types travel (`json`, `text`, `form`, `multipart`, `bytes`): the one
 * classification the checker uses, so that what compiles and what checks agree. A string
 * function, not the AST, which the emitters never read.
 */
export { JSON_MEDIA_TYPE, mediaKindOf } from '@specl/language';
export type { MediaKind } from '@specl/language';
