import { describe, expect, it } from 'vitest';
import type { Row } from './diff-helpers.js';
import { changesBetween } from './diff-helpers.js';

/**
 * A case of the change tables: two versions of a small spec and exactly the changes expected,
 * with their verdicts, subjects and places in both versions (found by text in each version).
 */
export interface Case {
  name: string;
  before: string;
  after: string;
  expected: (before: string, after: string) => Row[];
}

/** `text` with `from` replaced by `to` (which must be there). */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`no \`${from}\` to replace`);
  return text.replace(from, to);
}

/** The spec the tables edit. `Item` travels in responses only; `NewItem` in requests only; `Color` in responses. */
export const shop = `error NotFound 404 { message: String }
enum Color { red, green }
/// An item.
type Item {
  id: Uuid
  name: String { maxLength: 50 }
  note?: String
  color: Color
  tags: List<String { maxLength: 10 }>
  invariant len(name) > 0
}
type NewItem {
  name: String { maxLength: 50 }
  note?: String
  price: Int { min: 0 }
}
endpoint getItem GET /items/{id: Uuid} {
  query limit?: Int
  header trace "X-Trace": String
  response 200 Item
  errors NotFound
  ensures response.id == id
}
endpoint createItem POST /items {
  body NewItem
  response 201 Item
  response 202
  requires body.price > 10
}
/// Round trip.
property roundTrip {
  forall n: NewItem
  let created = try createItem(body: n)
  expect created.ok implies created.status >= 200
}
`;

/** The text of the spec header (line 1), where top-level additions and removals are placed. */
export const spec = 'spec Test';

/** The shop without its property (which calls `createItem` with a `NewItem` body). */
export const noProperty = shop.slice(0, shop.indexOf('/// Round trip.'));

/** A change row, in the order the tables read best. */
export function change(
  kind: Row['kind'],
  verdict: Row['verdict'],
  subject: string,
  old: string,
  now: string,
): Row {
  return { kind, verdict, subject, old, new: now };
}

/** Runs a table: each case asserts exactly the changes between its two versions. */
export function runCases(title: string, cases: readonly Case[]): void {
  describe(title, () => {
    for (const { name, before, after, expected } of cases) {
      it(name, async () => {
        expect(await changesBetween(before, after)).toEqual(expected(before, after));
      });
    }
  });
}
