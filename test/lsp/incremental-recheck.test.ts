import fc from 'fast-check';
import type { LangiumDocument, ReferenceDescription } from 'langium';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describe, expect, it } from 'vitest';
import { ReaderFileSystem } from '@specl/language';
import type { SpeclSharedLspServices } from '@specl/language/lsp';
import { createSpeclLspServices } from '@specl/language/lsp';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { repositorySpecs } from '../language/repository-texts.js';

/**
 * The language server's full check after an edit (the document builder's update: the spliced
 * parse, and whatever the server keeps from the check before) against a check from scratch of
 * the same text (a fresh document), after random edits of random declarations: diagnostics
 * equal in code, message and range, and so are the references the index holds. The edits break and fix references, rename declarations,
 * duplicate and delete them, and change single characters.
 */

type Files = Record<string, string>;

/** A workspace of the server's services over files in memory; the root is edited. */
class Workspace {
  readonly shared: SpeclSharedLspServices;
  private version = 0;

  constructor(private readonly files: Files) {
    const fileSystem = new ReaderFileSystem(async (uri) => this.files[uri.path]);
    this.shared = createSpeclLspServices({ fileSystemProvider: () => fileSystem }).shared;
  }

  private initialized = false;

  async open(path: string): Promise<LangiumDocument> {
    if (!this.initialized) await this.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    this.initialized = true;
    this.setText(path);
    // From the text (the file system provider keeps what it read first).
    const document = this.shared.workspace.LangiumDocuments.createDocument(
      URI.file(path),
      this.files[path]!,
    );
    await this.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
  }

  /** The editor's change: the new text, then the builder's update (the server's full check). */
  async change(path: string, text: string): Promise<void> {
    this.files[path] = text;
    this.setText(path);
    await this.shared.workspace.DocumentBuilder.update([URI.file(path)], []);
  }

  /** The file deleted from the workspace, then opened again with the text. */
  async reopen(path: string, text: string): Promise<LangiumDocument> {
    const uri = URI.file(path);
    await this.shared.workspace.DocumentBuilder.update([], [uri]);
    this.shared.workspace.TextDocuments.delete(uri.toString());
    this.files[path] = text;
    return this.open(path);
  }

  private setText(path: string): void {
    const uri = URI.file(path).toString();
    this.shared.workspace.TextDocuments.set(
      TextDocument.create(uri, 'specl', ++this.version, this.files[path]!),
    );
  }
}

/**
 * The diagnostics of a fresh check of the files: the root's document is deleted and read
 * again, so it is parsed whole and linked and checked with nothing kept (its imports are).
 */
async function fromScratch(scratch: Workspace, root: string, text: string): Promise<Diagnostic[]> {
  return (await scratch.reopen(root, text)).diagnostics ?? [];
}

const comparable = (diagnostics: readonly Diagnostic[]) =>
  diagnostics
    .map(
      (d) =>
        `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${String(d.code)} ${d.message}`,
    )
    .sort();

/** What the reference index holds for a file (find-references and rename read it). */
function indexedReferences(workspace: Workspace, path: string): string[] {
  const index = workspace.shared.workspace.IndexManager as unknown as {
    referenceIndex: Map<string, ReferenceDescription[]>;
  };
  return (index.referenceIndex.get(URI.file(path).toString()) ?? [])
    .map(
      (r) =>
        `${r.sourcePath} ${r.segment.offset}-${r.segment.end} ${r.segment.range.start.line}:${r.segment.range.start.character} -> ${r.targetUri.path} ${r.targetPath}`,
    )
    .sort();
}

/** A seeded pseudo-random source (mulberry32). */
function randomOf(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

const topLevel = /^(type|enum|error|endpoint|property|record|alias|auth|headers)\b/;

/** The spans (start, end offsets) of the top-level declarations of a text, by their first line. */
function declarationSpans(text: string): [number, number][] {
  const starts: number[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (topLevel.test(line)) starts.push(offset);
    offset += line.length + 1;
  }
  return starts.map((start, i) => [start, starts[i + 1] ?? text.length]);
}

/** One random edit of a random declaration: the new text. */
function randomEdit(text: string, random: (n: number) => number): string {
  const spans = declarationSpans(text);
  if (spans.length === 0) return `${text}\ntype Added${random(100)} { a: Int }\n`;
  const [start, end] = spans[random(spans.length)]!;
  const declaration = text.slice(start, end);
  const names = [...new Set(text.match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? [])];
  const words = [...declaration.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*\b/g)];
  const replaceWord = (by: (word: string) => string) => {
    const capitalised = words.filter((w) => /^[A-Z]/.test(w[0]));
    const pool = capitalised.length > 0 && random(3) > 0 ? capitalised : words;
    if (pool.length === 0) return text;
    const word = pool[random(pool.length)]!;
    const at = start + word.index!;
    return text.slice(0, at) + by(word[0]) + text.slice(at + word[0].length);
  };
  switch (random(8)) {
    case 0: // a reference (or a name) to another declared name: breaks or fixes references
      return replaceWord((word) => (names.length > 0 ? names[random(names.length)]! : word));
    case 1: // a name that does not exist: an unknown reference, or a renamed declaration
      return replaceWord((word) => `${word}x`);
    case 2: // a duplicate of the declaration, just after it
      return text.slice(0, end) + declaration + text.slice(end);
    case 3: // the declaration removed
      return text.slice(0, start) + text.slice(end);
    case 4: {
      // one character removed
      const at = start + random(Math.max(1, end - start));
      return text.slice(0, at) + text.slice(at + 1);
    }
    case 5: {
      // one character inserted
      const at = start + random(Math.max(1, end - start));
      const chars = ' x{}:,?\n';
      return text.slice(0, at) + chars[random(chars.length)]! + text.slice(at);
    }
    case 6: // a name shortened: renames a type, or breaks a use of it
      return replaceWord((word) => (word.length > 1 ? word.slice(0, -1) : `${word}y`));
    default: // a new declaration that uses a name of the file
      return `${text.slice(0, end)}type Fresh${random(5)} { f: ${names[random(names.length)] ?? 'Int'} }\n${text.slice(end)}`;
  }
}

