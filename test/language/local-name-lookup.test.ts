import type { AstNode } from 'langium';
import { AstUtils, EmptyFileSystem, URI } from 'langium';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSpeclServices, isNameRef, localNames } from '@specl/language';
import type { SpecFile } from '@specl/language';
import { localName } from '../../packages/language/src/scoping/local-names.js';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { repositorySpecs } from './repository-texts.js';

// The linker looks a bare name up among the locals with `localName`, which stops at the first
// binding of the name; completion and rename list them all with `localNames`. The two must
// agree for every name at every bare name of a spec: each local (inner ones hiding outer ones,
// a property's bindings in their order), the name written there, and a name no one binds.
const { shared } = createSpeclServices(EmptyFileSystem, { indexReferences: false });

/** Every name asked of the locals at each bare name of `text`; failures as `name at line`. */
function disagreements(text: string, uri: string): { asked: number; wrong: string[] } {
  const document = shared.workspace.LangiumDocumentFactory.fromString<SpecFile>(
    text,
    URI.parse(uri),
  );
  let asked = 0;
  const wrong: string[] = [];
  for (const node of AstUtils.streamAst(document.parseResult.value)) {
    if (!isNameRef(node)) continue;
    const all = localNames(node);
    const names = new Set([...all.keys(), node.target?.$refText ?? '', 'noSuchName']);
    for (const name of names) {
      asked++;
      const found: AstNode | undefined = localName(node, name);
      if (found !== all.get(name)) {
        wrong.push(`${name} at ${node.$cstNode?.range.start.line ?? '?'}`);
      }
    }
  }
  return { asked, wrong };
}

describe('the look-up of one local name', () => {
  it.each(repositorySpecs)('%s: finds what the list of locals holds', (name, text) => {
    const { asked, wrong } = disagreements(text, `memory:///${name}`);
    expect(wrong).toEqual([]);
    // Only specs with expressions ask anything; the examples all have some.
    if (name.startsWith('examples/')) expect(asked).toBeGreaterThan(0);
  });

  it('finds what the list of locals holds in random specs', () => {
    let asked = 0;
    for (const [i, project] of fc.sample(specArbitrary, { seed: 17, numRuns: 40 }).entries()) {
      for (const [path, text] of Object.entries(printProject(project))) {
        const result = disagreements(text, `memory:///random${i}${path}`);
        expect(result.wrong, `random spec ${i}, ${path}`).toEqual([]);
        asked += result.asked;
      }
    }
    expect(asked).toBeGreaterThan(100);
  });

  it('gives an inner binding before an outer one, the first field of a name, a property binding above before below', () => {
    const text = `spec T version "1.0.0"
type R {
  a: Int
  a: String
  b: List<Int>
  invariant all x in b: x > a and any a in b: a > 0
}
endpoint getR GET /r/{id: Int} {
  query id: Int
  header limit "X-Limit": Int
  response 200 R
  requires id > 0 and limit > id
}
property p {
  let a = 1
  expect a > 0
  let a = 2
  expect a > 1
}
`;
    const { asked, wrong } = disagreements(text, 'memory:///hiding.specl');
    expect(wrong).toEqual([]);
    expect(asked).toBeGreaterThan(20);
  });

  it("lists a property's bindings above the use nearest first, then those below in order", () => {
    const text = `spec T version "1.0.0"
type R { n: Int }
property p {
  forall a: Int, b: Int
  let c = 1
  forall d: Int, e: Int where d > 0
  let f = 2
  expect f > 0
  let g = 3
  forall h: Int, i: Int
}
`;
    const document = shared.workspace.LangiumDocumentFactory.fromString<SpecFile>(
      text,
      URI.parse('memory:///bindings.specl'),
    );
    // The locals at the one bare name written `name`, in the order they are met.
    const localsAt = (name: string) => {
      const use = AstUtils.streamAst(document.parseResult.value).find(
        (node) => isNameRef(node) && node.target?.$refText === name,
      );
      return [...localNames(use!).keys()];
    };
    // At `expect f > 0`: f, then the forall's e and d (nearest first), c, b, a; below: g, h, i.
    expect(localsAt('f')).toEqual(['f', 'e', 'd', 'c', 'b', 'a', 'g', 'h', 'i']);
    // In the `where` of a forall: its own variables bind above it, then c, b, a; f, g, h, i below.
    expect(localsAt('d')).toEqual(['e', 'd', 'c', 'b', 'a', 'f', 'g', 'h', 'i']);
  });
});
