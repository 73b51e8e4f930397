import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The folder of the language's JavaScript: its build (`dist`, above this module's `dist/node`),
 * or in the CLI's bundle the bundle's folder. The diff cache's toolchain stamp hashes the code in
 * it (packages/compiler/src/pipeline/spec-cache.ts). Found from this module's `import.meta.url`,
 * which the bundle's scripts are given too, not by resolving the package (`import.meta.resolve`,
 * which only an ES module has).
 */
export const languageCodeFolder: string = basename(here) === 'node' ? dirname(here) : here;
