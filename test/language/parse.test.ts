import { describe, expect, it } from 'vitest';
import type { Expression } from '@specl/language';
import { checkSources, isInvariant, isRecordDecl } from '@specl/language';
import { check } from '../helpers/check.js';

/**
 * Every construct of docs/language.md, each as a small inline spec that must check clean.
 * The second half pins the expression grammar's precedence by the shape of the parsed tree.
 */

/** Renders an expression fully parenthesised, so a test can read how it was grouped. */
function render(e: Expression): string {
  switch (e.$type) {
    case 'BinaryExpr':
      return `(${render(e.left)} ${e.op} ${render(e.right)})`;
    case 'UnaryExpr':
      return e.op === 'not' ? `(not ${render(e.operand)})` : `(-${render(e.operand)})`;
    case 'MemberAccess':
      return `${render(e.receiver)}${e.optional ? '?.' : '.'}${e.member.$refText}`;
    case 'NameRef':
      return e.target.$refText;
    case 'NumberLiteral':
      return e.value;
    case 'StringLiteral':
      return JSON.stringify(e.value);
    case 'BooleanLiteral':
      return String(e.value);
    case 'NullLiteral':
      return 'null';
    case 'ListLiteral':
      return `[${e.items.map(render).join(', ')}]`;
    case 'RecordLiteral':
      return `{${e.fields.map((f) => `${f.field.$refText}: ${render(f.value)}`).join(', ')}}`;
    case 'Quantifier':
      return `(${e.kind} ${e.variable.name} in ${render(e.collection)}: ${render(e.predicate)})`;
    case 'BuiltinCall':
      return `${e.name}(${e.args.map(render).join(', ')})`;
    case 'EndpointCall':
      return `${e.endpoint.$refText}(${e.args.map((a) => `${a.parameter.$refText}: ${render(a.value)}`).join(', ')})`;
    case 'BodyRef':
      return 'body';
    case 'ResponseRef':
      return 'response';
  }
}

const FIELDS = 'a: Bool, b: Bool, c: Bool, n: Int, m: Int, o?: Int, s: String, l: List<Int>, r: R';

/** Parses `invariant EXPR` in a record with FIELDS, and answers the invariant's shape and findings. */
async function shape(expr: string): Promise<{ tree: string; findings: number }> {
  const text = `spec T version "1.0.0"\ntype R { x: Int, inner?: R }\ntype A { ${FIELDS}\n  invariant ${expr}\n}\n`;
  const result = await checkSources({ '/main.specl': text }, ['/main.specl']);
  const decl = result.documents[0]!.parseResult.value.declarations.find(
    (d) => isRecordDecl(d) && d.name === 'A',
  );
  const invariant = isRecordDecl(decl) ? decl.members.find(isInvariant) : undefined;
  return {
    tree: invariant ? render(invariant.expr) : '<none>',
    findings: result.diagnostics.length,
  };
}

