// A small LSP client for the language-server benchmark: starts the server in a child process,
// opens and edits documents, and waits for the diagnostics it publishes.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  StreamMessageReader,
  StreamMessageWriter,
  createMessageConnection,
} from 'vscode-jsonrpc/node.js';

export class LspClient {
  /**
   * Starts `node <server> --stdio` with `root` as the workspace folder; resolves once initialized.
   * `liveHeap`: with `--expose-gc` and the server's debug request on (see {@link liveNodes}).
   */
  static async start(server, root, { liveHeap = false } = {}) {
    const child = spawn(
      process.execPath,
      [...(liveHeap ? ['--expose-gc'] : []), server, '--stdio'],
      {
        cwd: root,
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...process.env, ...(liveHeap ? { SPECL_LSP_DEBUG_LIVE: '1' } : {}) },
      },
    );
    const client = new LspClient(child);
    const uri = pathToFileURL(root).href;
    await client.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'bench' }],
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  constructor(child) {
    this.child = child;
    this.stderr = '';
    this.versions = new Map();
    this.published = new Map();
    this.publishCounts = new Map();
    this.waiters = [];
    child.stderr.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(
      new StreamMessageReader(child.stdout),
      new StreamMessageWriter(child.stdin),
    );
    this.connection.onNotification('textDocument/publishDiagnostics', (params) => {
      this.published.set(params.uri, params.diagnostics);
      this.publishCounts.set(params.uri, (this.publishCounts.get(params.uri) ?? 0) + 1);
      for (const waiter of this.waiters.splice(0)) waiter();
    });
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
    this.connection.listen();
  }

  open(uri, text) {
    this.versions.set(uri, 1);
    this.published.delete(uri);
    return this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'specl', version: 1, text },
    });
  }

  /** Replaces a range of an open document, as typing does (an incremental change). */
  edit(uri, range, text) {
    const version = this.versions.get(uri) + 1;
    this.versions.set(uri, version);
    this.published.delete(uri);
    return this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range, text }],
    });
  }

  /** Waits until the diagnostics published for `uri` satisfy `until`. */
  async diagnostics(uri, until, timeoutMs = 300_000) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = this.published.get(uri);
      if (current && until(current)) return current;
      if (Date.now() > deadline)
        throw new Error(`no diagnostics for ${uri} in time; server log:\n${this.stderr}`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** How many times diagnostics were published for `uri`. */
  publishCount(uri) {
    return this.publishCounts.get(uri) ?? 0;
  }

  /** Waits until diagnostics were published for `uri` more than `count` times. */
  async publishedMoreThan(uri, count, timeoutMs = 300_000) {
    const deadline = Date.now() + timeoutMs;
    while (this.publishCount(uri) <= count) {
      if (Date.now() > deadline) throw new Error(`no new diagnostics for ${uri} in time`);
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  request(method, params) {
    return this.connection.sendRequest(method, params);
  }

  /**
   * After two full garbage collections in the server (started with `liveHeap`): its heap in use
   * (bytes), and the parsed roots and declarations in memory against those the workspace holds.
   */
  liveNodes() {
    return this.connection.sendRequest('specl/debug/liveNodes');
  }

  /** The server's current and peak resident memory (KiB), from /proc. */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kib = (field) =>
        Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { rssKiB: kib('VmRSS'), peakKiB: kib('VmHWM') };
    } catch {
      return { rssKiB: null, peakKiB: null };
    }
  }

  /**
   * The CPU time (user and system, ms) the server has used so far, from /proc (in clock ticks of
   * 10 ms), or null where there is no /proc.
   */
  cpuMs() {
    try {
      const stat = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8');
      // The fields after the command name (in parentheses, which may hold spaces).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return null;
    }
  }

  async stop() {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    await new Promise((resolve) => {
      if (this.child.exitCode !== null) return resolve();
      const timer = setTimeout(() => this.child.kill(), 5000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
