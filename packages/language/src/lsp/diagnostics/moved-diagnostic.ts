import type { Diagnostic, Range } from 'vscode-languageserver-types';

/**
 * A diagnostic (with the edits of its fixes) moved down by some lines: the diagnostics of a
 * declaration an edit did not reach, when lines were added or removed above it.
 */
export function movedDiagnostic(diagnostic: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return diagnostic;
  const move = (range: Range): Range => ({
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  });
  const data = diagnostic.data as
    { fixes?: { title: string; edits?: { range: Range; newText: string }[] }[] } | undefined;
  return {
    ...diagnostic,
    range: move(diagnostic.range),
    ...(data?.fixes
      ? {
          data: {
            ...data,
            fixes: data.fixes.map((fix) => ({
              ...fix,
              ...(fix.edits
                ? { edits: fix.edits.map((edit) => ({ ...edit, range: move(edit.range) })) }
                : {}),
            })),
          },
        }
      : {}),
  };
}
