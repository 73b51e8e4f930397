import { it } from 'vitest';
import { readFileSync } from 'node:fs';
import { checkSources } from '@specl/language';

it('repro', async () => {
  const text = readFileSync(process.env.F ?? '/tmp/r.specl', 'utf8');
  const result = await checkSources({ '/main.specl': text }, ['/main.specl']);
  console.log(
    result.diagnostics
      .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`)
      .join('\n') || 'CLEAN',
  );
});
