import { DefaultDocumentValidator, EmptyFileSystem, URI } from 'langium';
import type {
  AstNode,
  LangiumDocument,
  ValidationAcceptor,
  ValidationChecks,
  ValidationOptions,
} from 'langium';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SpeclAstType } from '@specl/language';
import { createSpeclServices } from '@specl/language';
import { repositorySpecs } from './repository-texts.js';

/**
 * Specl's document validator runs a node's checks through its registry's `runChecks` (one
 * `try` for all of them) instead of calling each check's wrapper: the diagnostics must be those
 * of Langium's walk over the wrappers, in the same order, whatever the checks do (answer at
 * once, throw, answer a promise that resolves or rejects).
 */

type Walk = (
  root: AstNode,
  options: ValidationOptions,
  accept: ValidationAcceptor,
  cancelToken?: unknown,
) => Promise<void>;

let documents = 0;

function servicesWithExtraChecks() {
  const { Specl } = createSpeclServices(EmptyFileSystem);
  const tag = (node: AstNode) => (node as { name?: string }).name ?? node.$type;
  const checks: ValidationChecks<SpeclAstType> = {
    RecordDecl: [
      (node, accept) => accept('warning', `first ${tag(node)}`, { node }),
      (node) => {
        if (tag(node) === 'Broken') throw new Error(`thrown at ${tag(node)}`);
      },
      async (node, accept) => {
        await Promise.resolve();
        accept('warning', `later ${tag(node)}`, { node });
      },
      (node) =>
        tag(node) === 'Item' ? Promise.reject(new Error(`rejected at ${tag(node)}`)) : undefined,
      (node, accept) => accept('hint', `last ${tag(node)}`, { node }),
    ],
    Field: (node) => {
      if (tag(node) === 'boom') throw 'not an Error';
    },
  };
  Specl.validation.ValidationRegistry.register(checks);
  return Specl;
}

/** The messages and ranges one walk of the document's AST reports, in order. */
async function walked(
  walk: Walk,
  validator: DefaultDocumentValidator,
  document: LangiumDocument,
): Promise<string[]> {
  const found: string[] = [];
  const accept: ValidationAcceptor = (severity, message, info) => {
    const range = info.node.$cstNode?.range;
    found.push(`${severity} ${message} @${range?.start.line}:${range?.start.character}`);
  };
  await walk.call(validator, document.parseResult.value, {}, accept);
  return found;
}

async function bothWalks(Specl: ReturnType<typeof servicesWithExtraChecks>, text: string) {
  const { workspace } = Specl.shared;
  const document = workspace.LangiumDocumentFactory.fromString(
    text,
    URI.parse(`memory:///check-dispatch-${++documents}.specl`),
  );
  workspace.LangiumDocuments.addDocument(document);
  await workspace.DocumentBuilder.build([document], { validation: false });
  const validator = Specl.validation.DocumentValidator as unknown as DefaultDocumentValidator;
  const specl = (validator as unknown as { validateAstNodes: Walk }).validateAstNodes;
  const langium = (DefaultDocumentValidator.prototype as unknown as { validateAstNodes: Walk })
    .validateAstNodes;
  expect(specl).not.toBe(langium);
  return {
    specl: await walked(specl, validator, document),
    langium: await walked(langium, validator, document),
  };
}

describe("the validator's dispatch of checks", () => {
  beforeEach(() => {
    // Langium logs each exception of a check; the diagnostics are what is compared.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it("reports what Langium's walk reports, in order, when checks throw or answer promises", async () => {
    const Specl = servicesWithExtraChecks();
    const { specl, langium } = await bothWalks(
      Specl,
      `spec Shop version "1.0.0"
type Item { id: Int, boom: Int }
type Broken { id: Int }
type Plain { id: Int }
`,
    );
    expect(specl).toEqual(langium);
    // What the cases are meant to show: each exception reported where it happened, and the
    // checks after it still run.
    expect(specl).toEqual([
      'warning first Item @1:0',
      'warning later Item @1:0',
      'error An error occurred during validation: rejected at Item @1:0',
      'hint last Item @1:0',
      'error An error occurred during validation: not an Error @1:21',
      'warning first Broken @2:0',
      'error An error occurred during validation: thrown at Broken @2:0',
      'warning later Broken @2:0',
      'hint last Broken @2:0',
      'warning first Plain @3:0',
      'warning later Plain @3:0',
      'hint last Plain @3:0',
    ]);
  });

  it("reports what Langium's walk reports on every repository spec", async () => {
    const Specl = servicesWithExtraChecks();
    let compared = 0;
    for (const [, text] of repositorySpecs) {
      const { specl, langium } = await bothWalks(Specl, text);
      expect(specl).toEqual(langium);
      compared += specl.length;
    }
    expect(repositorySpecs.length).toBeGreaterThan(10);
    // The extra checks report on every record: there is something to compare.
    expect(compared).toBeGreaterThan(100);
  });
});
