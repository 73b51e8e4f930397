import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importOpenApi } from '@specl/import';
import { lowerFiles } from '../helpers/lower.js';
import { repoRoot } from '../helpers/run-cli.js';

/**
 * The examples' compiled OpenAPI documents carry their specs (invariants, requires, ensures and
 * properties as x-specl-* extensions): imported back, they give the very same spec, down to its
 * fingerprint, with no warning — v0.1 constructs included (auth and security, servers with
 * variables, license, contact, tags, bodyless errors, text, bytes and multipart bodies,
 * examples, operation summaries).
 */
describe('importing what Specl compiled', () => {
  it.each(['vacation', 'ach-payments', 'product-similarity'])(
    '%s: imports with no warning, to the fingerprint of the spec it was compiled from',
    async (name) => {
      const file = join(repoRoot, 'examples', name, 'generated/openapi.json');
      const result = await importOpenApi(file, file);
      expect(result.warnings).toEqual([]);
      const ir = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
      const compiled = JSON.parse(readFileSync(file, 'utf8')) as { info: Record<string, string> };
      expect(ir.fingerprint).toBe(compiled.info['x-specl-fingerprint']);
    },
  );
});
