/**
 * Paginated listings of a generated spec: the fields of a page record (a list of items and the
 * next page's cursor) and the `paginated` clause of an endpoint that answers such a page, or a
 * record holding one in a required field.
 */
import type { Builder } from './spec-arbitrary.js';
import type { Param } from './spec-endpoints.js';
import { freshName, pools, words } from './spec-names.js';
import type { EndpointClause, Expr, RecordMember, TypeModel } from './spec-model.js';
import { genList } from './spec-types.js';
import type { RT, RecordInfo } from './spec-values.js';
import { makeOpt } from './spec-values.js';

/**
 * The fields of a page: a list of items (perhaps optional) and the next page's cursor, a
 * scalar a query parameter can take, optional or nullable (or both) so that the walk ends.
 */
export function pageFields(
  b: Builder,
  info: RecordInfo,
  self: number,
  names: Set<string>,
): RecordMember[] {
  const g = b.g;
  const o = { file: info.file, self, usage: 'value' as const, depth: 1 };
  const items = freshName(g, words('items data results entries'), names);
  const list = genList(b, o, o);
  const itemsOptional = g.chance(4);
  const next = freshName(g, words('nextCursor next cursor after'), names);
  const cursor = b.type({ ...o, usage: 'path', depth: 0 });
  const nextOptional = cursor.model.kind !== 'ref' || g.bool();
  const nullable = !nextOptional || g.bool();
  const nextModel: TypeModel =
    nullable && cursor.model.kind === 'ref' ? { ...cursor.model, nullable: true } : cursor.model;
  const nextRt = nullable ? makeOpt(cursor.rt) : cursor.rt;
  info.fields.push(
    { name: items, optional: itemsOptional, rt: list.rt },
    { name: next, optional: nextOptional, rt: nextRt },
  );
  info.page = {
    items,
    item: (list.rt as Extract<typeof list.rt, { k: 'list' }>).el,
    next,
    cursor,
  };
  return [
    { kind: 'field', name: items, optional: itemsOptional, type: list.model },
    { kind: 'field', name: next, optional: nextOptional, type: nextModel },
  ];
}

/** A listing an endpoint of `file` may answer: the record answered, the path to its page, the page. */
export interface Listing {
  answer: RecordInfo;
  paginated: Extract<EndpointClause, { kind: 'paginated' }>;
  item: RT;
}

/**
 * Half the time when `file` sees one, a paginated listing: it answers a page record, or a
 * record holding one in a required field (`response.page.items`), and adds the optional query
 * parameter that takes the page's cursor to `params` and `clauses`; or (one time in three) it
 * pages `by link`, with no cursor.
 */
export function paginate(
  b: Builder,
  file: string,
  paramNames: Set<string>,
  params: Param[],
  clauses: EndpointClause[],
): Listing | undefined {
  const g = b.g;
  const listings = b.recordOrder
    .map((n) => b.records.get(n)!)
    .flatMap((r) => {
      if (r.page) return [{ answer: r, via: [] as string[], page: r.page }];
      const held = r.holdsPage && b.records.get(r.holdsPage.record)!.page;
      return held ? [{ answer: r, via: [r.holdsPage!.field], page: held }] : [];
    })
    .filter((l) => b.visible(file, l.answer.file) && b.modelVisible(l.page.cursor.model, file));
  const listing = listings.length > 0 && g.bool() ? g.pick(listings) : undefined;
  if (!listing) return undefined;
  const { items, next, cursor } = listing.page;
  const path = (f: string): Expr =>
    [...listing.via, f].reduce<Expr>(
      (receiver, field) => ({ kind: 'member', receiver, name: field, optional: false }),
      { kind: 'response' },
    );
  if (g.chance(3)) {
    // `paginated by link`: the next page's URL is in the answer's `Link` header, no cursor.
    const paginated = { kind: 'paginated' as const, by: 'link' as const, items: path(items) };
    return { answer: listing.answer, paginated, item: listing.page.item };
  }
  const name = freshName(g, pools.cursor, paramNames);
  params.push({ name, required: false, optional: true, typed: cursor });
  clauses.push({ kind: 'query', name, optional: true, type: cursor.model });
  return {
    answer: listing.answer,
    paginated: { kind: 'paginated', cursor: name, next: path(next), items: path(items) },
    item: listing.page.item,
  };
}
