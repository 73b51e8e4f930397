import { join } from 'node:path';
import type { AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { checkSpecFiles } from '@specl/language/node';
import { repoRoot } from '../helpers/run-cli.js';
import { repositorySpecs } from './repository-texts.js';

// `specl check` parses each declaration without its CST, which is built only where something
// reads it (a diagnostic's place). A spec that checks clean reports nothing, so no declaration's
// CST may be built: a check that reads one (a spread of a description, a range read for
// nothing) costs the whole CST again at N = 5,000 (it did: 218 -> 292 MB).
const examples = repositorySpecs.map(([file]) => file).filter((f) => f.startsWith('examples/'));

/** The declarations of the checked documents whose CST was built. */
function built(declarations: AstNode[]): string[] {
  return declarations
    .filter((d) => Object.getOwnPropertyDescriptor(d.$cstNode ?? {}, 'content') !== undefined)
    .map((d) => `${d.$type} ${(d as { name?: string }).name}`);
}

describe('a clean check builds no declaration CST', () => {
  it.each(examples)('%s', async (file) => {
    const checked = await checkSpecFiles([join(repoRoot, file)], undefined, { lazyCst: true });
    expect(checked.diagnostics).toEqual([]);
    const declarations = checked.documents.flatMap(
      (d) => d.parseResult.value.declarations as AstNode[],
    );
    expect(declarations.length).toBeGreaterThan(3);
    expect(built(declarations)).toEqual([]);
  });
});
