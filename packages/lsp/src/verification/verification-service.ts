import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { LangiumSharedServices } from 'langium/lsp';
import { URI } from 'langium';
import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  InitializeParams,
} from 'vscode-languageserver';
import { CodeLensRefreshRequest, MessageType } from 'vscode-languageserver';
import { buildSpec } from '@specl/compiler';
import { diagnosticsPublisherOf } from '@specl/language/lsp';
import type { TargetSource, VerifyReport } from '@specl/verify';
import { implementationSource, urlSource, verify, VerifyCancelled } from '@specl/verify';
import { VERIFY_DIAGNOSTIC_SOURCE, verificationDiagnostics } from './verification-diagnostics.js';
import type { VerifySettings, VerifyTarget } from './verification-settings.js';
import {
  DEFAULT_RUNS,
  notConfiguredMessage,
  readVerifySettings,
  resolveVerifyTarget,
} from './verification-settings.js';
import { VerificationProgress } from './verification-progress.js';

/** How long a request to a server under verification may take (as `specl verify`'s default). */
const URL_TIMEOUT_MS = 10_000;

/** The last verification of a spec: running, or its report for the text it verified. */
export type VerificationState =
  | { readonly status: 'running'; readonly previous?: VerificationState }
  | { readonly status: 'done'; readonly text: string; readonly report: VerifyReport };

/** What the `specl.verify` command answers. */
export interface VerifyOutcome {
  readonly status:
    'verified' | 'failed' | 'cancelled' | 'stale' | 'busy' | 'not-configured' | 'error';
  readonly message?: string;
  /** The names of the failed checks. */
  readonly failed?: readonly string[];
}

/**
 * Verifies the spec of an open document in the language server's process, and keeps the
 * last result of each spec: its lenses read it, and its failures are attached to the
 * documents as diagnostics until the spec changes or a later verification passes.
 */
export class VerificationService {
  private shared?: LangiumSharedServices;
  private capabilities: ClientCapabilities = {};
  private workspaceRoot?: string;
  private readonly states = new Map<string, VerificationState>();
  /** The URIs whose diagnostics came from each spec's last verification. */
  private readonly diagnosedUris = new Map<string, readonly string[]>();

  constructor(private readonly connection: Connection) {}

