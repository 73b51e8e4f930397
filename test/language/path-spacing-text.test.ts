import fc from 'fast-check';
import type { LangiumParser } from 'langium';
import { EmptyFileSystem, createLangiumParser } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import type { Endpoint, SpecFile } from '@specl/language';
import { spacedPathInText } from '../../packages/language/src/validation/endpoint-checks.js';

// `specl/invalid-path` reads a path's spacing from the endpoint's text where nothing can mislead
// that reading (so that a batch check builds no CST for it), and from the CST elsewhere. Where
// the text reading answers "no space" (false), the CST reading must find none either: checked
// on paths built of every kind of piece, with spaces, tabs, comments and strings between them.
const { Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const langium: LangiumParser = createLangiumParser(Specl);

/** What the check reads from the CST: white space outside parameters, or `//` after the path. */
function spacedByCst(endpoint: Endpoint): boolean {
  const path = endpoint.path.$cstNode!;
  let outside = path.text;
  for (const segment of endpoint.path.segments) {
    const node = segment.$cstNode!;
    if (!segment.parts.some((part) => part.$type === 'PathParam')) continue;
    const [from, to] = [node.offset - path.offset, node.end - path.offset];
    outside = outside.slice(0, from) + 'x'.repeat(to - from) + outside.slice(to);
  }
  return /\s/.test(outside) || path.root.fullText.slice(path.end, path.end + 2) === '//';
}

const gap = fc.constantFrom('', '', '', ' ', '\t', '/* c */', '/*{*/', '\n');
const param = fc.tuple(
  fc.constantFrom('id', 'key'),
  fc.constantFrom('', ': Uuid', ':Int', ': String { maxLength: 8 }', ': String {pattern: "}{ "}'),
  gap,
);
const segment = fc.oneof(
  fc.constantFrom('/', '/a', '/b.c-d', '/v1'),
  param.map(([name, type, inner]) => `/{${inner}${name}${type}}`),
);
const path = fc.array(fc.tuple(segment, gap), { minLength: 1, maxLength: 5 });
const after = fc.constantFrom(' ', '', '\n', ' // note\n', '//x\n', '/* c */ ');

describe('a path spacing read from the text', () => {
  it('says "no space" only where the CST finds none', () => {
    let clean = 0;
    let spaced = 0;
    fc.assert(
      fc.property(path, after, (pieces, tail) => {
        const written = pieces.map(([s, g], i) => (i < pieces.length - 1 ? s + g : s)).join('');
        const text = `type A { x: Int }\nendpoint e GET ${written}${tail}{ response 200 A }`;
        const result = langium.parse<SpecFile>(text);
        if (result.lexerErrors.length + result.parserErrors.length > 0) return;
        const endpoint = result.value.declarations[1] as Endpoint;
        const byText = spacedPathInText(endpoint.$cstNode!.text);
        if (byText) spaced++;
        else clean++;
        if (!byText) expect(spacedByCst(endpoint), text).toBe(false);
      }),
      { seed: 1719, numRuns: 400 },
    );
    // Both answers are given often.
    expect(clean).toBeGreaterThan(20);
    expect(spaced).toBeGreaterThan(20);
  });

  it('reads the common paths without the CST, and a space outside a parameter as one', () => {
    const endpoint = (p: string) => `endpoint e GET ${p} {\n  response 200 A\n}`;
    expect(spacedPathInText(endpoint('/things0/{id: Uuid}'))).toBe(false);
    expect(spacedPathInText(endpoint('/a/{id: String { maxLength: 8 }}/b'))).toBe(false);
    expect(spacedPathInText(endpoint('/a /b'))).toBe(true);
    expect(spacedPathInText(endpoint('/a/{id} /b'))).toBe(true);
  });
});
