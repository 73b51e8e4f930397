import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { SourceLocation } from '../ir/spec-ir.js';

/**
 * Locates nodes for the IR: paths relative to the root spec's folder (so that outputs are the
 * same on every machine), lines and columns 1-based.
 */
export class Locator {
  private readonly rootFolder: string;

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

  /** Where a node starts. */
  locate(node: AstNode): SourceLocation {
    const start = node.$cstNode?.range.start ?? { line: 0, character: 0 };
    return {
      file: this.relative(AstUtils.getDocument(node).uri.path),
      line: start.line + 1,
      column: start.character + 1,
    };
  }
}
