import { describe, expect, it } from 'vitest';
import { at, changesBetween } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, runCases, shop, spec } from './shop-fixture.js';

const cases: Case[] = [
  {
    name: 'an added precondition is stronger: breaking',
    before: edit(shop, '  requires body.price > 10\n', ''),
    after: shop,
    expected: (b, a) => [
      change(
        'requires-added',
        'breaking',
        'createItem requires',
        at(b, 'endpoint createItem'),
        at(a, 'requires'),
      ),
    ],
  },
  {
    name: 'a removed precondition is weaker: not breaking',
    before: shop,
    after: edit(shop, '  requires body.price > 10\n', ''),
    expected: (b, a) => [
      change(
        'requires-removed',
        'non-breaking',
        'createItem requires',
        at(b, 'requires'),
        at(a, 'endpoint createItem'),
      ),
    ],
  },
  {
    name: 'a precondition that became stronger is breaking',
    before: shop,
    after: edit(shop, 'body.price > 10', 'body.price >= 20'),
    expected: (b, a) => [
      change(
        'requires-strengthened',
        'breaking',
        'createItem requires',
        at(b, 'requires'),
        at(a, 'requires'),
      ),
    ],
  },
  {
    name: 'a precondition that became weaker is not',
    before: shop,
    after: edit(shop, 'body.price > 10', 'body.price > 0'),
    expected: (b, a) => [
      change(
        'requires-weakened',
        'non-breaking',
        'createItem requires',
        at(b, 'requires'),
        at(a, 'requires'),
      ),
    ],
  },
  {
    name: 'a precondition written the other way round means the same',
    before: shop,
    after: edit(shop, 'body.price > 10', '10 < body.price'),
    expected: (b, a) => [
      change(
        'requires-reworded',
        'non-breaking',
        'createItem requires',
        at(b, 'requires'),
        at(a, 'requires'),
      ),
    ],
  },
  {
    name: 'a precondition changed beyond what can be decided is unknown',
    before: shop,
    after: edit(shop, 'body.price > 10', 'len(body.name) > 2'),
    expected: (b, a) => [
      change(
        'requires-changed',
        'unknown',
        'createItem requires',
        at(b, 'requires'),
        at(a, 'requires'),
      ),
    ],
  },
  {
    name: 'an added precondition the others already imply is not breaking',
    before: shop,
    after: edit(
      shop,
      '  requires body.price > 10\n',
      '  requires body.price > 10\n  requires body.price >= 0\n',
    ),
    expected: (b, a) => [
      change(
        'requires-added',
        'non-breaking',
        'createItem requires',
        at(b, 'endpoint createItem'),
        at(a, 'requires', 2),
      ),
    ],
  },
  {
    name: 'a removed postcondition is weaker: breaking',
    before: shop,
    after: edit(shop, '  ensures response.id == id\n', ''),
    expected: (b, a) => [
      change(
        'ensures-removed',
        'breaking',
        'getItem ensures',
        at(b, 'ensures'),
        at(a, 'endpoint getItem'),
      ),
    ],
  },
  {
    name: 'an added postcondition is stronger: not breaking',
    before: shop,
    after: edit(
      shop,
      '  ensures response.id == id\n',
      '  ensures response.id == id\n  ensures len(response.name) >= 1\n',
    ),
    expected: (b, a) => [
      change(
        'ensures-added',
        'non-breaking',
        'getItem ensures',
        at(b, 'endpoint getItem'),
        at(a, 'ensures', 2),
      ),
    ],
  },
  {
    name: 'a postcondition that became weaker is breaking',
    before: edit(shop, '  ensures response.id == id\n', '  ensures len(response.name) >= 3\n'),
    after: edit(shop, '  ensures response.id == id\n', '  ensures len(response.name) >= 1\n'),
    expected: (b, a) => [
      change('ensures-weakened', 'breaking', 'getItem ensures', at(b, 'ensures'), at(a, 'ensures')),
    ],
  },
  {
    name: 'an invariant removed from a response type is breaking',
    before: shop,
    after: edit(shop, '  invariant len(name) > 0\n', ''),
    expected: (b, a) => [
      change(
        'invariant-removed',
        'breaking',
        'Item invariant',
        at(b, 'invariant'),
        at(a, 'type Item'),
      ),
    ],
  },
  {
    name: 'an invariant added to a request type is breaking',
    before: shop,
    after: edit(
      shop,
      '  price: Int { min: 0 }\n',
      '  price: Int { min: 0 }\n  invariant price < 1000\n',
    ),
    expected: (b, a) => [
      change(
        'invariant-added',
        'breaking',
        'NewItem invariant',
        at(b, 'type NewItem'),
        at(a, 'invariant', 2),
      ),
    ],
  },
  {
    name: 'an invariant added to a response type is not breaking',
    before: shop,
    after: edit(
      shop,
      '  invariant len(name) > 0\n',
      '  invariant len(name) > 0\n  invariant len(tags) < 5\n',
    ),
    expected: (b, a) => [
      change(
        'invariant-added',
        'non-breaking',
        'Item invariant',
        at(b, 'type Item'),
        at(a, 'invariant len(tags)'),
      ),
    ],
  },
  {
    name: 'a removed property is unknown (a promise about behaviour)',
    before: shop,
    after: shop.slice(0, shop.indexOf('/// Round trip.')),
    expected: (b, a) => [
      change(
        'property-removed',
        'unknown',
        'property roundTrip',
        at(b, 'property roundTrip'),
        at(a, spec),
      ),
    ],
  },
  {
    name: 'an added property is not breaking',
    before: shop.slice(0, shop.indexOf('/// Round trip.')),
    after: shop,
    expected: (b, a) => [
      change(
        'property-added',
        'non-breaking',
        'property roundTrip',
        at(b, spec),
        at(a, 'property roundTrip'),
      ),
    ],
  },
  {
    name: 'a changed property is unknown',
    before: shop,
    after: edit(shop, 'created.status >= 200', 'created.status >= 201'),
    expected: (b, a) => [
      change(
        'property-changed',
        'unknown',
        'property roundTrip',
        at(b, 'property roundTrip'),
        at(a, 'property roundTrip'),
      ),
    ],
  },
  {
    name: 'a changed doc comment is not breaking',
    before: shop,
    after: edit(shop, '/// An item.', '/// A thing for sale.'),
    expected: (b, a) => [
      change('description-changed', 'non-breaking', 'Item', at(b, 'type Item'), at(a, 'type Item')),
    ],
  },
  {
    name: 'a renamed spec is not breaking',
    before: `spec Test version "1.0.0"\n${shop}`,
    after: `spec Shop version "1.0.0"\n${shop}`,
    expected: () => [change('spec-renamed', 'non-breaking', 'spec', '1:1', '1:1')],
  },
];

runCases('specl diff: changes to conditions, properties and docs', cases);

describe('specl diff: no changes', () => {
  it('finds nothing between a spec and itself, or a copy laid out differently', async () => {
    expect(await changesBetween(shop, shop)).toEqual([]);
    const relaid = shop.replace(/\n {2}/g, '\n\t').replace('{ maxLength: 50 }', '{maxLength:50}');
    expect(await changesBetween(shop, relaid)).toEqual([]);
  });
});
