import type { LangiumDocument } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command, Diagnostic } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver';
import { fixesOf } from '../../validation/fixes.js';

/**
 * Quick fixes: each diagnostic with a known fix (a did-you-mean, a missing import, a missing
 * argument, a malformed version, ...) offers it. The fixes come from the checker itself (in
 * the diagnostics' data), looked up in the server's own diagnostics of the document, so that
 * they do not depend on the editor sending the data back.
 */
export class SpeclCodeActionProvider implements CodeActionProvider {
  getCodeActions(document: LangiumDocument, params: CodeActionParams): Array<Command | CodeAction> {
    const actions: CodeAction[] = [];
    for (const diagnostic of params.context.diagnostics) {
      const known = (document.diagnostics ?? []).find((d) => sameDiagnostic(d, diagnostic));
      const fixes = fixesOf(known ?? diagnostic);
      for (const fix of fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fixes.length === 1,
          edit: { changes: { [document.uri.toString()]: [...fix.edits] } },
        });
      }
    }
    return actions;
  }
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.message === b.message &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
