import { describe, expect, it } from 'vitest';
import { formatSource } from '@specl/language';

/** Formats a spec's text; fails the test if it cannot be formatted. */
async function format(text: string): Promise<string> {
  const result = await formatSource(text, 'file:///main.specl');
  if (!result.ok) throw new Error(`not formatted: ${result.reason}`);
  return result.text;
}

describe('the formatter', () => {
  it('spaces tokens the one way: around operators, none inside brackets, after `:` and `,`', async () => {
    expect(
      await format(
        'spec   Shop version "1.0.0"\ntype Item {\n  tags : List< String >?{minItems:1,maxItems : 3}\n  note ?: String\n}\nendpoint get GET /items/{id:Uuid} {\n  response 200 Item\n  requires len( id )>0 and not(id == "x" )\n  ensures response . tags ?. size == - 1 or response.note??"" != ""\n}\n',
      ),
    ).toBe(
      'spec Shop version "1.0.0"\ntype Item {\n  tags: List<String>? { minItems: 1, maxItems: 3 }\n  note?: String\n}\nendpoint get GET /items/{id: Uuid} {\n  response 200 Item\n  requires len(id) > 0 and not (id == "x")\n  ensures response.tags?.size == -1 or response.note ?? "" != ""\n}\n',
    );
  });

  it('puts each member of a block written over several lines on its own line', async () => {
    expect(await format('type Item { name: String\n  count: Int, invariant count > 0 }\n')).toBe(
      'type Item {\n  name: String\n  count: Int,\n  invariant count > 0\n}\n',
    );
    expect(await format('endpoint ping GET /ping\n{ response 200\n}\n')).toBe(
      'endpoint ping GET /ping {\n  response 200\n}\n',
    );
  });

  it('keeps blocks written on one line on one line', async () => {
    expect(
      await format('enum Status {active,retired}\nerror NotFound 404 {message:String}\n'),
    ).toBe('enum Status { active, retired }\nerror NotFound 404 { message: String }\n');
    expect(await format('type Empty {}\n')).toBe('type Empty {}\n');
  });

  it('indents continuation lines, and closing brackets as the line that opened them', async () => {
    expect(
      await format(
        'property p {\nforall x: Int\n        let r = try create(body: {\n name: "a",\n            tags: [\n"x"\n]\n})\nexpect r.ok\nand x > 0\n}\n',
      ),
    ).toBe(
      'property p {\n  forall x: Int\n  let r = try create(body: {\n    name: "a",\n    tags: [\n      "x"\n    ]\n  })\n  expect r.ok\n    and x > 0\n}\n',
    );
  });

  it('keeps at most one blank line between items, and none inside them', async () => {
    expect(
      await format(
        '\n\nspec A version "1.0.0"\n\n\n\ntype A = Int\ntype B {\n\n  a: Int\n\n\n  b: Int\n\n}\n\n\n',
      ),
    ).toBe('spec A version "1.0.0"\n\ntype A = Int\ntype B {\n  a: Int\n\n  b: Int\n}\n');
  });

  it('keeps comments where they are, indented as the code they precede', async () => {
    expect(
      await format(
        '// header comment\nspec A version "1.0.0"\n    /// A thing.\n  type A {   // opens\n  a: Int      // aligned\n  bb: Int     // aligned\n      // last\n}\n/* block\n   comment */ type B = Int\n',
      ),
    ).toBe(
      '// header comment\nspec A version "1.0.0"\n/// A thing.\ntype A {   // opens\n  a: Int      // aligned\n  bb: Int     // aligned\n  // last\n}\n/* block\n   comment */\ntype B = Int\n',
    );
  });

  it('leaves the spacing of a path as written, and formats its parameters', async () => {
    const text = 'endpoint a GET /users/{id: Uuid}/items:batch/v1.2 {\n  response 200\n}\n';
    expect(await format(text)).toBe(text);
    expect(
      await format('endpoint a GET   /users/{ id :Int{min:1} }/x  {\n  response 200\n}\n'),
    ).toBe('endpoint a GET /users/{id: Int { min: 1 }}/x {\n  response 200\n}\n');
    const spaced = 'endpoint a GET /users /x {\n  response 200\n}\n';
    expect(await format(spaced)).toBe(spaced);
  });

  it('does not format a file with syntax errors, and says where they are', async () => {
    const result = await formatSource('type A {\n  a: Int\n', 'file:///main.specl');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics.map((d) => [d.range.start.line, d.code, d.message])).toEqual([
      [1, 'specl/syntax-error', 'the file ends before this record is closed; add `}`'],
    ]);
  });
});
