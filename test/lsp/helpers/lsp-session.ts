import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node.js';
import type {
  ClientCapabilities,
  CompletionItem,
  Diagnostic,
  InitializeResult,
  ProtocolConnection,
  SemanticTokensLegend,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import {
  CodeLensRefreshRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  RenameRequest,
  SemanticTokensRequest,
  ShutdownRequest,
  WorkspaceFoldersRequest,
  ConfigurationRequest,
  WorkDoneProgressCreateRequest,
} from 'vscode-languageserver-protocol';
import { repoRoot } from '../../helpers/run-cli.js';
import type { Position } from './cursor.js';
import { applyEdits, withCursor } from './cursor.js';

let documentCount = 0;

/** The language server's executable, as editors start it. */
export const serverBin = join(repoRoot, 'cli/bin/specl-language-server.js');

/** The two ways to start the server: its own bin, or `specl lsp --stdio`. */
export const serverCommands = {
  bin: [serverBin, '--stdio'],
  specl: [join(repoRoot, 'cli/bin/specl.js'), 'lsp', '--stdio'],
} as const;

/** How a session's server is started, beyond its files. */
export interface SessionOptions {
  /** The server's environment (default: this process's). */
  readonly env?: NodeJS.ProcessEnv;
  /** The editor's settings, by the section the server asks for (`specl.agent`, ...); others are null. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Client capabilities beyond the usual ones (merged into them; `workspace` one level deep). */
  readonly capabilities?: ClientCapabilities;
}

/**
 * A running Specl language server in a child process, driven over stdio as an editor drives
 * it, with a temporary workspace folder. Diagnostics the server publishes are collected.
 */
/** A semantic token as {@link LspSession.semanticTokens} decodes it. */
export interface SemanticToken {
  readonly line: number;
  readonly word: string;
  readonly type: string;
  readonly modifiers: readonly string[];
}

export class LspSession {
  readonly connection: ProtocolConnection;
  readonly diagnostics = new Map<string, Diagnostic[]>();
  private readonly versions = new Map<string, number>();
  private readonly waiters: (() => void)[] = [];
  private stderr = '';
  /** Told of each work-done progress token the server creates. */
  readonly progressListeners: ((token: string | number) => void)[] = [];
  /** What the editor answers workspace/configuration with, by section; tests may change it. */
  readonly settings: Map<string, unknown>;
  /** How often the server asked the editor to refresh its code lenses. */
  lensRefreshes = 0;
  initializeResult?: InitializeResult;

  private constructor(
    readonly root: string,
    private readonly child: ChildProcessWithoutNullStreams,
    settings: Readonly<Record<string, unknown>>,
  ) {
    this.settings = new Map(Object.entries(settings));
    this.connection = createProtocolConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      this.diagnostics.set(params.uri, params.diagnostics);
      for (const wake of this.waiters.splice(0)) wake();
    });
    // Errors and warnings the server logs to the editor count as its log too.
    this.connection.onNotification(LogMessageNotification.type, (params) => {
      if (params.type <= 2)
        this.stderr += `[${params.type === 1 ? 'error' : 'warning'}] ${params.message}\n`;
    });
    this.connection.onRequest(RegistrationRequest.type, () => null);
    this.connection.onRequest(WorkspaceFoldersRequest.type, () => [
      { uri: this.uri(''), name: 'workspace' },
    ]);
    this.connection.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => this.settings.get(item.section ?? '') ?? null),
    );
    // Progress the server starts is accepted (tests that follow it listen to its token).
    this.connection.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      for (const listen of this.progressListeners) listen(params.token);
      return null;
    });
    this.connection.onRequest(CodeLensRefreshRequest.type, () => {
      this.lensRefreshes++;
      return null;
    });
    this.connection.listen();
  }

  /**
   * Starts a server on a fresh workspace folder holding `files` (paths relative to it; `../x`
   * lies outside the workspace folder) and completes the initialize handshake.
   */
  static async start(
    files: Record<string, string> = {},
    command: readonly string[] = serverCommands.bin,
    options: SessionOptions = {},
  ): Promise<LspSession> {
    const root = join(realpathSync(mkdtempSync(join(tmpdir(), 'specl-lsp-'))), 'workspace');
    mkdirSync(root);
    for (const [path, text] of Object.entries(files)) writeFile(root, path, text);
    const child = spawn(process.execPath, [...command], {
      cwd: root,
      ...(options.env && { env: options.env }),
    });
    const session = new LspSession(root, child, options.settings ?? {});
    session.initializeResult = await session.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: session.uri(''),
      workspaceFolders: [{ uri: session.uri(''), name: 'workspace' }],
      capabilities: {
        ...options.capabilities,
        workspace: {
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceFolders: true,
          applyEdit: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create'] },
          ...options.capabilities?.workspace,
        },
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
          rename: { prepareSupport: true },
        },
      },
    });
    await session.connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  /** The file URI of a path relative to the workspace folder. */
  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href.replace(/\/$/, '');
  }

  /** Opens a document in the editor (it need not exist on disk). */
  async open(path: string, text: string): Promise<string> {
    const uri = this.uri(path);
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'specl', version: 1, text },
    });
    return uri;
  }

  /**
   * Opens a source with a cursor marker (`$0`) under a fresh name, waits until the server has
   * checked it, and answers where the cursor is.
   */
  async openWithCursor(
    source: string,
    path = `doc${++documentCount}.specl`,
  ): Promise<{ uri: string; text: string; position: Position }> {
    const { text, position } = withCursor(source);
    const uri = await this.open(path, text);
    await this.diagnosticsFor(uri);
    return { uri, text, position };
  }

  /**
   * The completion items the server offers at the cursor marker (`$0`) of `source`, opened as a
   * fresh document.
   */
  async completionsAt(source: string): Promise<CompletionItem[]> {
    const { uri, position } = await this.openWithCursor(source);
    const result = await this.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position,
    });
    return (Array.isArray(result) ? result : (result?.items ?? [])) as CompletionItem[];
  }

  /**
   * The Markdown the server shows on hover at the cursor marker (`$0`) of `source`, opened as a
   * fresh document, or `undefined` when it shows nothing.
   */
  async hoverAt(source: string): Promise<string | undefined> {
    const { uri, position } = await this.openWithCursor(source);
    const result = await this.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position,
    });
    return (result?.contents as { value: string } | undefined)?.value;
  }

  /**
   * Renames the symbol at the cursor marker (`$0`) of `source`, opened as a fresh document, to
   * `newName`, and answers the document's text with the server's edits applied.
   */
  async renameAt(source: string, newName: string): Promise<string> {
    const { uri, position, text } = await this.openWithCursor(source);
    const edit = (await this.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position,
      newName,
    })) as WorkspaceEdit;
    return applyEdits(text, edit.changes![uri]!);
  }

  /** Replaces an open document's whole text, as a keystroke would change it. */
  async change(uri: string, text: string): Promise<void> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  /** Writes a file on disk, and tells the server as an editor's file watcher would. */
  async writeOnDisk(path: string, text: string): Promise<void> {
    const existed = this.diagnostics.has(this.uri(path));
    writeFile(this.root, path, text);
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: this.uri(path), type: existed ? FileChangeType.Changed : FileChangeType.Created },
      ],
    });
  }

  /**
   * Waits until the diagnostics published for a URI satisfy a condition (default: any were
   * published), and answers them. Fails after `timeoutMs` with what was published.
   */
  async diagnosticsFor(
    uri: string,
    until: (diagnostics: Diagnostic[]) => boolean = () => true,
    timeoutMs = 20_000,
  ): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.diagnostics.get(uri);
      if (current && until(current)) return current;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new Error(
          `no matching diagnostics for ${uri} within ${timeoutMs} ms; last published: ${JSON.stringify(current)}\nserver stderr: ${this.stderr}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * The semantic tokens of an open document, decoded: each token's 0-based line, its word in
   * `source` (the document's text), its type and its modifiers, by the server's legend.
   */
  async semanticTokens(uri: string, source: string): Promise<SemanticToken[]> {
    const legend = this.initializeResult!.capabilities.semanticTokensProvider!
      .legend as SemanticTokensLegend;
    const tokens = await this.connection.sendRequest(SemanticTokensRequest.type, {
      textDocument: { uri },
    });
    const lines = source.split('\n');
    const decoded: SemanticToken[] = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < tokens!.data.length; i += 5) {
      const [dLine, dStart, length, type, modifiers] = tokens!.data.slice(i, i + 5) as number[];
      line += dLine!;
      character = dLine === 0 ? character + dStart! : dStart!;
      decoded.push({
        line,
        word: lines[line]!.slice(character, character + length!),
        type: legend.tokenTypes[type!]!,
        modifiers: legend.tokenModifiers.filter((_, bit) => modifiers! & (1 << bit)),
      });
    }
    return decoded;
  }

  /** Forgets the diagnostics published so far for a URI (to wait for the next ones). */
  forget(uri: string): void {
    this.diagnostics.delete(uri);
  }

  /** Shuts the server down as an editor does, and removes the workspace folder. */
  async close(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } finally {
      const exited =
        this.child.exitCode !== null
          ? Promise.resolve()
          : new Promise((resolve) => this.child.once('exit', resolve));
      const timer = setTimeout(() => this.child.kill(), 5_000);
      await exited;
      clearTimeout(timer);
      this.connection.dispose();
      rmSync(dirname(this.root), { recursive: true, force: true });
    }
  }

  /** What the server wrote to stderr, and the errors and warnings it logged to the editor. */
  get log(): string {
    return this.stderr;
  }
}

function writeFile(root: string, path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
}
