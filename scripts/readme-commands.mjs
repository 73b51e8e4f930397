// Prints the commands of the README's "Quick start" (the first ```sh block after that heading),
// one a line, without their comments: .ci/run runs exactly these, so CI runs what a new user
// is told to run, and a README that changes changes what CI runs.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const readme = readFileSync(resolve(import.meta.dirname, '../README.md'), 'utf8');
const start = readme.indexOf('## Quick start');
const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(start));
if (start < 0 || !block) {
  console.error('README.md has no "## Quick start" section with a ```sh block');
  process.exit(1);
}
const commands = block[1]
  .split('\n')
  .map((line) => line.replace(/\s+#.*$/, '').trim())
  .filter((line) => line !== '' && !line.startsWith('#'));
process.stdout.write(`${commands.join('\n')}\n`);
