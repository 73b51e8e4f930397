import type { AstNode, LangiumCoreServices, LangiumSharedCoreServices } from 'langium';
import { DocumentState } from 'langium';

/**
 * The stamp of the workspace that built each document, by the document's root: a weak map, not a
 * property added to the root after it was made, which changed the root's shape (its hidden
 * class) once typing had begun and deoptimised every function that had read a stamp until then.
 */
const stamps = new WeakMap<AstNode, MemoStamp>();

/** How many memos were made: each has its index in a generation's results. */
let memos = 0;

/**
 * The generation of the typing memos of one workspace's nodes: the service `typing.MemoStamp`.
 * It moves on whenever a document of the workspace changes or a build indexes new content (a
 * change can relink other documents, and so change the types and fields their nodes have),
 * which forgets every result memoised for the workspace's nodes, and only for them: another
 * workspace of the same process (a second language server, a test) keeps its own.
 */
export class MemoStamp {
  /**
   * The results of each memo (by its index) for this generation of the workspace: maps, not
   * weak maps, since a generation ends (and its maps go) whenever the workspace's documents
   * change, and a weak map's entries cost far more to add and to collect. The stamp of nodes no
   * workspace built keeps weak maps: nothing ends its generations but other workspaces' changes.
   *
   * Not results on the nodes themselves: a slot on every node measured slower (commit 3cb631c).
   */
  results: (MemoResults | undefined)[] = newGeneration();

  /** Subscribes to the workspace's builder, and stamps the documents it builds. */
  constructor(shared?: LangiumSharedCoreServices) {
    if (shared === undefined) return;
    const builder = shared.workspace.DocumentBuilder;
    builder.onUpdate(() => this.invalidate());
    builder.onBuildPhase(DocumentState.IndexedContent, (documents) => {
      this.invalidate();
      for (const document of documents) stampRoot(document.parseResult.value, this);
    });
  }

  /** Forgets every result memoised for this workspace's nodes. */
  invalidate(): void {
    this.results = newGeneration();
    if (this !== unstamped) unstamped.invalidate();
  }
}

/** One memo's results for one generation. */
interface MemoResults {
  get(key: AstNode): unknown;
  set(key: AstNode, value: unknown): unknown;
  delete(key: AstNode): unknown;
}

/**
 * The stamp of nodes no workspace has built (a document parsed and never built, a node made
 * by hand): it moves on with every workspace's, as one process-wide memo did.
 */
const unstamped = new MemoStamp();

/** Specl's typing services, added to the Specl module. */
export interface SpeclTypingServices {
  readonly typing: {
    /** The generation of this workspace's typing memos. */
    readonly MemoStamp: MemoStamp;
  };
}

/** The module that creates Specl's typing services. */
export const SpeclTypingModule = {
  typing: {
    MemoStamp: (services: LangiumCoreServices) => new MemoStamp(services.shared),
  },
};

function stampRoot(root: AstNode, stamp: MemoStamp): void {
  stamps.set(root, stamp);
}

function stampOf(node: AstNode): MemoStamp {
  let root = node;
  while (root.$container !== undefined) root = root.$container;
  return stamps.get(root) ?? unstamped;
}

/**
 * A new generation's results: a place for every memo made so far, so that reading a memo's
 * results is a read inside the list (a read past its end deoptimised the function that read).
 */
function newGeneration(): (MemoResults | undefined)[] {
  return new Array<MemoResults | undefined>(memos).fill(undefined);
}

/**
 * A memo keyed by AST node, valid until the next change to the node's workspace (see
 * {@link MemoStamp}): its results live in a weak map of the workspace's current generation,
 * so they go when the node goes or the workspace changes. Made once per module, not per object.
 */
export function workspaceMemo<K extends AstNode, V>(): {
  get(key: K): V | undefined;
  set(key: K, value: V): void;
  /** The results of `key`'s generation, to look a key up and then set it with one search of its stamp. */
  resultsOf(key: K): {
    get(key: K): V | undefined;
    set(key: K, value: V): unknown;
    delete(key: K): unknown;
  };
} {
  const index = memos++;
  const resultsOf = (key: K) => {
    const stamp = stampOf(key);
    return (stamp.results[index] ??= stamp === unstamped ? new WeakMap() : new Map()) as {
      get(key: K): V | undefined;
      set(key: K, value: V): unknown;
      delete(key: K): unknown;
    };
  };
  return {
    get: (key) => stampOf(key).results[index]?.get(key) as V | undefined,
    set(key, value) {
      resultsOf(key).set(key, value);
    },
    resultsOf,
  };
}
