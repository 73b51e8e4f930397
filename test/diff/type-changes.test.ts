import { at } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, noProperty, runCases, shop, spec } from './shop-fixture.js';

const cases: Case[] = [
  {
    name: "an error's changed status is breaking",
    before: shop,
    after: edit(shop, 'NotFound 404', 'NotFound 410'),
    expected: (b, a) => [
      change(
        'status-changed',
        'breaking',
        'NotFound',
        at(b, 'error NotFound'),
        at(a, 'error NotFound'),
      ),
    ],
  },
  {
    name: 'a field removed from a response type is breaking',
    before: shop,
    after: edit(shop, '  note?: String\n  color', '  color'),
    expected: (b, a) => [
      change('field-removed', 'breaking', 'Item.note', at(b, 'note?: String'), at(a, 'type Item')),
    ],
  },
  {
    name: 'a field removed from a type no endpoint uses is not',
    before: shop + 'type Draft { a: Int, b: Int }\n',
    after: shop + 'type Draft { a: Int }\n',
    expected: (b, a) => [
      change('field-removed', 'non-breaking', 'Draft.b', at(b, 'b: Int'), at(a, 'type Draft')),
    ],
  },
  {
    name: 'an optional field added to a request type is not breaking',
    before: shop,
    after: edit(shop, '  price: Int { min: 0 }\n', '  price: Int { min: 0 }\n  size?: Int\n'),
    expected: (b, a) => [
      change(
        'field-added',
        'non-breaking',
        'NewItem.size',
        at(b, 'type NewItem'),
        at(a, 'size?: Int'),
      ),
    ],
  },
  {
    name: 'a required field added to a request type is breaking',
    before: shop,
    after: edit(shop, '  price: Int { min: 0 }\n', '  price: Int { min: 0 }\n  size: Int\n'),
    expected: (b, a) => [
      change('field-added', 'breaking', 'NewItem.size', at(b, 'type NewItem'), at(a, 'size: Int')),
    ],
  },
  {
    name: 'a required field added to a response type is not',
    before: shop,
    after: edit(shop, '  id: Uuid\n', '  id: Uuid\n  size: Int\n'),
    expected: (b, a) => [
      change('field-added', 'non-breaking', 'Item.size', at(b, 'type Item'), at(a, 'size: Int')),
    ],
  },
  {
    name: 'a field made required in a request is breaking',
    before: shop,
    after: edit(shop, '  note?: String\n  price', '  note: String\n  price'),
    expected: (b, a) => [
      change(
        'field-required',
        'breaking',
        'NewItem.note',
        at(b, 'note?: String', 2),
        at(a, 'note: String'),
      ),
    ],
  },
  {
    name: 'a field made optional in a response is breaking',
    before: shop,
    after: edit(shop, '  id: Uuid\n', '  id?: Uuid\n'),
    expected: (b, a) => [
      change('field-optional', 'breaking', 'Item.id', at(b, 'id: Uuid\n'), at(a, 'id?: Uuid')),
    ],
  },
  {
    name: 'a field made required in a response is not breaking',
    before: shop,
    after: edit(shop, '  note?: String\n  color', '  note: String\n  color'),
    expected: (b, a) => [
      change(
        'field-required',
        'non-breaking',
        'Item.note',
        at(b, 'note?: String'),
        at(a, 'note: String'),
      ),
    ],
  },
  {
    name: 'a field made optional in a request is not breaking',
    before: shop,
    after: edit(
      shop,
      '  name: String { maxLength: 50 }\n  note?: String\n  price',
      '  name?: String { maxLength: 50 }\n  note?: String\n  price',
    ),
    expected: (b, a) => [
      change(
        'field-optional',
        'non-breaking',
        'NewItem.name',
        at(b, 'name: String', 2),
        at(a, 'name?: String'),
      ),
    ],
  },
  {
    name: 'a removed enum member is breaking',
    before: shop,
    after: edit(shop, 'enum Color { red, green }', 'enum Color { red }'),
    expected: (b, a) => [
      change('enum-member-removed', 'breaking', 'Color.green', at(b, 'green'), at(a, 'enum Color')),
    ],
  },
  {
    name: 'an enum member added where clients receive it is breaking',
    before: shop,
    after: edit(shop, 'enum Color { red, green }', 'enum Color { red, green, blue }'),
    expected: (b, a) => [
      change('enum-member-added', 'breaking', 'Color.blue', at(b, 'enum Color'), at(a, 'blue')),
    ],
  },
  {
    name: 'an enum member added where clients only send it is not',
    before:
      shop + 'enum Size { s, m }\nendpoint sized GET /sized { query size: Size\n response 204 }\n',
    after:
      shop +
      'enum Size { s, m, l }\nendpoint sized GET /sized { query size: Size\n response 204 }\n',
    expected: (b, a) => [
      change('enum-member-added', 'non-breaking', 'Size.l', at(b, 'enum Size'), at(a, 'l }')),
    ],
  },
  {
    name: 'a constraint narrowed on input is breaking',
    before: shop,
    after: edit(
      shop,
      '  name: String { maxLength: 50 }\n  note?: String\n  price',
      '  name: String { maxLength: 40 }\n  note?: String\n  price',
    ),
    expected: (b, a) => [
      change(
        'constraint-narrowed',
        'breaking',
        'NewItem.name',
        at(b, 'name: String', 2),
        at(a, 'name: String', 2),
      ),
    ],
  },
  {
    name: 'a constraint widened on input is not',
    before: shop,
    after: edit(shop, 'price: Int { min: 0 }', 'price: Int { min: -5 }'),
    expected: (b, a) => [
      change(
        'constraint-widened',
        'non-breaking',
        'NewItem.price',
        at(b, 'price: Int'),
        at(a, 'price: Int'),
      ),
    ],
  },
  {
    name: 'a constraint narrowed on output is not breaking',
    before: shop,
    after: edit(
      shop,
      'tags: List<String { maxLength: 10 }>',
      'tags: List<String { maxLength: 5 }>',
    ),
    expected: (b, a) => [
      change('constraint-narrowed', 'non-breaking', 'Item.tags[]', at(b, 'tags:'), at(a, 'tags:')),
    ],
  },
  {
    name: 'a constraint widened on output is breaking',
    before: shop,
    after: edit(shop, 'tags: List<String { maxLength: 10 }>', 'tags: List<String> { maxItems: 3 }'),
    expected: (b, a) => [
      change('constraint-widened', 'breaking', 'Item.tags[]', at(b, 'tags:'), at(a, 'tags:')),
      change('constraint-narrowed', 'non-breaking', 'Item.tags', at(b, 'tags:'), at(a, 'tags:')),
    ],
  },
  {
    name: 'a changed pattern is undecided',
    before:
      shop +
      'type Code = String { pattern: "^[a-z]+$" }\nendpoint code GET /code { response 200 Code }\n',
    after:
      shop +
      'type Code = String { pattern: "^[a-z0-9]+$" }\nendpoint code GET /code { response 200 Code }\n',
    expected: (b, a) => [
      change('constraint-changed', 'unknown', 'Code', at(b, 'type Code'), at(a, 'type Code')),
    ],
  },
  {
    name: 'a constraint narrowed on a type used both ways is breaking',
    before: edit(edit(noProperty, 'body NewItem', 'body Item'), '  requires body.price > 10\n', ''),
    after: edit(
      edit(edit(noProperty, 'body NewItem', 'body Item'), '  requires body.price > 10\n', ''),
      'tags: List<String { maxLength: 10 }>',
      'tags: List<String { maxLength: 5 }>',
    ),
    expected: (b, a) => [
      change('constraint-narrowed', 'breaking', 'Item.tags[]', at(b, 'tags:'), at(a, 'tags:')),
    ],
  },
  {
    name: 'a changed type is breaking',
    before: shop,
    after: edit(shop, '  note?: String\n  color', '  note?: Int\n  color'),
    expected: (b, a) => [
      change('type-changed', 'breaking', 'Item.note', at(b, 'note?: String'), at(a, 'note?: Int')),
    ],
  },
  {
    name: 'Int to Float widens: breaking on output, not on input',
    before:
      shop + 'type Box { size: Int }\nendpoint box POST /box { body Box\n response 200 Item }\n',
    after:
      shop + 'type Box { size: Float }\nendpoint box POST /box { body Box\n response 200 Item }\n',
    expected: (b, a) => [
      change('type-widened', 'non-breaking', 'Box.size', at(b, 'size: Int'), at(a, 'size: Float')),
    ],
  },
  {
    name: 'a request field from UriTemplate to String widens, not breaking',
    before:
      shop +
      'type Hook { url: UriTemplate }\nendpoint hook POST /hook { body Hook\n response 200 Item }\n',
    after:
      shop +
      'type Hook { url: String }\nendpoint hook POST /hook { body Hook\n response 200 Item }\n',
    expected: (b, a) => [
      change(
        'type-widened',
        'non-breaking',
        'Hook.url',
        at(b, 'url: UriTemplate'),
        at(a, 'url: String'),
      ),
    ],
  },
  {
    name: 'a response field that may now be null is breaking',
    before: shop,
    after: edit(shop, '  color: Color\n', '  color: Color?\n'),
    expected: (b, a) => [
      change(
        'type-widened',
        'breaking',
        'Item.color',
        at(b, 'color: Color'),
        at(a, 'color: Color'),
      ),
    ],
  },
  {
    name: 'a union option added on input is not breaking',
    before: shop,
    after: edit(shop, '  note?: String\n  price', '  note?: String | Int\n  price'),
    expected: (b, a) => [
      change(
        'type-widened',
        'non-breaking',
        'NewItem.note',
        at(b, 'note?: String', 2),
        at(a, 'note?: String | Int'),
      ),
    ],
  },
  {
    name: 'an inlined alias has the same values, but the named type is gone from the contracts',
    before: shop.replace(
      'type NewItem {\n  name: String { maxLength: 50 }',
      'type Name = String { maxLength: 50 }\ntype NewItem {\n  name: Name',
    ),
    after: shop,
    expected: (b, a) => [
      change('type-removed', 'breaking', 'Name', at(b, 'type Name'), at(a, spec)),
      change(
        'type-rewritten',
        'non-breaking',
        'NewItem.name',
        at(b, 'name: Name'),
        at(a, 'name: String', 2),
      ),
    ],
  },
  {
    name: "an alias's constraint narrowed on input is breaking, at the alias",
    before:
      shop +
      'type Days = Int { max: 30 }\nendpoint book POST /book { query days: Days\n response 204 }\n',
    after:
      shop +
      'type Days = Int { max: 20 }\nendpoint book POST /book { query days: Days\n response 204 }\n',
    expected: (b, a) => [
      change('constraint-narrowed', 'breaking', 'Days', at(b, 'type Days'), at(a, 'type Days')),
    ],
  },
  {
    name: 'an exclusive bound written as the inclusive one it equals on Int has the same values',
    before: shop,
    after: edit(shop, 'price: Int { min: 0 }', 'price: Int { exclusiveMin: -1 }'),
    expected: (b, a) => [
      change(
        'type-rewritten',
        'non-breaking',
        'NewItem.price',
        at(b, 'price: Int'),
        at(a, 'price: Int'),
      ),
    ],
  },
  {
    name: 'a removed type that was used is breaking (and so is the field that used it)',
    before: shop,
    after: edit(edit(shop, 'enum Color { red, green }\n', ''), '  color: Color\n', ''),
    expected: (b, a) => [
      change('type-removed', 'breaking', 'Color', at(b, 'enum Color'), at(a, spec)),
      change('field-removed', 'breaking', 'Item.color', at(b, 'color: Color'), at(a, 'type Item')),
    ],
  },
  {
    name: 'an added type is not breaking',
    before: shop,
    after: shop + 'type Later { x: Int }\n',
    expected: (b, a) => [
      change('type-added', 'non-breaking', 'Later', at(b, spec), at(a, 'type Later')),
    ],
  },
  {
    name: 'a type that becomes another kind of type is breaking',
    before: edit(shop, 'enum Color { red, green }', 'type Color = String'),
    after: shop,
    expected: (b, a) => [
      change('type-kind-changed', 'breaking', 'Color', at(b, 'type Color'), at(a, 'enum Color')),
    ],
  },
];

runCases('specl diff: changes to types', cases);
