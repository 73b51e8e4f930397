import fc from 'fast-check';
import type { AstNode, CstNode, LangiumParser, Reference, RootCstNodeImpl } from 'langium';
import {
  AstUtils,
  CompositeCstNodeImpl,
  EmptyFileSystem,
  createLangiumParser,
  isReference,
} from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import type { SpecFile } from '@specl/language';
import { FastSpeclParser } from '../../packages/language/src/parser/fast/fast-specl-parser.js';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { canonicalParse } from './canonical-parse.js';
import { docBlocks, repositorySpecs } from './repository-texts.js';

// The fast parse path with each declaration's CST built when first read (`lazyCst`, what
// `specl check` uses): once read, the AST, its references and the CST must be exactly what
// Langium's parser builds, whichever node is read first; and before, no declaration's CST is
// built. Compared on every spec of the repository, the specl blocks of the docs and random specs.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const langium: LangiumParser = createLangiumParser(Specl);
const lazy = new FastSpeclParser(Specl, { lazyCst: true });

/** Where a CST node is, read by `read`. */
const place = (node: CstNode, read: (n: CstNode, key: keyof CstNode) => unknown) =>
  (['offset', 'end', 'length', 'text', 'range'] as const).map((key) =>
    JSON.stringify(read(node, key)),
  );

/** Whether the CST of a declaration (its composite node) is built. */
const built = (declaration: AstNode) =>
  Object.getOwnPropertyDescriptor(declaration.$cstNode, 'content') !== undefined;

const nodesOf = (root: AstNode) => AstUtils.streamAst(root).toArray();

/** Reads CST nodes in an order of `seed`'s choosing, before the whole result is compared. */
function readSome(root: AstNode, seed: number): void {
  const nodes = nodesOf(root);
  if (nodes.length === 0) return;
  for (let i = 0; i < 3; i++) {
    const node = nodes[(seed * (i + 7) + i * 31) % nodes.length]!;
    const refs = AstUtils.streamReferences(node).toArray();
    if (refs.length > 0 && (seed + i) % 2 === 0) void (refs[0]!.reference as Reference).$refNode;
    else void node.$cstNode?.range;
  }
}

/** Compares the lazy path, read in the order `seed` picks, with Langium's parser on `text`. */
function compare(text: string, seed = 0): boolean {
  const result = lazy.parse<SpecFile>(text);
  if (!result) return false;
  const expected = langium.parse(text);
  expect(expected.lexerErrors.length + expected.parserErrors.length).toBe(0);
  // Nothing of a declaration's CST is built by parsing, nor by reading where it is.
  const declarations = result.value.declarations;
  const early = declarations.map((d) => place(d.$cstNode!, (n, key) => n[key]));
  for (const declaration of declarations) expect(built(declaration)).toBe(false);
  readSome(result.value, seed);
  const options = { cstNodeLast: true };
  expect(canonicalParse(result, Specl.Grammar, options)).toBe(
    canonicalParse(expected, Specl.Grammar, options),
  );
  // Where each declaration was before its CST was built is where its children put it.
  const fromChildren = (n: CstNode, key: keyof CstNode) => {
    let proto: object | null = CompositeCstNodeImpl.prototype;
    while (proto && !Object.getOwnPropertyDescriptor(proto, key))
      proto = Object.getPrototypeOf(proto);
    return Object.getOwnPropertyDescriptor(proto, key)!.get!.call(n) as unknown;
  };
  expect(early).toEqual(declarations.map((d) => place(d.$cstNode!, fromChildren)));
  return true;
}