  /** Connects the service to the server's services (once they exist). */
  attach(shared: LangiumSharedServices): void {
    this.shared = shared;
    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
      this.capabilities = params.capabilities;
      const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
      this.workspaceRoot = root ? URI.parse(root).fsPath : undefined;
    });
    shared.workspace.TextDocuments.onDidChangeContent(({ document }) => {
      const state = this.states.get(document.uri);
      if (state?.status === 'done' && state.text !== document.getText()) {
        this.states.delete(document.uri);
        void this.clearDiagnostics(document.uri);
      }
    });
  }

  /** The state of a spec's verification, if it was verified (or is being verified). */
  stateOf(uri: string): VerificationState | undefined {
    return this.states.get(uri);
  }

  /**
   * Verifies the spec of a document against its configured implementation, with progress the
   * editor shows (and can cancel), then refreshes the lenses and diagnostics.
   */
  async verify(uri: string, cancel: CancellationToken): Promise<VerifyOutcome> {
    const previous = this.states.get(uri);
    if (previous?.status === 'running')
      return { status: 'busy', message: 'this spec is already being verified' };
    const specPath = URI.parse(uri).fsPath;
    const settings = await this.settings(uri);
    const target = resolveVerifyTarget(settings, specPath, this.workspaceRoot);
    if (!target) return this.tell('not-configured', notConfiguredMessage(specPath));
    const runs = settings.runs ?? DEFAULT_RUNS;
    this.states.set(uri, { status: 'running', ...(previous && { previous }) });
    await this.refreshLenses();
    const progress = await VerificationProgress.begin(this.connection, specPath);
    const abort = new AbortController();
    progress.onCancel(() => abort.abort());
    cancel.onCancellationRequested(() => abort.abort());
    try {
      const text = await this.textOf(uri, specPath);
      const report = await this.run(specPath, text, target, runs, abort.signal, progress);
      if (typeof report === 'string') return this.restore(uri, previous, 'error', report);
      if (this.currentText(uri) !== undefined && this.currentText(uri) !== text)
        return this.restore(uri, previous, 'stale', 'the spec changed while it was verified');
      this.states.set(uri, { status: 'done', text, report });
      await this.publishDiagnostics(uri, report, dirname(specPath));
      const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.name);
      return report.ok ? { status: 'verified' } : { status: 'failed', failed };
    } catch (error) {
      if (error instanceof VerifyCancelled)
        return this.restore(uri, previous, 'cancelled', 'verification cancelled');
      const message = error instanceof Error ? error.message : String(error);
      return this.restore(uri, previous, 'error', `verification failed: ${message}`);
    } finally {
      progress.end();
      await this.refreshLenses();
    }
  }

  /** Checks and lowers the spec, loads the target, and verifies it; or why it could not. */
  private async run(
    specPath: string,
    text: string,
    target: VerifyTarget,
    runs: number,
    signal: AbortSignal,
    progress: VerificationProgress,
  ): Promise<VerifyReport | string> {
    const lowered = await buildSpec({
      root: specPath,
      read: (path) =>
        path === specPath ? Promise.resolve(text) : this.textOf(URI.file(path).toString(), path),
    });
    if (!lowered.ir) return lowered.problem ?? `${specPath} has errors: fix them before verifying`;
    const source =
      target.kind === 'module'
        ? await implementationSource(target.path)
        : urlSource(target.url, URL_TIMEOUT_MS);
    return verify({
      ir: lowered.ir,
      source: yieldingBetweenRuns(source),
      runs,
      signal,
      onProgress: (check, checks, name, done, total) =>
        progress.report(check, checks, name, done, total),
    });
  }

  private async settings(uri: string): Promise<VerifySettings> {
    if (!this.capabilities.workspace?.configuration) return {};
    try {
      return readVerifySettings(
        await this.connection.workspace.getConfiguration({
          scopeUri: uri,
          section: 'specl.verify',
        }),
      );
    } catch {
      return {};
    }
  }

  private currentText(uri: string): string | undefined {
    return this.shared?.workspace.TextDocuments.get(uri)?.getText();
  }

  /** The editor's text of a document, or the file's on disk. */
  private async textOf(uri: string, path: string): Promise<string> {
    const open = this.currentText(uri);
    if (open !== undefined) return open;
    return readFile(path, 'utf8');
  }

  private restore(
    uri: string,
    previous: VerificationState | undefined,
    status: VerifyOutcome['status'],
    message: string,
  ): VerifyOutcome {
    if (previous) this.states.set(uri, previous);
    else this.states.delete(uri);
    return status === 'cancelled' || status === 'stale'
      ? { status, message }
      : this.tell(status, message);
  }

  /** Shows a message in the editor, and answers it as the command's outcome. */
  private tell(status: VerifyOutcome['status'], message: string): VerifyOutcome {
    void this.connection.sendNotification('window/showMessage', {
      type: MessageType.Warning,
      message,
    });
    return { status, message };
  }

  private async publishDiagnostics(uri: string, report: VerifyReport, specFolder: string) {
    const publisher = this.shared && diagnosticsPublisherOf(this.shared);
    if (!publisher) return;
    const byUri = verificationDiagnostics(report, specFolder);
    for (const stale of this.diagnosedUris.get(uri) ?? [])
      if (!byUri.has(stale)) await publisher.setExtra(stale, VERIFY_DIAGNOSTIC_SOURCE, []);
    for (const [target, diagnostics] of byUri)
      await publisher.setExtra(target, VERIFY_DIAGNOSTIC_SOURCE, diagnostics);
    this.diagnosedUris.set(uri, [...byUri.keys()]);
  }

  private async clearDiagnostics(uri: string) {
    const publisher = this.shared && diagnosticsPublisherOf(this.shared);
    for (const target of this.diagnosedUris.get(uri) ?? [])
      await publisher?.setExtra(target, VERIFY_DIAGNOSTIC_SOURCE, []);
    this.diagnosedUris.delete(uri);
  }

  private async refreshLenses() {
    if (this.capabilities.workspace?.codeLens?.refreshSupport)
      await this.connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
  }
}

/**
 * A target source that lets the server's event loop turn before each run: in-process runs
 * never wait for I/O, and without this the editor's requests (a cancellation among them)
 * would wait until the whole verification ended.
 */
function yieldingBetweenRuns(source: TargetSource): TargetSource {
  return {
    ...source,
    async open() {
      await new Promise<void>((resolve) => setImmediate(resolve));
      return source.open();
    },
  };
}
