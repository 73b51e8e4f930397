import type { AstNode, Reference } from 'langium';
import { AstUtils } from 'langium';
import { nodeStart, referenceStart } from '@specl/language';
import { LoweredLocation } from '../ir/lowered-location.js';
import type { SourceLocation } from '../ir/spec-ir.js';

/**
 * Locates nodes for the IR: paths relative to the root spec's folder (so that outputs are the
 * same on every machine), lines and columns 1-based; each a {@link LoweredLocation}.
 */
export class Locator {
  private readonly rootFolder: string;
  /** Each file's relative path, worked out once (a large spec has thousands of locations a file). */
  private readonly relativePaths = new Map<string, string>();

  constructor(rootPath: string) {
    this.rootFolder = rootPath.split('/').slice(0, -1).join('/');
  }

  /** The path of a file relative to the root spec's folder, with `/` separators. */
  relative(path: string): string {
    const from = this.rootFolder.split('/');
    const to = path.split('/');
    let common = 0;
    while (common < from.length && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
  }

  /** Where a node starts (read without building a CST parsed on demand: see `nodeStart`). */
  locate(node: AstNode): SourceLocation {
    return this.at(node, nodeStart(node));
  }

  /** Where a reference written in `container` (`errors NotFound`: the name) starts. */
  locateReference(container: AstNode, reference: Reference): SourceLocation {
    return this.at(container, referenceStart(container, reference) ?? nodeStart(container));
  }

  /** The start of a file (of its absolute path). */
  fileStart(path: string): SourceLocation {
    return new LoweredLocation(this.relative(path), 1, 1);
  }

  private at(node: AstNode, start = { line: 0, character: 0 }): SourceLocation {
    const path = AstUtils.getDocument(node).uri.path;
    let file = this.relativePaths.get(path);
    if (file === undefined) {
      file = this.relative(path);
      this.relativePaths.set(path, file);
    }
    return new LoweredLocation(file, start.line + 1, start.character + 1);
  }
}
