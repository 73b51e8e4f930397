import { dirname, posix } from 'node:path';
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { SpecChange, SpecIR } from '@specl/compiler';
import { buildFromCheck, buildSpec, diffSpecs } from '@specl/compiler';
import type { SpecFile } from '@specl/language';
import { checkResultOf } from '@specl/language';
import { extraDiagnosticSources } from '@specl/language/lsp';
import { GitRepository } from '@specl/language/node';

/** The `source` of the warnings, and their name among the extra diagnostic sources. */
export const BREAKING_CHANGES_SOURCE = 'specl diff';

/** The git ref compared with when the workspace setting `specl.diff.baseline` is not set. */
export const DEFAULT_BASELINE = 'HEAD';

/** How long after a full check the diff waits, so that it runs once the typing pauses. */
export const BREAKING_CHANGES_DELAY_MS = 300;

/**
 * Shows the breaking changes of every open spec since a git baseline (the workspace setting
 * `specl.diff.baseline`, default `HEAD`) as warnings where they are, and the changes that may
 * break as information; compatible changes are not shown. The spec as typed (with its imports
 * as the workspace has them) is diffed against the same file at the baseline, read with
 * `git show` with its imports at the same commit, after each full check of a document without
 * errors. Nothing is shown outside a git repository, for a ref that names no commit, or for a
 * file the baseline does not have (a new spec).
 */
export class BreakingChangeWarnings {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The baseline's IR by commit and path (undefined: no file there, or one with errors). */
  private readonly baselines = new Map<string, Promise<SpecIR | undefined>>();
  private readonly extra;

  constructor(private readonly shared: LangiumSharedServices) {
    this.extra = extraDiagnosticSources(shared);
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
      for (const document of documents) this.schedule(document.uri.toString());
    });
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(() => {
      for (const document of shared.workspace.TextDocuments.all()) this.schedule(document.uri);
    });
    shared.workspace.TextDocuments.onDidClose((event) => {
      clearTimeout(this.timers.get(event.document.uri));
      this.extra.clear(event.document.uri, BREAKING_CHANGES_SOURCE);
    });
  }

  /** Diffs a document once the checks pause (again, if already waiting). */
  private schedule(uri: string): void {
    if (!this.shared.workspace.TextDocuments.get(uri)) return;
    clearTimeout(this.timers.get(uri));
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      this.update(uri).catch((error: unknown) =>
        this.shared.lsp.Connection?.console.error(
          `breaking changes of ${uri}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }, BREAKING_CHANGES_DELAY_MS);
    this.timers.set(uri, timer);
  }

  private async update(uri: string): Promise<void> {
    const text = this.shared.workspace.TextDocuments.get(uri)?.getText();
    if (text === undefined) return;
    const found = await this.breakingChanges(uri, text);
    // A newer text has its own update coming; these places belong to this one.
    if (found === 'stale' || this.shared.workspace.TextDocuments.get(uri)?.getText() !== text) {
      return;
    }
    this.extra.set(uri, BREAKING_CHANGES_SOURCE, found, text);
  }

  private async breakingChanges(uri: string, text: string): Promise<Diagnostic[] | 'stale'> {
    const parsed = URI.parse(uri);
    if (parsed.scheme !== 'file') return [];
    const ref = await this.baselineRef();
    const path = parsed.fsPath;
    const repository = await GitRepository.at(dirname(path)).catch(() => undefined);
    const commit = await repository?.commit(ref);
    const inRepository = repository?.relativePath(path);
    if (!repository || commit === undefined || inRepository === undefined) return [];
    const key = `${commit}:${inRepository}`;
    let baseline = this.baselines.get(key);
    if (!baseline) {
      baseline = readBaseline(repository, commit, inRepository, path);
      this.baselines.set(key, baseline);
    }
    const old = await baseline;
    if (!old) return [];
    const current = this.currentIR(parsed, text);
    if (current === 'stale') return 'stale';
    if (!current) return [];
    const file = posix.basename(inRepository);
    return diffSpecs(old, current)
      .changes.filter((change) => change.verdict !== 'non-breaking' && change.new.file === file)
      .map((change) => toDiagnostic(change, ref, text));
  }

  /**
   * The IR of the document as checked, with its imports as the workspace has them; undefined
   * when it has errors, 'stale' when its check is not the text's.
   */
  private currentIR(uri: URI, text: string): SpecIR | undefined | 'stale' {
    const documents = this.shared.workspace.LangiumDocuments;
    const document = documents.getDocument(uri) as LangiumDocument<SpecFile> | undefined;
    if (
      !document ||
      document.state < DocumentState.Validated ||
      document.textDocument.getText() !== text
    ) {
      return 'stale';
    }
    // The root with its imports as the workspace has them; an import with errors stops it.
    try {
      return buildFromCheck(checkResultOf(this.shared, [uri]), uri.path).ir;
    } catch {
      // An import not checked yet: its own check brings this one again.
      return undefined;
    }
  }

  private async baselineRef(): Promise<string> {
    const diff: unknown = await this.shared.workspace.ConfigurationProvider.getConfiguration(
      'specl',
      'diff',
    );
    const baseline = (diff as { baseline?: unknown } | undefined)?.baseline;
    return typeof baseline === 'string' && baseline.trim() !== ''
      ? baseline.trim()
      : DEFAULT_BASELINE;
  }
}

/** The spec at a commit, with its imports at the same commit, lowered if it has no errors. */
async function readBaseline(
  repository: GitRepository,
  commit: string,
  inRepository: string,
  path: string,
): Promise<SpecIR | undefined> {
  if ((await repository.show(commit, inRepository)) === undefined) return undefined;
  return (await buildSpec({ root: path, read: repository.readerAt(commit) })).ir;
}

/** A change as a diagnostic on its line in the new version. */
function toDiagnostic(change: SpecChange, ref: string, text: string): Diagnostic {
  const line = Math.max(0, change.new.line - 1);
  const lineText = text.split('\n')[line] ?? '';
  const breaking = change.verdict === 'breaking';
  return {
    range: {
      start: { line, character: Math.max(0, change.new.column - 1) },
      end: { line, character: lineText.replace(/\r$/, '').length },
    },
    severity: breaking ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information,
    source: BREAKING_CHANGES_SOURCE,
    code: change.kind,
    message: `${change.message}: ${change.reason} (${breaking ? 'breaking' : 'may break clients'} since ${ref})`,
  };
}
