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
      change('discriminator-changed', 'breaking', 'Pay', at(b, 'type Pay'), at(a, 'type Pay')),
    ],
  },
  {
    name: 'a union that gains a tag field breaks nothing',
    before: edit(api, ' by kind', ''),
    after: api,
    expected: (b, a) => [
      change('discriminator-changed', 'non-breaking', 'Pay', at(b, 'type Pay'), at(a, 'type Pay')),
    ],
  },
];

runCases('specl diff on readOnly fields and discriminated unions', cases);
