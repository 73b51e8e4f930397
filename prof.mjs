import { createSpeclLspServices } from '@specl/language/lsp';
import { EmptyFileSystem, URI, DocumentState } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateSpec } from './bench/lib/gen-spec.mjs';
const n = Number(process.argv[2] ?? 1000);
const { shared } = createSpeclLspServices(EmptyFileSystem);
const text = generateSpec(n);
const uri = 'file:///w/bench.specl';
const docs = shared.workspace.TextDocuments;
let td = TextDocument.create(uri, 'specl', 1, text);
docs.set(td);
const builder = shared.workspace.DocumentBuilder;
let t0 = performance.now(); const phases = [];
for (const s of [DocumentState.Parsed, DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]) {
  builder.onBuildPhase(s, () => { const t = performance.now(); phases.push(`${DocumentState[s]} ${(t - t0).toFixed(0)}`); t0 = t; });
}
await shared.workspace.WorkspaceManager.initializeWorkspace([]);
await builder.update([URI.parse(uri)], []);
console.log('initial', phases.join(', ')); phases.length = 0;
const lines = text.split('\n');
const line = lines.findIndex((l) => l.includes(`type Thing${n/2} {`)) + 3;
for (let i = 0; i < 8; i++) {
  const newText = lines.map((l, j) => j === line ? l.replace('count: Int', i % 2 ? 'count: Int' : 'count: Intx') : l).join('\n');
  td = TextDocument.create(uri, 'specl', i + 2, newText);
  docs.set(td);
  const start = performance.now(); t0 = start;
  await builder.update([URI.parse(uri)], []);
  const doc = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri));
  console.log(`edit ${i}: ${(performance.now() - start).toFixed(0)} ms [${phases.join(', ')}] diags ${doc.diagnostics.length}`); phases.length = 0;
}
