import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SpecIR } from '@specl/compiler';
import { emitTypes, propertiesModule } from '@specl/compiler';
import type { EndpointContract, PropertyContract } from '@specl/runtime';

/** What a compiled `properties.ts` exports, loaded. */
export interface LoadedContracts {
  readonly spec: { readonly name: string; readonly version: string; readonly fingerprint: string };
  readonly endpoints: Readonly<Record<string, EndpointContract>>;
  readonly properties: Readonly<Record<string, PropertyContract>>;
}

/** The modules generated code imports, resolved where this package resolves them. */
const SHARED_MODULES = ['@specl/runtime', 'fast-check'];

/**
 * Points the generated code's imports of `@specl/runtime` and `fast-check` at the very modules
 * the verifier itself uses (one fast-check, one runtime), wherever the code is written.
 */
function linkImports(code: string): string {
  let linked = code;
  for (const name of SHARED_MODULES) {
    const url = import.meta.resolve(name);
    linked = linked.replaceAll(`from "${name}"`, `from ${JSON.stringify(url)}`);
  }
  return linked;
}

/**
 * Compiles a spec's `types.ts` and `properties.ts`, strips their types (esbuild), and writes
 * them into `folder` (which must exist); answers the path of the properties module, which
 * {@link importContracts} loads. A sandbox that may not start esbuild loads contracts so.
 */
export async function writeContracts(ir: SpecIR, folder: string): Promise<string> {
  const write = async (file: string, source: string) => {
    // esbuild is loaded only here: every other command of the bundled CLI runs without it.
    const { transform } = await import('esbuild');
    const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'node20' });
    writeFileSync(join(folder, file), linkImports(code));
  };
  await write('types.mjs', emitTypes(ir, {})[0]!.content);
  await write(
    'properties.mjs',
    propertiesModule(ir).replaceAll("from './types.js'", "from './types.mjs'"),
  );
  return join(folder, 'properties.mjs');
}

/** Loads the contracts {@link writeContracts} wrote. */
export async function importContracts(propertiesModulePath: string): Promise<LoadedContracts> {
  return (await import(pathToFileURL(propertiesModulePath).href)) as LoadedContracts;
}

/**
 * Compiles a spec's `types.ts` and `properties.ts` in memory, strips their types (esbuild),
 * and imports them from a temporary folder, removed again once loaded.
 */
export async function loadContracts(ir: SpecIR): Promise<LoadedContracts> {
  const folder = mkdtempSync(join(tmpdir(), 'specl-verify-'));
  try {
    return await importContracts(await writeContracts(ir, folder));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