describe('every construct parses and checks clean', () => {
  const clean: Array<[string, string, Record<string, string>?]> = [
    [
      'the example spec header, with a doc comment',
      '/// The API.\nspec Vacation version "1.2.0"\ntype A { x: Int }',
    ],
    ['a pre-release and build semver', 'spec Beta version "1.0.0-beta.1+build.5"'],
    [
      'an import of a file without a header',
      'import "./lib.specl"\ntype A { s: Shared }',
      { '/lib.specl': 'type Shared { n: Int }' },
    ],
    [
      'an import of a file with its own header',
      'import "./lib.specl"\ntype A { s: Shared }',
      { '/lib.specl': 'spec Lib version "0.1.0"\ntype Shared { n: Int }' },
    ],
    [
      'records with every type and optional fields',
      `type R {
  a: String, b: Int, c: Float, d: Bool, e: Uuid, f: Email, g: Url, h: Date, i: DateTime
  j?: Int
  k: List<Int>?
  l: Map<Float>
  m: List<List<String>>
  u: P | Q
}
type P { p: Int }
type Q { q: Int }`,
    ],
    [
      'fields separated by commas, newlines or both, and an empty record',
      'type A { x: Int, y: Int\n  z: Int, }\ntype E {}',
    ],
    [
      'fields named by keywords',
      'type K { type: String, error: Int, in: Bool, List: Int, response: Int, body: Int }\ntype W { k: K, invariant k.type == "a" and k.error > 0 and k.in }',
    ],
    [
      'a spread, with the spread invariant and fields in scope',
      'type Base { a: Int, invariant a > 0 }\ntype Ext { ...Base, b: Int\n  invariant b > a }',
    ],
    [
      'aliases with and without constraints',
      `type Days = Int { min: 0, max: 366 }
type Pct = Float { min: 0, exclusiveMin: -1, max: 100, exclusiveMax: 101 }
type Name = String { minLength: 1, maxLength: 10, pattern: "^[a-z]+$" }
type Tags = List<String { minLength: 1 }> { minItems: 0, maxItems: 5, unique: true }
type Neg = Int { min: -5, max: -1 }
type Plain = Int
type MaybeName = String?
type Nested = Days { max: 10 }`,
    ],
    [
      'enums on one line, on several, with a trailing comma and with keyword members',
      'enum Color { red, green, blue }\nenum Lines {\n  one\n  two\n}\nenum Trailing { a, b, }\nenum Kw { type, error, in, all }',
    ],
    [
      'errors with a body, with an empty body and without one',
      'error NotFound 404 { message: String }\nerror Teapot 418 {}\nerror Gone 410\nerror Down 503 { retryAfter?: Int, invariant (retryAfter ?? 1) > 0 }',
    ],
    [
      'an endpoint with every clause',
      `type T { id: Uuid, n: Int }
type New { n: Int }
error NotFound 404 { message: String }
error Conflict 409 { reason: String }
endpoint update PUT /things/{id: Uuid}/items {
  header idem "Idempotency-Key": String { maxLength: 64 }
  header traceId?: String
  header other "X-Other"?: Int
  query dryRun?: Bool
  query limit: Int { min: 1, max: 100 }
  query ids?: List<Int>
  body New
  response 200 T
  response 201 T
  response 204
  errors NotFound, Conflict
  requires body.n > 0
  requires limit < 10 and (dryRun ?? false) == false
  ensures body.n == body.n
}`,
    ],
    [
      'every HTTP method, the root path and rich path text',
      `type A { x: Int }
enum St { on, off }
endpoint g GET / { response 200 A }
endpoint p POST /a { response 201 A }
endpoint u PUT /a/{id: Int} { response 200 A }
endpoint pa PATCH /a/{id: Int} { response 200 A }
endpoint d DELETE /a/{id: Int} { response 204 }
endpoint h HEAD /a { response 200 }
endpoint o OPTIONS /a { response 200 }
endpoint w GET /v1.0/b-c_d~e:f/{s: St}/{n: Int { min: 1 }}/{k: String} { response 200 A }`,
    ],
    [
      'ensures over a list response with a quantifier, len and a default',
      `type Item { owner: Uuid }
endpoint list GET /owners/{id: Uuid}/items {
  query limit?: Int { min: 1, max: 100 }
  response 200 List<Item>
  ensures all r in response: r.owner == id
  ensures len(response) <= (limit ?? 100)
}`,
    ],
    [
      'a property with forall (several variables, constraints, where), let, let try and expect',
      `type New { n: Int { min: 0 } }
type T { id: Uuid, n: Int }
error NotFound 404 { message: String }
endpoint make POST /t { body New
  response 201 T }
endpoint get GET /t/{id: Uuid} { response 200 T
  errors NotFound }
/// Made things can be read back.
property roundTrip {
  forall a: New, b: New, k: Int { min: 1, max: 5 } where a.n < b.n and k > 0
  let x = make(body: a)
  let y = try get(id: x.id)
  let z = make(body: { n: 3 })
  expect y.ok implies y.value == x
  expect y.status == 200 or y.error.message != ""
  expect z.n == 3 and x.n == a.n
}`,
    ],
    [
      'doc comments on declarations and fields, block and line comments anywhere',
      `/* a block
   comment over lines */
/// A record.
type A {
  /// A field.
  x: Int /* inline */ // trailing
  // a line comment
  y: Int
}
/** a block comment that looks like a doc */
/// An enum.
enum E { a /* between */, b }`,
    ],
  ];
  for (const [name, source, others] of clean) {
    it(name, async () => {
      expect(await check(source, others)).toEqual([]);
    });
  }

  it('the whole expression language', async () => {
    const source = `enum Status { active, inactive }
type P { x: Int, y: Int }
type E {
  a: Bool, b: Bool, n: Int, m: Int, f: Float, s: String, o?: Int, l: List<Int>, t: List<String>
  mp: Map<Int>, st: Status, p: P, ps: List<P>, op?: P, d: Date, d2: Date
  invariant not a implies b
  invariant a implies b implies a or b and not a
  invariant n + m * 2 - n / 2 > -n % 3
  invariant (n + m) * 2 >= 0 and n <= m or n < m or n != m
  invariant o ?? 0 + 1 > 0 and (o ?? n) == n
  invariant op?.x == o and (op?.y ?? 0) >= 0
  invariant n in [1, 2, 3] and n in l and s in ["x", "y",]
  invariant len(s) <= 10 and len(l) >= 0 and len(mp) >= 0
  invariant matches(s, "^[a-z]*$")
  invariant all x in l: x > 0
  invariant any x in l: x > 0 and x < 10
  invariant all w in t: len(w) > 0 and any c in l: c == len(w)
  invariant st == active and st != Status.inactive and st in [active, inactive]
  invariant s == "x" or s != "y \\"quoted\\"" or true or false
  invariant o == null or o != null
  invariant f < 1.5e3 and f > 0.5 and f >= n
  invariant l == [1, 2] and l != [] and [] == l
  invariant p == { x: 1, y: 2 } and { x: n, y: m } == p and p in ps and ps == [{ x: 1, y: 2 }]
  invariant -(-n) == n and p.x + p.y > 0
  invariant d <= d2 and s + "!" != s
}`;
    expect(await check(source)).toEqual([]);
  });
});

