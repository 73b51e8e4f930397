import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createSpeclServices, formatSource } from '@specl/language';
import { astShape } from '../helpers/ast-shape.js';
import { lowerFiles } from '../helpers/lower.js';
import { printProject } from '../arbitraries/print-spec.js';
import { multiFileSpecArbitrary, specArbitrary } from '../arbitraries/spec-arbitrary.js';
import type { SpecProject } from '../arbitraries/spec-model.js';

const { shared, Specl } = createSpeclServices(EmptyFileSystem, { indexReferences: false });

/** The AST of a text without positions (see {@link astShape}). */
function shapeOf(text: string): unknown {
  const document = shared.workspace.LangiumDocumentFactory.fromString(
    text,
    URI.parse('file:///shape.specl'),
  );
  return astShape(document.parseResult.value);
}

/**
 * An IR without what formatting may change: where things were written (lines and columns),
 * the spacing of the source text kept for expressions (`{ }` is written `{}`), and the
 * fingerprint, which hashes that text.
 */
function withoutLocations(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLocations);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'line' && key !== 'column' && key !== 'fingerprint')
        .map(([key, v]) => [
          key,
          key === 'source' && typeof v === 'string' ? v.replace(/\s+/g, '') : withoutLocations(v),
        ]),
    );
  }
  return value;
}

async function format(text: string, path: string): Promise<string> {
  const result = await formatSource(text, URI.file(path).toString());
  if (!result.ok) throw new Error(`${path} was not formatted: ${result.reason}\n${text}`);
  return result.text;
}

async function formatAll(files: Record<string, string>): Promise<Record<string, string>> {
  const entries = await Promise.all(
    Object.entries(files).map(async ([path, text]) => [path, await format(text, path)] as const),
  );
  return Object.fromEntries(entries);
}

function fail(message: string, detail: unknown): never {
  throw new Error(
    `${message}\n${typeof detail === 'string' ? detail : JSON.stringify(detail, null, 1)}`,
  );
}

/** Formatting keeps the meaning (the same AST, the same IR) and is idempotent. */
async function formattingKeepsMeaning(project: SpecProject): Promise<void> {
  const files = printProject(project);
  const formatted = await formatAll(files);
  for (const [path, text] of Object.entries(formatted)) {
    if ((await format(text, path)) !== text) fail(`formatting ${path} twice changed it`, text);
    if (JSON.stringify(shapeOf(text)) !== JSON.stringify(shapeOf(files[path]!))) {
      fail(`formatting ${path} changed its AST`, `${files[path]}\n---- formatted:\n${text}`);
    }
  }
  const before = withoutLocations(await lowerFiles(files, project.root));
  const after = withoutLocations(await lowerFiles(formatted, project.root));
  const [a, b] = [before, after].map((ir) => JSON.stringify(ir, null, 1).split('\n'));
  const changed = a!.findIndex((line, i) => line !== b![i]);
  if (changed >= 0 || a!.length !== b!.length) {
    fail(`formatting changed the IR at \`${a![changed]}\` (now \`${b![changed]}\`)`, formatted);
  }
}

const lexer = Specl.parser.Lexer;