describe('the fast parse path with a CST built on demand', () => {
  it.each(repositorySpecs)('%s, read in three orders and with CRLF', (_, text) => {
    expect(compare(text, 0)).toBe(true);
    expect(compare(text, 5)).toBe(true);
    expect(compare(text.replace(/\n/g, '\r\n'), 11)).toBe(true);
  });

  it('the doc blocks: the lazy path takes every block the eager one takes', () => {
    const eager = new FastSpeclParser(Specl);
    let taken = 0;
    docBlocks.forEach(([, text], i) => {
      expect(compare(text, i)).toBe(eager.parse(text) !== undefined);
      if (eager.parse(text)) taken++;
    });
    expect(taken).toBeGreaterThanOrEqual(10);
  });

  it('random specs, cut off', () => {
    fc.assert(
      fc.property(specArbitrary, fc.nat(), fc.nat(), (project, cut, seed) => {
        const text = printProject(project)[project.root]!;
        expect(compare(text, seed)).toBe(true);
        compare(text.slice(0, cut % (text.length + 1)), seed);
      }),
      { seed: 1718, numRuns: 30 },
    );
  });

  // The AST builder skips the rules of the precedence chain that find no operator: every
  // level, alone, repeated, nested and after a unary operator, builds what Langium's rules build.
  it.each([
    'a implies b implies c',
    'a or b or c and d and e',
    'not not a and not b == c',
    'not a.b == c or d',
    'a == b ?? c ?? d + e',
    'a in b and c != d and e <= -f',
    '- - a * b / c % d + e - f * g',
    '-a.b?.c + (x implies y) * len(z)',
    'a.b.c ?? (d or e) == [1, -2, f + g]',
    'all x in a ?? b: x > 0 and any y in c.d: y.e < -x',
    '{ k: a + b }.k >= m(p: q ?? r) implies not s',
  ])('the expression %s', (expression) => {
    const text = `type T {\n  a: Int\n  invariant ${expression}\n  invariant ${expression} or z\n}`;
    expect(compare(text, 0)).toBe(true);
    expect(compare(text, 3)).toBe(true);
  });

  // The AST builder calls in their place the rules that hand over a rule's node (a record member,
  // a type without '|', an annotation or constant value, a primary, a literal): every alternative,
  // with names that are keywords.
  it('every alternative of the rules handing over a node', () => {
    const text = [
      'type T {',
      '  ...Base',
      '  ...Map<String | Int>',
      '  a?: List<A | B?> | Map<C> { maxItems: 3 } | "x" | -1 | true',
      '  b: String { example: { "k": [1, -2.5, null, "s", false, {}, []], n: { m: true } } }',
      '  c: Int { min: -3, max: 7, default: null, examples: [], note: "n", flag: false }',
      '  type?: none { tag: 1 }',
      '  body: List<scope> | Map<one>',
      '  invariant type != version and one.by == List',
      '  invariant a == null or b != "s" and c > -1 and d == true or (e) and [f, 2] == g',
      '  invariant len(b) > 0 and all x in c: x.y and body.z and response.w and f(p: 1) == {}',
      '}',
    ].join('\n');
    expect(compare(text, 0)).toBe(true);
    expect(compare(text, 7)).toBe(true);
  });

  it('every kind of declaration and of endpoint clause', () => {
    const text = [
      'auth BearerToken bearer',
      'tag Transfers "Money moves"',
      'headers Paging { total: Int }',
      'error Gone 410 { message: String }',
      'type Id = String { minLength: 1 }',
      'type Thing { id: Id }',
      'enum Color { red, green }',
      'endpoint listThings GET /things/{id: Uuid} {',
      '  header key "Idempotency-Key": String { maxLength: 64 }',
      '  query cursor?: String',
      '  body Thing',
      '  response 200 List<Thing>',
      '  errors Gone',
      '  requires len(key) > 0',
      '  ensures response != null',
      '  security BearerToken',
      '  tags Transfers',
      '  deprecated',
      '  latency p95 < 100 ms',
      '  paginated cursor = response.next, items = response.items',
      '}',
      'property roundTrip { forall t: Thing }',
    ].join('\n');
    expect(compare(text, 0)).toBe(true);
    expect(compare(text, 2)).toBe(true);
  });

  it('a node reads its place from its container; one assigned sticks', () => {
    const text = 'type A { x: Int { min: 1, max: 2 }, y?: List<A> }\nenum E { p, q }';
    const { value } = lazy.parse<SpecFile>(text)!;
    const nodes = nodesOf(value.declarations[0]!).concat(nodesOf(value.declarations[1]!));
    const places = nodes.map((n) => `${n.$type} ${n.$containerProperty}[${n.$containerIndex}]`);
    expect(places).toEqual([
      'RecordDecl declarations[0]',
      'Field members[0]',
      'TypeRef type[undefined]',
      'Constraint constraints[0]',
      'ConstNumber value[undefined]',
      'Constraint constraints[1]',
      'ConstNumber value[undefined]',
      'Field members[1]',
      'TypeRef type[undefined]',
      'TypeRef element[undefined]',
      'EnumDecl declarations[1]',
      'EnumMember members[0]',
      'EnumMember members[1]',
    ]);
    for (const node of nodes) {
      expect(Object.keys(node)).not.toContain('$containerProperty');
      expect(Object.keys(node)).not.toContain('$containerIndex');
    }
    const field = nodes[1] as { $containerProperty?: string; $containerIndex?: number };
    field.$containerProperty = 'other';
    field.$containerIndex = 7;
    expect([field.$containerProperty, field.$containerIndex]).toEqual(['other', 7]);
    expect(Object.keys(field)).toEqual(
      expect.arrayContaining(['$containerProperty', '$containerIndex']),
    );
  });

  it('a node reads its default values from its type’s prototype, holds those set', () => {
    const text = 'type A { x: Int, y?: String { maxLength: 2 }, z: Int? }';
    const { value } = lazy.parse<SpecFile>(text)!;
    const refs = nodesOf(value).filter((n) => n.$type === 'TypeRef') as unknown as Record<
      string,
      unknown
    >[];
    expect(refs.map((r) => [r.constraints, r.nullable])).toEqual([
      [[], false],
      [[expect.objectContaining({ name: 'maxLength' })], false],
      [[], true],
    ]);
    expect(refs.map((r) => Object.keys(r).filter((k) => !k.startsWith('$')))).toEqual([
      ['primitive'],
      ['primitive', 'constraints'],
      ['primitive', 'nullable'],
    ]);
    const fields = nodesOf(value).filter((n) => n.$type === 'Field') as unknown as Record<
      string,
      unknown
    >[];
    expect(fields.map((f) => [f.optional, Object.hasOwn(f, 'optional')])).toEqual([
      [false, false],
      [true, true],
      [false, false],
    ]);
  });

  it('each item of long lists finds its index, beside lists of names and references', () => {
    const members = Array.from({ length: 37 }, (_, i) => `m${i}`);
    const errors = Array.from({ length: 9 }, (_, i) => `E${i}`);
    const text = [
      `enum Big { ${members.join(', ')} }`,
      ...errors.map((e, i) => `error ${e} ${400 + i} { message: String }`),
      'endpoint e GET /a/{id: Uuid}/b/c {',
      '  response 200 Big',
      `  errors ${errors.join(', ')}`,
      '  tags x, y, z',
      '}',
    ].join('\n');
    const { value } = lazy.parse<SpecFile>(text)!;
    const expected = langium.parse(text).value;
    const all = nodesOf(value);
    const langiumAll = nodesOf(expected);
    expect(all.length).toBeGreaterThan(60);
    expect(all.map((n) => `${n.$type} ${n.$containerProperty}[${n.$containerIndex}]`)).toEqual(
      langiumAll.map((n) => `${n.$type} ${n.$containerProperty}[${n.$containerIndex}]`),
    );
  });

  it('reading one node builds its declaration only, and each declaration once', () => {
    const text = [
      '/// A',
      'type A { x: Int, b: B }',
      '// between',
      'type B { y: String { maxLength: 3 } }',
      'endpoint getA GET /a/{id: Uuid} {\n  response 200 A\n}',
    ].join('\n');
    const { value } = lazy.parse<SpecFile>(text)!;
    const [a, b, endpoint] = value.declarations as unknown as [AstNode, AstNode, AstNode];
    const field = nodesOf(b).find((n) => n.$type === 'Field')!;
    expect(field.$cstNode?.text).toBe('y: String { maxLength: 3 }');
    expect([built(a), built(b), built(endpoint)]).toEqual([false, true, false]);
    const ref = nodesOf(a).flatMap((n) => AstUtils.streamReferences(n).toArray())[0]!
      .reference as Reference;
    const refNode: CstNode | undefined = ref.$refNode;
    expect(refNode?.text).toBe('B');
    expect([built(a), built(b), built(endpoint)]).toEqual([true, true, false]);
    // Built once: the same nodes when read again.
    expect(ref.$refNode).toBe(refNode);
    expect(isReference(ref)).toBe(true);
    // The comments stay where Langium puts them: the doc comment before `type A`.
    const root = value.$cstNode as RootCstNodeImpl;
    expect(root.content[0]?.text).toBe('/// A');
  });
});
