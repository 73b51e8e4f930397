// In-process phase timing of a check (issue 17): CPU ms of each DocumentBuilder phase of
// checking one spec file, and with --expose-gc the live heap after each phase (after a forced
// collection). The services are those `specl check` uses (no reference index), with each
// declaration's CST built on demand unless SPECL_LAZY_CST=0.
//
// Usage: node --expose-gc bench/check-phases.mjs FILE
// (bench/lib/gen-spec.mjs `generateSpec(n)` writes the bench's spec shape.)
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const file = process.argv[2];
if (!file) {
  console.error('usage: node --expose-gc bench/check-phases.mjs FILE');
  process.exit(2);
}
const language = await import(pathToFileURL(join(ROOT, 'packages/language/dist/index.js')).href);
const { NodeFileSystem } = await import('langium/node');
const { URI } = await import('langium');
const cpu = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};
const services = language.createSpeclServices(NodeFileSystem, {
  indexReferences: false,
  lazyCst: true,
});
void services.Specl.parser.LangiumParser; // built before the clock starts
const builder = services.shared.workspace.DocumentBuilder;
const names = ['parsed', 'indexed', 'scopes', 'linked', 'references', 'validated'];
const phases = [];
let last = cpu();
const start = last;
names.forEach((name, i) =>
  builder.onBuildPhase(i + 1, () => {
    const ms = cpu() - last;
    globalThis.gc?.();
    const heap = globalThis.gc
      ? ` [${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB]`
      : '';
    phases.push(`${name} ${ms.toFixed(0)} ms${heap}`);
    last = cpu();
  }),
);
const result = await language.checkWorkspace(services.shared, [URI.file(resolve(file))]);
console.log(
  `${phases.join(', ')}; total ${(cpu() - start).toFixed(0)} ms CPU, ` +
    `${result.diagnostics.length} diagnostic(s), RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
);