describe('precedence, by the shape of the tree', () => {
  const cases: Array<[string, string]> = [
    ['not a implies b', '((not a) implies b)'],
    ['a implies b implies c', '(a implies (b implies c))'],
    ['a or b implies c', '((a or b) implies c)'],
    ['a or b and c', '(a or (b and c))'],
    ['a and b or c', '((a and b) or c)'],
    ['a or b or c', '((a or b) or c)'],
    ['not a and b', '((not a) and b)'],
    ['not not a', '(not (not a))'],
    ['not n == m', '(not (n == m))'],
    ['n + 1 in l', '((n + 1) in l)'],
    ['o ?? 1 > 0', '((o ?? 1) > 0)'],
    ['o ?? n + 1 == m', '((o ?? (n + 1)) == m)'],
    ['o ?? o ?? n > 0', '((o ?? (o ?? n)) > 0)'],
    ['n + m * 2 > 0', '((n + (m * 2)) > 0)'],
    ['n - m - 1 == 0', '(((n - m) - 1) == 0)'],
    ['n * m % 3 / 2 == 0', '((((n * m) % 3) / 2) == 0)'],
    ['(n + m) * 2 == 0', '(((n + m) * 2) == 0)'],
    ['-n * 2 == -r.x', '(((-n) * 2) == (-r.x))'],
    ['r.inner?.inner?.x == r.x', '(r.inner?.inner?.x == r.x)'],
    ['all x in l: x > 0 and x < 9', '(all x in l: ((x > 0) and (x < 9)))'],
    ['a and any x in l: x > 0 or b', '(a and (any x in l: ((x > 0) or b)))'],
    ['len(s) + 1 > n and matches(s, "a")', '(((len(s) + 1) > n) and matches(s, "a"))'],
    ['r == {x: n + 1}', '(r == {x: (n + 1)})'],
    ['[n, m * 2] == l', '([n, (m * 2)] == l)'],
  ];
  for (const [source, tree] of cases) {
    it(`${source}  ==>  ${tree}`, async () => {
      expect(await shape(source)).toEqual({ tree, findings: 0 });
    });
  }
});

describe('precedence, by where type errors land', () => {
  const src = (inv: string) => `type R { x: Int }\ntype A { ${FIELDS}\n  invariant ${inv}\n}`;

  it('`not` binds looser than comparisons and tighter than `and`: clean when it applies to a comparison', async () => {
    expect(await check(src('not n > 0 and not a or b'))).toEqual([]);
  });

  it('`not n or a` applies `not` to `n` alone, and reports it there', async () => {
    expect(await check(src('not n or a'))).toEqual([
      {
        at: '4:17',
        text: 'n',
        severity: 'error',
        code: 'specl/type-mismatch',
        message: 'expected a Bool after `not`, but `n` is an Int',
      },
    ]);
  });

  it('`in` binds looser than `+`, and `??` looser than `+` but tighter than comparisons', async () => {
    expect(await check(src('n + 1 in l and o ?? n + 1 > 0 and "a" + s == s'))).toEqual([]);
  });

  it('`.` binds tighter than unary minus', async () => {
    expect(await check(src('-r.x < 0'))).toEqual([]);
  });

  it('a quantifier predicate extends as far right as possible, keeping its variable in scope', async () => {
    expect(await check(src('all x in l: x > 0 and x < 10'))).toEqual([]);
  });

  it('`implies` groups to the right and reports a non-Bool on its own side', async () => {
    expect(await check(src('a implies b implies n'))).toEqual([
      {
        at: '4:33',
        text: 'n',
        severity: 'error',
        code: 'specl/type-mismatch',
        message: 'expected a Bool on each side of `implies`, but `n` is an Int',
      },
    ]);
  });

  it('an arithmetic error lands on the operand of the tighter operator', async () => {
    expect(await check(src('n + s * 2 > 0'))).toEqual([
      {
        at: '4:17',
        text: 's',
        severity: 'error',
        code: 'specl/type-mismatch',
        message: 'expected a number on each side of `*`, but `s` is a String',
      },
    ]);
  });
});
