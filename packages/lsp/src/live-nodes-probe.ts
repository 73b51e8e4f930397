import type { AstNode } from 'langium';
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { ResponseError } from 'vscode-languageserver';

/** The debug request {@link installLiveNodesProbe} answers. */
export const LIVE_NODES_REQUEST = 'specl/debug/liveNodes';

/** What {@link LIVE_NODES_REQUEST} answers, after two full garbage collections. */
export interface LiveNodes {
  /** How many documents' roots and declarations were ever parsed (tracked). */
  readonly tracked: number;
  /** How many of them are still in memory. */
  readonly alive: number;
  /** How many of them the workspace holds now (its documents' roots and declarations). */
  readonly current: number;
  /** The bytes of the JavaScript heap in use after the collections. */
  readonly heapUsed: number;
}

/**
 * A debug request for tests and benchmarks (on when the environment variable
 * `SPECL_LSP_DEBUG_LIVE` is `1`, and Node runs with `--expose-gc`): the roots and top-level
 * declarations of every document the server parsed are watched through weak references, and
 * {@link LIVE_NODES_REQUEST} collects garbage and counts those still in memory against those the
 * workspace holds (and gives the heap in use then). A server that keeps what edits replaced has
 * more alive than current.
 */
export function installLiveNodesProbe(shared: LangiumSharedServices, connection: Connection): void {
  const tracked = new WeakSet<AstNode>();
  const refs: WeakRef<AstNode>[] = [];
  const track = (node: AstNode) => {
    if (tracked.has(node)) return;
    tracked.add(node);
    refs.push(new WeakRef(node));
  };
  const nodesOf = (root: AstNode): AstNode[] => [
    root,
    ...(((root as { declarations?: AstNode[] }).declarations ?? []) as AstNode[]),
  ];
  const isUser = (uri: { scheme: string }) => uri.scheme === 'file';
  shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Parsed, (documents) => {
    for (const document of documents) {
      if (isUser(document.uri)) for (const node of nodesOf(document.parseResult.value)) track(node);
    }
  });
  connection.onRequest(LIVE_NODES_REQUEST, (): LiveNodes | ResponseError<void> => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (!gc) return new ResponseError(-32603, 'start the server with `node --expose-gc`');
    gc();
    gc();
    const alive = refs.filter((ref) => ref.deref() !== undefined).length;
    let current = 0;
    for (const document of shared.workspace.LangiumDocuments.all) {
      if (isUser(document.uri)) current += nodesOf(document.parseResult.value).length;
    }
    return { tracked: refs.length, alive, current, heapUsed: process.memoryUsage().heapUsed };
  });
}
