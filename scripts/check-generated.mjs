// Regenerates the Langium AST from grammar/specl.langium into a temporary folder and fails
// when it differs from the committed packages/language/src/generated (drift).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const committed = join(root, 'packages/language/src/generated');
const temp = mkdtempSync(join(tmpdir(), 'specl-generated-'));
try {
  const config = JSON.parse(readFileSync(join(root, 'langium-config.json'), 'utf8'));
  config.languages = config.languages.map((l) => ({ ...l, grammar: join(root, l.grammar) }));
  config.out = join(temp, 'out');
  const configFile = join(temp, 'langium-config.json');
  writeFileSync(configFile, JSON.stringify(config));
  const langium = join(root, 'node_modules/langium-cli/bin/langium.js');
  execFileSync(process.execPath, [langium, 'generate', '--file', configFile], { stdio: 'pipe' });
  const fresh = readdirSync(config.out).sort();
  const existing = readdirSync(committed).sort();
  const drifted = [...new Set([...fresh, ...existing])].filter((file) => {
    const read = (folder) => {
      try {
        return readFileSync(join(folder, file), 'utf8');
      } catch {
        return undefined;
      }
    };
    return read(config.out) !== read(committed);
  });
  if (drifted.length > 0) {
    console.error(
      `generated code is out of date with grammar/specl.langium: ${drifted.join(', ')}`,
    );
    console.error('run `npm run langium:generate` and commit the result');
    process.exit(1);
  }
  console.log('generated code matches grammar/specl.langium');
} finally {
  rmSync(temp, { recursive: true, force: true });
}
