import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import type fc from 'fast-check';
import type { SpecIR } from '@specl/compiler';
import { emitTypes, propertiesModule } from '@specl/compiler';
import { repoRoot } from '../typescript/typescript-helpers.js';

/** What a spec's generated `types.ts` and `properties.ts` export that these tests use. */
export interface LoadedProperties {
  readonly validators: Record<string, (value: unknown) => { ok: boolean }>;
  readonly arbitraries: Record<string, fc.Arbitrary<unknown>>;
  /** Everything properties.ts exports (`spec`, `endpoints`, ...). */
  readonly properties: Record<string, unknown>;
}

/** Compiles types.ts and properties.ts with esbuild into test/.work and imports both. */
export async function loadProperties(name: string, ir: SpecIR): Promise<LoadedProperties> {
  const parent = join(repoRoot, 'test/.work');
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(join(parent, `${name}-`));
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  const compile = async (file: string, source: string) => {
    const { code } = await transform(source, { loader: 'ts', format: 'esm' });
    writeFileSync(join(folder, file), code);
  };
  try {
    await compile('types.js', emitTypes(ir, {})[0]!.content);
    await compile('properties.js', propertiesModule(ir));
    const types = (await import(pathToFileURL(join(folder, 'types.js')).href)) as LoadedProperties;
    const properties = (await import(
      pathToFileURL(join(folder, 'properties.js')).href
    )) as LoadedProperties & Record<string, unknown>;
    return { validators: types.validators, arbitraries: properties.arbitraries, properties };
  } finally {
    if (!process.env['SPECL_KEEP_WORK']) rmSync(folder, { recursive: true, force: true });
  }
}
