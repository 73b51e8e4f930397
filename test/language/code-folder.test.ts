// The diff cache's toolchain stamp hashes the language's code where languageCodeFolder says it
// is: the folder above node/ (here the sources the tests run; in a build, dist), found from the
// module's own URL, which the CLI bundle's scripts are given too.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { languageCodeFolder } from '../../packages/language/src/node/code-folder.js';
import { repoRoot } from '../helpers/run-cli.js';

describe('languageCodeFolder', () => {
  it("is the language's code folder, above node/, holding the grammar and the parser", () => {
    expect(languageCodeFolder).toBe(join(repoRoot, 'packages/language/src'));
    expect(existsSync(join(languageCodeFolder, 'generated'))).toBe(true);
    expect(existsSync(join(languageCodeFolder, 'parser'))).toBe(true);
  });
});
