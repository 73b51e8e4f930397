import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../helpers/check.js';
import { brokenSpec, requireEditor, runEditor } from './editor-run.js';

describe('Neovim (headless, built-in LSP client, editors/neovim)', () => {
  beforeAll(() => requireEditor('nvim', 'neovim'));

  it('shows the diagnostics of a broken spec, as `specl check` reports them', async () => {
    const result = runEditor('nvim', (spec) => [
      '--headless',
      '-i',
      'NONE',
      '-u',
      join(import.meta.dirname, 'nvim-diagnostics.lua'),
      spec,
    ]) as {
      ok: boolean;
      filetype: string;
      commentstring: string;
      clients: number;
      diagnostics: {
        lnum: number;
        col: number;
        severity: number;
        message: string;
        source: string;
        code: string;
      }[];
    };
    expect(result.ok).toBe(true);
    expect(result.filetype).toBe('specl');
    expect(result.commentstring).toBe('// %s');
    expect(result.clients).toBe(1);
    const expected = await checkFiles({ '/main.specl': brokenSpec }, ['/main.specl']);
    expect(
      result.diagnostics.map((d) => ({
        at: `${d.lnum + 1}:${d.col + 1}`,
        severity: d.severity === 1 ? 'error' : 'warning',
        message: d.message,
        source: d.source,
      })),
    ).toEqual(
      expected.map((f) => ({
        at: f.at,
        severity: f.severity,
        message: f.message,
        source: 'specl',
      })),
    );
    expect(result.diagnostics).toHaveLength(2);
  });
});
