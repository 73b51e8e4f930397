import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkSources } from '@specl/language';
import { checkSpecFiles } from '@specl/language/node';
import { tempProject } from '../helpers/run-cli.js';

describe('checkSpecFiles', () => {
  it('lists a root it cannot read instead of checking it as empty', async () => {
    const folder = tempProject({ 'ok.specl': 'spec A version "1.0.0"\n' });
    const unreadable = join(folder, 'folder.specl');
    mkdirSync(unreadable);
    const result = await checkSpecFiles([join(folder, 'ok.specl'), unreadable]);
    expect(result.unreadable).toEqual([pathToFileURL(unreadable).toString()]);
    expect(result.uris).toEqual([pathToFileURL(join(folder, 'ok.specl')).toString()]);
  });
});

describe('checkSources', () => {
  it('reads relative paths as absolute', async () => {
    const result = await checkSources({ 'a.specl': 'spec A version "1.0.0"\ntype R { n: Strin }' });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['specl/unknown-type']);
  });

  it('refuses a root it was given no text for', async () => {
    await expect(
      checkSources({ '/a.specl': 'spec A version "1.0.0"' }, ['/b.specl']),
    ).rejects.toThrow('checkSources: no text for file:///b.specl among the files given');
  });
});
