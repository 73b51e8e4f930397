// A large OpenAPI 3.1 document made deterministically (a seeded generator): `resources`
// resources, each a component schema of many documented properties (strings with formats and
// lengths, numbers with bounds, enums, lists, a nested object, a nullable field), with three
// operations (list with query parameters, create, get by id with a header) and shared errors.

/** A small seeded generator (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words = [
  'account',
  'balance',
  'ledger',
  'payment',
  'invoice',
  'customer',
  'order',
  'line',
  'amount',
  'currency',
  'status',
  'note',
  'region',
  'channel',
  'merchant',
  'device',
  'session',
  'token',
  'limit',
  'window',
  'reason',
  'score',
  'label',
  'owner',
  'origin',
  'target',
];

function sentence(next, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(next() * words.length)]);
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function property(next, r, p) {
  const kind = p % 8;
  const description = sentence(next, 12 + Math.floor(next() * 20));
  switch (kind) {
    case 0:
      return { type: 'string', format: 'uuid', description };
    case 1:
      return { type: 'string', minLength: 1, maxLength: 40 + p, description, example: 'abc' };
    case 2:
      return { type: 'integer', minimum: 0, maximum: 1000 * (p + 1), description };
    case 3:
      return { type: 'number', exclusiveMinimum: 0, description };
    case 4:
      return { type: 'string', enum: [`a${r}`, `b${r}`, `c${p}`], description };
    case 5:
      return { type: 'array', items: { type: 'string', maxLength: 20 }, maxItems: 10, description };
    case 6:
      return { type: 'string', format: 'date-time', nullable: true, description };
    default:
      return { $ref: `#/components/schemas/Resource${(r + 1) % 100}Summary`, description };
  }
}

/**
 * @param {{ resources?: number, properties?: number, seed?: number }} options
 * @returns {object} the document
 */
export function generateOpenApi({ resources = 100, properties = 76, seed = 1 } = {}) {
  const next = random(seed);
  const schemas = {
    Error: {
      type: 'object',
      required: ['code', 'message'],
      properties: { code: { type: 'integer' }, message: { type: 'string' } },
    },
  };
  const paths = {};
  for (let r = 0; r < resources; r++) {
    const props = {};
    const required = [];
    for (let p = 0; p < properties; p++) {
      props[`field${p}`] = property(next, r, p);
      if (p % 3 === 0) required.push(`field${p}`);
    }
    schemas[`Resource${r}`] = {
      type: 'object',
      description: sentence(next, 30),
      required,
      properties: props,
      additionalProperties: false,
    };
    schemas[`Resource${r}Summary`] = {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
    };
    const ref = { $ref: `#/components/schemas/Resource${r}` };
    const errors = {
      400: {
        description: 'Bad request',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
      404: {
        description: 'Not found',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    };
    paths[`/resources${r}`] = {
      get: {
        operationId: `listResources${r}`,
        summary: sentence(next, 8),
        description: sentence(next, 40),
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          200: {
            description: 'OK',
            content: { 'application/json': { schema: { type: 'array', items: ref } } },
          },
          400: errors[400],
        },
      },
      post: {
        operationId: `createResource${r}`,
        summary: sentence(next, 8),
        requestBody: { required: true, content: { 'application/json': { schema: ref } } },
        responses: {
          201: { description: 'Created', content: { 'application/json': { schema: ref } } },
          400: errors[400],
        },
      },
    };
    paths[`/resources${r}/{id}`] = {
      get: {
        operationId: `getResource${r}`,
        summary: sentence(next, 8),
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
          { name: 'X-Request-Id', in: 'header', schema: { type: 'string', maxLength: 64 } },
        ],
        responses: {
          200: { description: 'OK', content: { 'application/json': { schema: ref } } },
          404: errors[404],
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Generated large API', version: '1.0.0', description: 'A benchmark document.' },
    paths,
    components: { schemas },
  };
}
