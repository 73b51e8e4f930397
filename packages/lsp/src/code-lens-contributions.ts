import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';

/**
 * A source of code lenses, such as the verification results shown above endpoints and
 * properties. The language server composes every contribution it is given into one code-lens
 * provider; with none, it announces no code lenses at all.
 */
export interface CodeLensContribution {
  /** The lenses of one document (in any order; the server sorts them by position). */
  provideCodeLenses(document: LangiumDocument, params: CodeLensParams): MaybePromise<CodeLens[]>;
}

/** One code-lens provider that asks every contribution and merges what they answer. */
export class ComposedCodeLensProvider implements CodeLensProvider {
  constructor(private readonly contributions: readonly CodeLensContribution[]) {}

  async provideCodeLens(document: LangiumDocument, params: CodeLensParams): Promise<CodeLens[]> {
    const all = await Promise.all(
      this.contributions.map((contribution) => contribution.provideCodeLenses(document, params)),
    );
    return all
      .flat()
      .sort(
        (a, b) =>
          a.range.start.line - b.range.start.line ||
          a.range.start.character - b.range.start.character,
      );
  }
}
