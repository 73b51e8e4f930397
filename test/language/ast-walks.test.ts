import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AstNode, LangiumDocument, ValidationAcceptor, ValidationOptions } from 'langium';
import {
  AstUtils,
  DefaultDocumentValidator,
  DefaultLinker,
  EmptyFileSystem,
  URI,
  ValidationRegistry,
} from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import type { SpecFile } from '@specl/language';
import { pushChildren } from '../../packages/language/src/util/ast-children.js';
import { SpeclDocumentValidator } from '../../packages/language/src/validation/specl-document-validator.js';

// Specl's linker and validator walk the AST without Langium's streams (`util/ast-children.ts`),
// and its registry calls a check that answers at once without promises. They must link the
// same references in the same order and give the same diagnostics as Langium's own walks:
// compared on every spec of the repository, and on versions with mistakes.
const ROOT = join(import.meta.dirname, '..', '..');
const specs = execFileSync('git', ['ls-files', '*.specl'], { cwd: ROOT, encoding: 'utf8' })
  .split('\n')
  .filter(Boolean)
  .map((file) => [file, readFileSync(join(ROOT, file), 'utf8')] as const);

/** Langium's walk over the nodes and checks, in Specl's validator (its other steps kept). */
class StreamWalkValidator extends SpeclDocumentValidator {
  protected override validateAstNodes(
    rootNode: AstNode,
    options: ValidationOptions,
    acceptor: ValidationAcceptor,
  ): Promise<void> {
    const langium = DefaultDocumentValidator.prototype as unknown as {
      validateAstNodes: StreamWalkValidator['validateAstNodes'];
    };
    return langium.validateAstNodes.call(this, rootNode, options, acceptor);
  }
}

const specl = createSpeclServices(EmptyFileSystem, { indexReferences: false });
const langium = createSpeclServices(EmptyFileSystem, {
  indexReferences: false,
  modules: [
    {
      references: { Linker: (services) => new DefaultLinker(services) },
      validation: {
        ValidationRegistry: (services) => new ValidationRegistry(services),
        DocumentValidator: (services) => new StreamWalkValidator(services),
      },
    },
  ],
});

let n = 0;
/** The references linked (in order, with what they resolved to) and the diagnostics. */
async function outcome(services: typeof specl, text: string) {
  const shared = services.shared;
  const uri = URI.parse(`file:///walk-${n++}.specl`);
  const document = shared.workspace.LangiumDocumentFactory.fromString<SpecFile>(text, uri);
  shared.workspace.LangiumDocuments.addDocument(document);
  await shared.workspace.DocumentBuilder.build([document], { validation: true });
  const result = {
    references: (document as LangiumDocument).references.map(
      (r) => `${r.$refText}->${'ref' in r ? (r.ref?.$type ?? r.error?.message) : 'multi'}`,
    ),
    diagnostics: document.diagnostics,
  };
  await shared.workspace.DocumentBuilder.update([], [uri]);
  return result;
}

/** The spec with mistakes: misspelt types, names and a cut-off end. */
const broken = (text: string) =>
  text
    .replace(/: (String|Int)\b/g, ': $1x')
    .replace(/\.(\w)/g, '.z$1')
    .slice(0, -20);

describe('the AST walks of linking and validation', () => {
  it.each(specs)('%s: nodes in the order of streamAst', (_, text) => {
    const root = specl.Specl.parser.LangiumParser.parse(text).value;
    const walked: AstNode[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const node = stack.pop()!;
      walked.push(node);
      pushChildren(node, stack);
    }
    const streamed = AstUtils.streamAst(root).toArray();
    expect(walked.length).toBe(streamed.length);
    expect(walked.every((node, i) => node === streamed[i])).toBe(true);
    expect(walked.length).toBeGreaterThan(1);
  });

  it.each(specs)('%s, and with mistakes: the same links and diagnostics', async (_, text) => {
    let problems = 0;
    for (const variant of [text, broken(text)]) {
      const expected = await outcome(langium, variant);
      expect(await outcome(specl, variant)).toEqual(expected);
      problems += expected.diagnostics?.length ?? 0;
    }
    // The mistakes are found (both walks have diagnostics to agree on).
    expect(problems).toBeGreaterThan(0);
  });
});
