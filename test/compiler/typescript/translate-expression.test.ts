import { describe, expect, it } from 'vitest';
import type { EndpointIR, RuntimeHelper, TranslationContext } from '@specl/compiler';
import { translateExpression, translateNegation } from '@specl/compiler';
import { lower } from './typescript-helpers.js';

const TYPES = `
enum Status { open, closed }
type Item {
  sku: String
  qty: Int
  note?: String
  parent?: Item
  at: DateTime
  day: Date
  status: Status
}
`;

/**
 * The translations of an endpoint's \`ensures\`, in the way a properties emitter resolves names:
 * parameters and \`body\` through \`request\`, the success body as \`response\`.
 */
async function translations(clauses: string, negate = false): Promise<string[]> {
  const ir = await lower(`${TYPES}
endpoint search POST /items/{id: Uuid} {
  query limit?: Int
  query q?: String
  query flag?: Bool
  body Item
  response 200 List<Item>
${clauses}
}`);
  const endpoint = ir.endpoints[0] as EndpointIR;
  const helpers: RuntimeHelper[] = [];
  const context: TranslationContext = {
    resolve(reference) {
      if (reference.kind === 'response')
        return { code: 'response', type: endpoint.responses[0]!.type };
      if (reference.kind === 'body') return { code: 'request.body', type: endpoint.body };
      const param = [...endpoint.pathParams, ...endpoint.query].find(
        (p) => p.name === reference.name,
      )!;
      return { code: `request.${param.name}`, type: param.type, optional: param.optional };
    },
    helper: (name) => {
      helpers.push(name);
      return name;
    },
    types: new Map(ir.types.map((decl) => [decl.name, decl])),
    reserved: ['request', 'response'],
  };
  const translate = negate ? translateNegation : translateExpression;
  return endpoint.ensures.map((condition) => translate(condition.expr, context));
}

async function translation(condition: string): Promise<string> {
  return (await translations(`  ensures ${condition}`))[0]!;
}

describe('translateExpression', () => {
  it.each([
    ['len(response) <= (limit ?? 100)', 'len(response) <= (request.limit ?? 100)'],
    ['all r in response: r.qty >= 0', 'response.every((r) => r.qty >= 0)'],
    ['any r in response: r.note == null', 'response.some((r) => isAbsent(r.note))'],
    ['all r in response: true', 'response.every(() => true)'],
    ['id != "x"', "!deepEqual(request.id, 'x')"],
    ['body.status == open', "deepEqual(request.body.status, 'open')"],
    ['body.status == Status.closed', "deepEqual(request.body.status, 'closed')"],
    ['body.parent?.sku == q', 'deepEqual(request.body.parent?.sku, request.q)'],
    ['body.parent?.parent?.note == null', 'isAbsent(request.body.parent?.parent?.note)'],
    [
      'body.at > "2024-01-01T00:00:00Z"',
      "compareValues(request.body.at, '2024-01-01T00:00:00Z', 'datetime') > 0",
    ],
    ['body.day <= "2024-12-31"', "compareValues(request.body.day, '2024-12-31', 'date') <= 0"],
    ['body.at == "2024-01-01T00:00:00Z"', "sameInstant(request.body.at, '2024-01-01T00:00:00Z')"],
    ['body.sku < "m"', "request.body.sku < 'm'"],
    ['body.sku + "!" != "a!"', "!deepEqual(request.body.sku + '!', 'a!')"],
    [
      'body.qty * (2 + 3) - -body.qty % 4 >= -1',
      'request.body.qty * (2 + 3) - -request.body.qty % 4 >= -1',
    ],
    ['body.qty - (1 - 2) == - -1', 'deepEqual(request.body.qty - (1 - 2), -(-1))'],
    ['body.qty / 2 > 1.5e0', 'request.body.qty / 2 > 1.5'],
    ['not (q in ["a", "b"]) or q == null', "!inList(request.q, ['a', 'b']) || isAbsent(request.q)"],
    ['body in response', 'inList(request.body, response)'],
    [
      'response == [{ sku: "a", qty: 1, at: "2024-01-01T00:00:00Z", day: "2024-01-01", status: open }]',
      "deepEqual(response, [{ sku: 'a', qty: 1, at: '2024-01-01T00:00:00Z', day: '2024-01-01', status: 'open' }])",
    ],
    [
      '(q ?? "a") == "b" or flag ?? false',
      "deepEqual(request.q ?? 'a', 'b') || (request.flag ?? false)",
    ],
    [
      '(flag ?? true) and (q ?? "") != ""',
      "(request.flag ?? true) && !deepEqual(request.q ?? '', '')",
    ],
    ['matches(q ?? "", "^x\'y")', "matches(request.q ?? '', '^x\\'y')"],
    ['q != null and len(q) > 1', '!isAbsent(request.q) && len(request.q!) > 1'],
    ['q == null or len(q) > 1', 'isAbsent(request.q) || len(request.q!) > 1'],
    ['q != null implies len(q) > 1', 'isAbsent(request.q) || len(request.q!) > 1'],
    [
      'body.note != null implies body.note + "." != "."',
      "isAbsent(request.body.note) || !deepEqual(request.body.note! + '.', '.')",
    ],
    [
      'body.parent != null implies body.parent.qty > 0',
      'isAbsent(request.body.parent) || request.body.parent!.qty > 0',
    ],
    [
      'flag == true and (flag == false or true)',
      'deepEqual(request.flag, true) && (deepEqual(request.flag, false) || true)',
    ],
    [
      '(flag == true implies false) implies true',
      '!(!deepEqual(request.flag, true) || false) || true',
    ],
    ['flag == true implies false implies true', '!deepEqual(request.flag, true) || !false || true'],
    ['not not (flag == true)', '!!deepEqual(request.flag, true)'],
  ])('%s', async (condition, expected) => {
    expect(await translation(condition)).toBe(expected);
  });

  it('renames a quantifier variable that would shadow a name the code reads', async () => {
    expect(await translation('all request in response: request.sku != id')).toBe(
      'response.every((request_) => !deepEqual(request_.sku, request.id))',
    );
    expect(
      await translation('all deepEqual in response: all class in response: deepEqual == class'),
    ).toBe(
      'response.every((deepEqual_) => response.every((class_) => deepEqual(deepEqual_, class_)))',
    );
    expect(
      await translation('all r in response: all s in response: any r in response: r == s'),
    ).toBe('response.every(() => response.every((s) => response.some((r_) => deepEqual(r_, s))))');
  });
});

describe('translateNegation', () => {
  it('negates with as few operators as it can', async () => {
    const clauses = [
      'q == null',
      'q != "a"',
      'not (limit ?? 0) > 1',
      'limit == null or limit > 1',
      'len(response) > 0',
    ];
    expect(await translations(clauses.map((c) => `  ensures ${c}`).join('\n'), true)).toEqual([
      '!isAbsent(request.q)',
      "deepEqual(request.q, 'a')",
      '(request.limit ?? 0) > 1',
      '!(isAbsent(request.limit) || request.limit! > 1)',
      '!(len(response) > 0)',
    ]);
  });
});
