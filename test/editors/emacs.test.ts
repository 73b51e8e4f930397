import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../helpers/check.js';
import { brokenSpec, requireEditor, runEditor } from './editor-run.js';

describe('Emacs (batch, eglot and Flymake, editors/emacs)', () => {
  beforeAll(() => requireEditor('emacs', 'emacs-nox elpa-eglot'));

  it('shows the diagnostics of a broken spec, as `specl check` reports them', async () => {
    const result = runEditor('emacs', () => [
      '--batch',
      '-l',
      join(import.meta.dirname, 'emacs-diagnostics.el'),
    ]) as {
      mode: string;
      diagnostics: { line: number; column: number; type: string; text: string }[];
    };
    expect(result.mode).toBe('specl-mode');
    const expected = await checkFiles({ '/main.specl': brokenSpec }, ['/main.specl']);
    expect(
      result.diagnostics.map((d) => ({
        at: `${d.line}:${d.column + 1}`,
        type: d.type,
        text: d.text,
      })),
    ).toEqual(
      expected.map((f) => ({
        at: f.at,
        type: f.severity === 'error' ? 'eglot-error' : 'eglot-warning',
        text: expect.stringContaining(f.message),
      })),
    );
    expect(result.diagnostics).toHaveLength(2);
  });
});
