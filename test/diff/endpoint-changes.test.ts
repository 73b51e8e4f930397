import { at } from './diff-helpers.js';
import type { Case } from './shop-fixture.js';
import { change, edit, noProperty, runCases, shop, spec } from './shop-fixture.js';

const cases: Case[] = [
  {
    name: 'a removed endpoint is breaking',
    before: shop + 'endpoint ping GET /ping {\n  response 204\n}\n',
    after: shop,
    expected: (b, a) => [
      change('endpoint-removed', 'breaking', 'ping', at(b, 'endpoint ping'), at(a, spec)),
    ],
  },
  {
    name: 'an added endpoint is not',
    before: shop,
    after: shop + 'endpoint ping GET /ping {\n  response 204\n}\n',
    expected: (b, a) => [
      change('endpoint-added', 'non-breaking', 'ping', at(b, spec), at(a, 'endpoint ping')),
    ],
  },
  {
    name: 'a renamed endpoint is one removed and one added',
    before: shop,
    after: edit(shop, 'endpoint getItem GET', 'endpoint fetchItem GET'),
    expected: (b, a) => [
      change('endpoint-removed', 'breaking', 'getItem', at(b, 'endpoint getItem'), at(a, spec)),
      change(
        'endpoint-added',
        'non-breaking',
        'fetchItem',
        at(b, spec),
        at(a, 'endpoint fetchItem'),
      ),
    ],
  },
  {
    name: 'a changed method is breaking',
    before: shop,
    after: edit(shop, 'getItem GET', 'getItem POST'),
    expected: (b, a) => [
      change(
        'method-changed',
        'breaking',
        'getItem',
        at(b, 'endpoint getItem'),
        at(a, 'endpoint getItem'),
      ),
    ],
  },
  {
    name: 'a changed path is breaking',
    before: shop,
    after: edit(shop, '/items/{id: Uuid}', '/things/{id: Uuid}'),
    expected: (b, a) => [
      change(
        'path-changed',
        'breaking',
        'getItem',
        at(b, 'endpoint getItem'),
        at(a, 'endpoint getItem'),
      ),
    ],
  },
  {
    name: 'a renamed path parameter keeps the URL: not breaking',
    before: shop,
    after: edit(
      edit(shop, '{id: Uuid}', '{itemId: Uuid}'),
      'response.id == id',
      'response.id == itemId',
    ),
    expected: (b, a) => [
      change('ensures-changed', 'unknown', 'getItem ensures', at(b, 'ensures'), at(a, 'ensures')),
      change(
        'parameter-renamed',
        'non-breaking',
        'getItem path parameter 1',
        at(b, 'id: Uuid}'),
        at(a, 'itemId: Uuid}'),
      ),
    ],
  },
  {
    name: 'a removed query parameter is breaking',
    before: shop,
    after: edit(shop, '  query limit?: Int\n', ''),
    expected: (b, a) => [
      change(
        'parameter-removed',
        'breaking',
        'getItem query limit',
        at(b, 'query limit'),
        at(a, 'endpoint getItem'),
      ),
    ],
  },
  {
    name: 'an added optional query parameter is not',
    before: edit(shop, '  query limit?: Int\n', ''),
    after: shop,
    expected: (b, a) => [
      change(
        'parameter-added',
        'non-breaking',
        'getItem query limit',
        at(b, 'endpoint getItem'),
        at(a, 'query limit'),
      ),
    ],
  },
  {
    name: 'an added required header is breaking',
    before: edit(shop, '  header trace "X-Trace": String\n', ''),
    after: shop,
    expected: (b, a) => [
      change(
        'parameter-added',
        'breaking',
        'getItem header x-trace',
        at(b, 'endpoint getItem'),
        at(a, 'header trace'),
      ),
    ],
  },
  {
    name: 'a header renamed in code only (same wire name) is not breaking',
    before: shop,
    after: edit(shop, 'header trace "X-Trace"', 'header traceId "X-Trace"'),
    expected: (b, a) => [
      change(
        'parameter-renamed',
        'non-breaking',
        'getItem header x-trace',
        at(b, 'header trace'),
        at(a, 'header traceId'),
      ),
    ],
  },
  {
    name: 'a parameter made required is breaking',
    before: shop,
    after: edit(shop, 'query limit?: Int', 'query limit: Int'),
    expected: (b, a) => [
      change(
        'parameter-required',
        'breaking',
        'getItem query limit',
        at(b, 'query limit'),
        at(a, 'query limit'),
      ),
    ],
  },
  {
    name: 'a parameter made optional is not',
    before: shop,
    after: edit(shop, 'header trace "X-Trace": String', 'header trace "X-Trace"?: String'),
    expected: (b, a) => [
      change(
        'parameter-optional',
        'non-breaking',
        'getItem header x-trace',
        at(b, 'header trace'),
        at(a, 'header trace'),
      ),
    ],
  },
  {
    name: 'a new request body is breaking',
    before: edit(edit(noProperty, '  body NewItem\n', ''), '  requires body.price > 10\n', ''),
    after: edit(noProperty, '  requires body.price > 10\n', ''),
    expected: (b, a) => [
      change(
        'body-added',
        'breaking',
        'createItem body',
        at(b, 'endpoint createItem'),
        at(a, 'body NewItem'),
      ),
    ],
  },
  {
    name: 'a removed request body is breaking',
    before: edit(noProperty, '  requires body.price > 10\n', ''),
    after: edit(edit(noProperty, '  body NewItem\n', ''), '  requires body.price > 10\n', ''),
    expected: (b, a) => [
      change(
        'body-removed',
        'breaking',
        'createItem body',
        at(b, 'body NewItem'),
        at(a, 'endpoint createItem'),
      ),
    ],
  },
  {
    name: 'a removed status is breaking',
    before: shop,
    after: edit(shop, '  response 202\n', ''),
    expected: (b, a) => [
      change(
        'response-removed',
        'breaking',
        'createItem response 202',
        at(b, 'response 202'),
        at(a, 'endpoint createItem'),
      ),
    ],
  },
  {
    name: 'an added status is breaking (clients get a status they do not handle)',
    before: edit(shop, '  response 202\n', ''),
    after: shop,
    expected: (b, a) => [
      change(
        'response-added',
        'breaking',
        'createItem response 202',
        at(b, 'endpoint createItem'),
        at(a, 'response 202'),
      ),
    ],
  },
  {
    name: 'a response that loses its body is breaking',
    before: shop,
    after: edit(shop, 'response 201 Item', 'response 201'),
    expected: (b, a) => [
      change(
        'response-body-removed',
        'breaking',
        'createItem response 201',
        at(b, 'response 201'),
        at(a, 'response 201'),
      ),
    ],
  },
  {
    name: 'a response that gains a body is not',
    before: shop,
    after: edit(shop, 'response 202', 'response 202 Item'),
    expected: (b, a) => [
      change(
        'response-body-added',
        'non-breaking',
        'createItem response 202',
        at(b, 'response 202'),
        at(a, 'response 202'),
      ),
    ],
  },
  {
    name: 'an error no longer declared is breaking',
    before: shop,
    after: edit(shop, '  errors NotFound\n', ''),
    expected: (b, a) => [
      change(
        'error-removed',
        'breaking',
        'getItem error NotFound',
        at(b, 'NotFound', 2),
        at(a, 'endpoint getItem'),
      ),
    ],
  },
  {
    name: 'a newly declared error is not',
    before: edit(shop, '  errors NotFound\n', ''),
    after: shop,
    expected: (b, a) => [
      change(
        'error-added',
        'non-breaking',
        'getItem error NotFound',
        at(b, 'endpoint getItem'),
        at(a, 'NotFound', 2),
      ),
    ],
  },
];

runCases('specl diff: changes to endpoints', cases);
