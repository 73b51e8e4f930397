import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Every `.specl` file git tracks in the repository, with its text. */
export const repositorySpecs: readonly (readonly [string, string])[] = execFileSync(
  'git',
  ['ls-files', '*.specl'],
  { cwd: ROOT, encoding: 'utf8' },
)
  .split('\n')
  .filter(Boolean)
  .map((file) => [file, readFileSync(join(ROOT, file), 'utf8')] as const);

/** Every specl block of the README and the docs, named by file and number. */
export const docBlocks: readonly (readonly [string, string])[] = [
  'README.md',
  'docs/language.md',
  'docs/diff.md',
].flatMap((file) =>
  [...readFileSync(join(ROOT, file), 'utf8').matchAll(/```specl\n([\s\S]*?)```/g)].map(
    (m, i) => [`${file} block ${i + 1}`, m[1]!] as const,
  ),
);
