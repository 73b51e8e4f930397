import { LspClient } from './bench/lib/lsp-client.mjs';
import { generateSpec } from './bench/lib/gen-spec.mjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const n = 1000; const folder = '/tmp/dbg-lsp'; mkdirSync(folder, { recursive: true });
const text = generateSpec(n); const file = folder + '/b.specl'; writeFileSync(file, text);
const uri = pathToFileURL(file).href;
const c = await LspClient.start('/work/wt-lsp/cli/bin/specl-language-server.js', folder);
let t0 = performance.now();
c.connection.onNotification('textDocument/publishDiagnostics', (p) => console.log(`  publish +${(performance.now()-t0).toFixed(0)}ms`, p.diagnostics.map(d=>d.message.slice(0,40))));
await c.open(uri, text); await new Promise(r => setTimeout(r, 8000));
const lines = text.split('\n'); const line = lines.findIndex(l => l.includes(`type Thing${n/2} {`)) + 3;
const at = { line, character: lines[line].indexOf('count: Int') + 10 };
for (let i = 0; i < 6; i++) {
  t0 = performance.now();
  console.log('edit', i);
  if (i % 2 === 0) await c.edit(uri, { start: at, end: at }, 'x'); else await c.edit(uri, { start: at, end: { line: at.line, character: at.character + 1 } }, '');
  await new Promise(r => setTimeout(r, 3000));
}
console.log(c.stderr.slice(0, 2000));
await c.stop();