/** The offsets between tokens where whitespace may be added (not inside an endpoint's path). */
function gaps(text: string): number[] {
  const tokens = lexer.tokenize(text);
  const all = [...tokens.tokens, ...(tokens.hidden ?? [])].sort(
    (a, b) => a.startOffset - b.startOffset,
  );
  // A path runs from after the method to the `{` that ends the endpoint's line.
  const paths = [...text.matchAll(/^(\s*endpoint\s+\w+\s+\w+\s+)(.*)\{[^{}\n]*$/gm)].map((m) => {
    const start = m.index! + m[1]!.length;
    return [start, start + m[2]!.trimEnd().length] as const;
  });
  return all
    .slice(1)
    .map((token) => token.startOffset)
    .filter((offset) => !paths.some(([start, end]) => offset > start && offset < end));
}

/** A spec with whitespace added at some gaps between tokens (the choices from fast-check). */
function perturb(text: string, choices: readonly number[], spacesOnly: boolean): string {
  const pieces = spacesOnly ? [' ', '   ', '\t'] : [' ', '\n', '\n\n\n', '  \n   '];
  const offsets = gaps(text);
  let result = text;
  // From the end, so that earlier offsets stay valid.
  for (let i = offsets.length - 1; i >= 0; i--) {
    const choice = choices[i % choices.length]!;
    if (choice % 3 !== 0) continue;
    const offset = offsets[i]!;
    // Spaces before a comment are kept as written: leave them out of the spaces-only case.
    if (
      spacesOnly &&
      result.startsWith('/', offset) &&
      /\/[/*]/.test(result.slice(offset, offset + 2))
    )
      continue;
    result = result.slice(0, offset) + pieces[choice % pieces.length]! + result.slice(offset);
  }
  return result;
}

const printed = (arbitrary: fc.Arbitrary<SpecProject>) =>
  arbitrary.map((project) =>
    Object.assign(project, {
      [fc.toStringMethod]: () => `\n${Object.values(printProject(project)).join('\n----\n')}`,
    }),
  );

/** How many generated specs the perturbations changed (most must be, for the tests to mean much). */
const perturbed = { spaces: 0, lines: 0 };

/** Random one-file specs, each with whitespace added between some of its tokens. */
function perturbedSpecs(spacesOnly: boolean) {
  return fc
    .tuple(printed(specArbitrary), fc.array(fc.nat(99), { minLength: 1, maxLength: 40 }))
    .map(([project, choices]) => {
      const text = printProject(project)[project.root]!;
      const changed = perturb(text, choices, spacesOnly);
      if (changed !== text) perturbed[spacesOnly ? 'spaces' : 'lines']++;
      return { root: project.root, text, changed };
    });
}

const settings = { interruptAfterTimeLimit: 15_000, markInterruptAsFailure: false } as const;

describe('formatting random specs', () => {
  it('keeps their AST and IR, and formats its own output to itself (one file)', async () => {
    await fc.assert(fc.asyncProperty(printed(specArbitrary), formattingKeepsMeaning), {
      seed: 5150,
      numRuns: 60,
      ...settings,
    });
  });

  it('keeps their AST and IR, and formats its own output to itself (several files)', async () => {
    await fc.assert(fc.asyncProperty(printed(multiFileSpecArbitrary), formattingKeepsMeaning), {
      seed: 5151,
      numRuns: 30,
      ...settings,
    });
  });

  it('gives the same text whatever the spaces between tokens on a line', async () => {
    await fc.assert(
      fc.asyncProperty(perturbedSpecs(true), async ({ root, text, changed }) => {
        const [a, b] = [await format(text, root), await format(changed, root)];
        if (a !== b) {
          fail(
            'added spaces changed the formatted text',
            `${changed}\n---- gives:\n${b}\n---- not:\n${a}`,
          );
        }
      }),
      { seed: 5152, numRuns: 60, ...settings },
    );
    expect(perturbed.spaces).toBeGreaterThan(30);
  });

  it('keeps the AST of specs with line breaks added anywhere, idempotently', async () => {
    await fc.assert(
      fc.asyncProperty(perturbedSpecs(false), async ({ root, text, changed }) => {
        const formatted = await format(changed, root);
        if ((await format(formatted, root)) !== formatted) fail('not idempotent', formatted);
        if (JSON.stringify(shapeOf(formatted)) !== JSON.stringify(shapeOf(text))) {
          fail('the AST changed', `${changed}\n---- formatted:\n${formatted}`);
        }
      }),
      { seed: 5153, numRuns: 60, ...settings },
    );
    expect(perturbed.lines).toBeGreaterThan(30);
  });
});