/**
 * Edits the root `edits` times, comparing the workspace's diagnostics with a fresh check after
 * each edit; answers how many of the checks the edits reached had diagnostics (to show they
 * matter).
 */
async function editAndCompare(files: Files, root: string, seed: number, edits: number) {
  const random = randomOf(seed);
  const workspace = new Workspace({ ...files });
  const scratch = new Workspace({ ...files });
  const document = await workspace.open(root);
  let text = files[root]!;
  let withDiagnostics = 0;
  for (let i = 0; i < edits; i++) {
    text = randomEdit(text, random);
    // Most edits leave the text valid, so that the next ones splice.
    await workspace.change(root, text);
    const expected = await fromScratch(scratch, root, text);
    expect(
      comparable(document.diagnostics ?? []),
      `seed ${seed}, edit ${i + 1} of ${root}:\n${text}`,
    ).toEqual(comparable(expected));
    expect(indexedReferences(workspace, root), `references: seed ${seed}, edit ${i + 1}`).toEqual(
      indexedReferences(scratch, root),
    );
    if (expected.length > 0) withDiagnostics++;
  }
  return withDiagnostics;
}

/** Edits the root through the given texts, comparing with a fresh check after each. */
async function editsAndCompare(root: string, texts: readonly string[]): Promise<Diagnostic[][]> {
  const files: Files = { [root]: texts[0]! };
  const workspace = new Workspace({ ...files });
  const scratch = new Workspace({ ...files });
  const document = await workspace.open(root);
  const seen: Diagnostic[][] = [];
  for (const text of texts.slice(1)) {
    await workspace.change(root, text);
    const expected = await fromScratch(scratch, root, text);
    expect(comparable(document.diagnostics ?? []), text).toEqual(comparable(expected));
    seen.push(expected);
  }
  return seen;
}

describe("the language server's full check after edits", () => {
  it('follows a change at the end of a chain of aliases to the uses at its start', async () => {
    // `Other` is edited apart from the chain: the uses below it keep their diagnostics, moved.
    const chain = (base: string, other = 'Int') =>
      `spec Chain version "1.0.0"\n\ntype First = Int\n\ntype Other = ${other}\n\n` +
      `type Z = ${base}\n\ntype Y = Z\n\ntype X = Y\n\n` +
      'type A {\n  f: X { min: 1 }\n}\n\nendpoint getA GET /a {\n  response 200 A\n' +
      '  ensures response.f > 0\n}\n';
    const seen = await editsAndCompare('/chain/main.specl', [
      chain('Int'),
      chain('String'),
      chain('String', 'Int {\n  min: 0\n}'),
      chain('Int', 'Int {\n  min: 0\n}'),
    ]);
    // `min` on a String and `f > 0` on a String, then moved two lines down, then gone.
    expect(seen.map((d) => d.map((x) => x.range.start.line))).toEqual([[13, 18], [15, 20], []]);
  });

  const repository: Files = Object.fromEntries(
    repositorySpecs.map(([file, text]) => [`/repo/${file}`, text]),
  );

  it('equals a check from scratch, for every repository spec', async () => {
    let withDiagnostics = 0;
    for (const [index, [file]] of repositorySpecs.entries()) {
      withDiagnostics += await editAndCompare(repository, `/repo/${file}`, 1700 + index, 4);
    }
    // The edits must matter: many of them leave diagnostics to compare.
    expect(withDiagnostics).toBeGreaterThan(repositorySpecs.length);
  }, 120_000);

  it('equals a check from scratch, for random specs', async () => {
    await fc.assert(
      fc.asyncProperty(
        specArbitrary,
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        async (project, seed) => {
          await editAndCompare(printProject(project), project.root, seed, 4);
        },
      ),
      { seed: 1717, numRuns: 12, endOnFailure: true },
    );
  }, 120_000);
});
