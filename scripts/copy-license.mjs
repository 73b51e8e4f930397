// Run by `npm pack` / `npm publish` of a package (its `prepack` script): copies the
// repository's LICENSE into the package folder, where npm picks it up for the tarball.
import { copyFileSync } from 'node:fs';
import { resolve } from 'node:path';

copyFileSync(resolve(import.meta.dirname, '../LICENSE'), resolve(process.cwd(), 'LICENSE'));
