import { lstatSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { PathRefused, resolveImplPath } from './impl-path.js';
import { isCaseInsensitiveAt, protectedName } from './protected-names.js';
import type { CheckedRoot, PendingWrite } from './safe-write.js';
import { RedirectedWrite, checkRoot, prepareWrite, readInside, writeInside } from './safe-write.js';
import { buildShadowTree, shadowAnchor } from './shadow-tree.js';

/** A file the agent changed: where, what it held before (`null`: it is new), what it holds now. */
export interface StagedEdit {
  /** The absolute path of the file in the real implementation folder. */
  readonly path: string;
  /** The path relative to the implementation folder, with `/`. */
  readonly relative: string;
  readonly before: string | null;
  readonly after: string;
}

/** Thrown when the staged changes cannot be applied; nothing was changed. */
export class ApplyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApplyError';
  }
}

/** The largest file the model may write, and how many files it may change. */
const MAX_FILE_BYTES = 512 * 1024;
const MAX_FILES = 50;
const MAX_LISTED = 500;

/**
 * The implementation folder as the agent sees it: a copy in a temporary shadow tree, where
 * the model's writes land and the verifier runs, while the real folder stays untouched until
 * {@link apply}. Every path goes through {@link resolveImplPath}; every read and write, in
 * the copy and in the real folder, reaches its file without following links (code the model
 * wrote runs in the copy and may have planted some), and lands by rename in the folder it
 * was checked in.
 */
export class StagedImpl {
  private readonly edits = new Map<string, { before: string | null; after: string }>();
  private readonly realRoot: CheckedRoot;
  private readonly stagedRoot: CheckedRoot;

  private constructor(
    readonly folder: {
      readonly given: string;
      readonly real: string;
      readonly caseInsensitive: boolean;
    },
    /** The temporary tree: the stage of the implementation folder and its neighbours. */
    readonly stageRoot: string,
    /** The copy of the implementation folder, where the verifier runs. */
    readonly stagedFolder: string,
    /** The folder the stage mirrors (the project around the implementation). */
    readonly anchor: string,
  ) {
    this.realRoot = checkRoot(folder.real);
    this.stagedRoot = checkRoot(stagedFolder);
  }

  /** Stages `implDir` (which must exist) in a new temporary folder. */
  static create(implDir: string, specDir: string): StagedImpl {
    const real = realpathSync(implDir);
    const stageRoot = realpathSync(mkdtempSync(join(tmpdir(), 'specl-agent-')));
    try {
      const anchor = shadowAnchor(real, realpathSync(specDir));
      const staged = buildShadowTree(anchor, real, stageRoot);
      const caseInsensitive = isCaseInsensitiveAt(real);
      return new StagedImpl({ given: implDir, real, caseInsensitive }, stageRoot, staged, anchor);
    } catch (error) {
      rmSync(stageRoot, { recursive: true, force: true });
      throw error;
    }
  }

  /** The files of the folder (or of a folder inside it), one a line with its size. */
  list(requested: unknown = '.'): string {
    const start = resolveImplPath(requested, this.folder, 'read');
    const root = join(this.stagedFolder, start);
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
      throw new PathRefused(`\`${String(requested)}\` is not a folder`);
    const lines: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
        a.name < b.name ? -1 : 1,
      )) {
        if (protectedName(entry.name, this.folder.caseInsensitive) !== undefined) continue;
        const full = join(dir, entry.name);
        const rel = relative(this.stagedFolder, full).split(sep).join('/');
        if (lines.length >= MAX_LISTED) return;
        if (entry.isSymbolicLink()) lines.push(`${rel} (symlink)`);
        else if (entry.isDirectory()) walk(full);
        else
          lines.push(
            `${rel} (${lstatSync(full).size} bytes${this.edits.has(rel) ? ', changed' : ''})`,
          );
      }
    };
    walk(root);
    return lines.length === 0 ? '(no files)' : lines.join('\n');
  }

  /** The text of a file, as staged. */
  read(requested: unknown): string {
    const rel = resolveImplPath(requested, this.folder, 'read');
    const text = readInside(this.stagedRoot, rel);
    if (text === null) throw new PathRefused(`\`${String(requested)}\` is not a file that exists`);
    return text;
  }

  /** Stages a file's new content; answers its path relative to the folder. */
  write(requested: unknown, content: unknown): string {
    const rel = resolveImplPath(requested, this.folder, 'write');
    if (typeof content !== 'string')
      throw new PathRefused('`content` must be the whole file, as text');
    if (Buffer.byteLength(content) > MAX_FILE_BYTES)
      throw new PathRefused(`a file may hold at most ${MAX_FILE_BYTES} bytes`);
    if (!this.edits.has(rel) && this.edits.size >= MAX_FILES)
      throw new PathRefused(`a run may change at most ${MAX_FILES} files`);
    const before = this.edits.has(rel)
      ? this.edits.get(rel)!.before
      : readInside(this.realRoot, rel);
    try {
      writeInside(this.stagedRoot, rel, content);
    } catch (error) {
      if (error instanceof RedirectedWrite)
        throw new PathRefused(
          `\`${String(requested)}\` cannot be written: ${error.message.split(this.stagedFolder).join('the folder')}`,
        );
      throw error;
    }
    if (before === content) this.edits.delete(rel);
    else this.edits.set(rel, { before, after: content });
    return rel;
  }

  /** The changes staged so far, by path. */
  stagedEdits(): StagedEdit[] {
    return [...this.edits.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([rel, edit]) => ({ path: join(this.folder.real, rel), relative: rel, ...edit }));
  }

  /** The staged changes as a unified diff, paths shown relative to `base`. */
  diff(base: string): string {
    return this.stagedEdits()
      .map((edit) => {
        const shown = relative(base, join(this.folder.given, edit.relative)).split(sep).join('/');
        return createTwoFilesPatch(
          edit.before === null ? '/dev/null' : `a/${shown}`,
          `b/${shown}`,
          edit.before ?? '',
          edit.after,
          undefined,
          undefined,
        ).replace(/^=+\n/m, '');
      })
      .join('');
  }

  /**
   * Writes the staged changes into the real folder, all or none: each to a temporary file
   * beside it first (its folder reached without following links, from the real folder as
   * checked at the start), then every one renamed into place within the folder it was
   * written in. Refuses when a file changed since the run read it, or when a folder on the
   * way became a symlink.
   */
  apply(): StagedEdit[] {
    const edits = this.stagedEdits();
    for (const edit of edits)
      if (readInside(this.realRoot, edit.relative) !== edit.before)
        throw new ApplyError(
          `${edit.relative} changed while the agent ran; nothing was written (run again)`,
        );
    const pending: PendingWrite[] = [];
    try {
      for (const edit of edits)
        pending.push(prepareWrite(this.realRoot, edit.relative, edit.after));
    } catch (error) {
      for (const write of pending) write.abort();
      throw new ApplyError(
        `cannot write the changes (${(error as Error).message}); nothing was written`,
      );
    }
    for (const write of pending) write.commit();
    return edits;
  }

  /** Removes the temporary tree. */
  dispose(): void {
    rmSync(this.stageRoot, { recursive: true, force: true });
  }
}
