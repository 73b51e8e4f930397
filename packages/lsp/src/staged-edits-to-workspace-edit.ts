import { pathToFileURL } from 'node:url';
import type { Position, TextDocumentEdit, WorkspaceEdit, CreateFile } from 'vscode-languageserver';
import type { StagedEdit } from '@specl/agent';

/** The position just past the end of a text. */
function endOf(text: string): Position {
  const lines = text.split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
}

/** What the editor holds of a file: its version and text, when it is open. */
export type OpenDocumentOf = (uri: string) => { version: number; text: string } | undefined;

/**
 * One workspace edit that makes the agent's staged changes, so that the editor can undo them
 * as one step: a new file is created and filled; an existing one has its whole text replaced
 * (with the version the editor holds when it is open, so that a document changed meanwhile
 * is refused rather than overwritten).
 */
export function stagedEditsToWorkspaceEdit(
  edits: readonly StagedEdit[],
  openDocument: OpenDocumentOf,
): WorkspaceEdit {
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  for (const edit of edits) {
    const uri = pathToFileURL(edit.path).href;
    if (edit.before === null) {
      documentChanges.push({
        kind: 'create',
        uri,
        options: { overwrite: false, ignoreIfExists: false },
      });
    }
    const before = edit.before ?? '';
    documentChanges.push({
      textDocument: { uri, version: openDocument(uri)?.version ?? null },
      edits: [
        { range: { start: { line: 0, character: 0 }, end: endOf(before) }, newText: edit.after },
      ],
    });
  }
  return { documentChanges };
}

/**
 * The staged edits whose file the editor holds with other text than the run read (unsaved
 * changes): applying them would lose that text.
 */
export function editsChangedInEditor(
  edits: readonly StagedEdit[],
  openDocument: OpenDocumentOf,
): StagedEdit[] {
  return edits.filter((edit) => {
    const open = openDocument(pathToFileURL(edit.path).href);
    return open !== undefined && open.text !== (edit.before ?? '');
  });
}
