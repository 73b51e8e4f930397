/**
 * The names a generated spec draws from (pools of words, some of them keywords), and how a
 * fresh name is taken from a pool.
 */
import type { TypeRefModel } from './spec-model.js';
import type { Choices } from './spec-values.js';

export const words = (text: string) => text.split(' ');

/** A type reference to `base`, not nullable, without constraints. */
export const refTo = (base: TypeRefModel['base']): TypeRefModel => ({
  kind: 'ref',
  base,
  nullable: false,
  constraints: [],
});

export const pools = {
  record: words('Order Item User Account Invoice Address Product Review Team Task Note'),
  enum: words('Status Color Kind Priority Level Role'),
  alias: words('Count Amount Label Code Score Slug Ids Days'),
  error: words('NotFound Conflict Invalid Forbidden Gone TooMany Unavailable'),
  endpoint: words('getThing listThings createThing updateThing removeThing search ping'),
  property: words('roundTrip createsThenReads neverNegative idempotent keepsCount'),
  member: words('pending active closed red green blue low high draft done'),
  keywordMember: words('in all true type String'),
  field: words(
    'name count price email tags createdAt note score items owner total start end flag ratio parent children meta',
  ),
  keywordField: words('type body in all true error query Int List and or implies not response len'),
  param: words('id limit offset q page sort token traceId since verbose tag'),
  word: words(
    'users items v1 orders search me by-name export.csv ~tmp items:batch type in 2024 List',
  ),
  wire: words('X-Trace-Id Idempotency-Key If-Match x-api-key Accept-Language'),
  cursor: words('cursor after page token pages'),
  headers: words('RateLimit Paging Tracing Caching'),
  responseHeader: words('limit remaining reset location etag requestId retry'),
  responseWire: words(
    'X-RateLimit-Limit X-RateLimit-Remaining Location ETag X-Request-Id Retry-After Link',
  ),
};

/** A name from `pool`, suffixed with a number when `taken` already has it. */
export function freshName(g: Choices, pool: readonly string[], taken: Set<string>): string {
  const base = g.pick(pool);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}
