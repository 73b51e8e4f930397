import { at } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, runCases } from './shop-fixture.js';

// `specl diff` on the v0.1 types: a field made readOnly (or no longer), a union's tag field.

const api = `type Card { kind: "card", last4: String }
type Bank { kind: "bank" }
type Pay = Card | Bank by kind
type Account { id: Uuid, name: String }
endpoint createAccount POST /accounts {
  body Account
  response 201 Account
}
endpoint pay POST /pay {
  body Pay
  response 204
}
`;

const readOnly = edit(api, 'id: Uuid,', 'id: Uuid { readOnly: true },');

const renamedTag = api.replace(/\bkind\b/g, 'type');

const cases: Case[] = [
  {
    name: 'a field made readOnly is breaking where requests carry it',
    before: api,
    after: readOnly,
    expected: (b, a) => [
      change('field-read-only', 'breaking', 'Account.id', at(b, 'id: Uuid'), at(a, 'id: Uuid')),
    ],
  },
  {
    name: 'a required field no longer readOnly is breaking: requests must now carry it',
    before: readOnly,
    after: api,
    expected: (b, a) => [
      change('field-writable', 'breaking', 'Account.id', at(b, 'id: Uuid'), at(a, 'id: Uuid')),
    ],
  },
  {
    name: 'a union that loses its tag field breaks the clients that dispatch on it',
    before: api,
    after: edit(api, ' by kind', ''),
    expected: (b, a) => [
      change('discriminator-removed', 'breaking', 'Pay', at(b, 'type Pay'), at(a, 'type Pay')),
    ],
  },
  {
    name: 'a union that gains a tag field breaks nothing',
    before: edit(api, ' by kind', ''),
    after: api,
    expected: (b, a) => [
      change('discriminator-added', 'non-breaking', 'Pay', at(b, 'type Pay'), at(a, 'type Pay')),
    ],
  },
  // Found by the random specs (mirror-property.test.ts): adding and removing a tag were one
  // self-inverse kind whose verdict differed by direction; a diff read backwards must swap
  // the kinds and may change the verdict only between inverse kinds.
  ...[
    [api, renamedTag],
    [renamedTag, api],
  ].map(([before, after]): Case => ({
    name: `a union told apart by another tag field breaks both ways (${before === api ? 'kind → type' : 'type → kind'})`,
    before: before!,
    after: after!,
    expected: (b, a) => {
      const [from, to] = before === api ? ['kind', 'type'] : ['type', 'kind'];
      // The options' tag fields are renamed too: each a field removed and one added.
      const renamed = (record: string, tag: string) => [
        change(
          'field-removed',
          'breaking',
          `${record}.${from}`,
          at(b, `${from}: "${tag}"`),
          at(a, `type ${record}`),
        ),
        change(
          'field-added',
          'breaking',
          `${record}.${to}`,
          at(b, `type ${record}`),
          at(a, `${to}: "${tag}"`),
        ),
      ];
      return [
        ...renamed('Card', 'card'),
        ...renamed('Bank', 'bank'),
        change('discriminator-changed', 'breaking', 'Pay', at(b, 'type Pay'), at(a, 'type Pay')),
      ];
    },
  })),
];

runCases('specl diff on readOnly fields and discriminated unions', cases);
