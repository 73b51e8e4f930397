import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transform } from 'esbuild';
import type { SpecIR } from '@specl/compiler';
import { emitTypes } from '@specl/compiler';
import { lowerFiles, lowerSource as lower } from '../../helpers/lower.js';

/** The repository root. */
export const repoRoot = resolve(import.meta.dirname, '../../..');

export { HEADER } from '../../helpers/check.js';
export { lowerFiles, lowerSource as lower } from '../../helpers/lower.js';

/** The IR of the vacation example (examples/vacation/vacation.specl). */
export async function vacationIr(): Promise<SpecIR> {
  const text = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');
  return lowerFiles({ '/vacation.specl': text }, '/vacation.specl');
}

/** The `types.ts` of a spec given inline. */
export async function typesOf(
  source: string,
  others: Record<string, string> = {},
): Promise<string> {
  const files = emitTypes(await lower(source, others), {});
  return files[0]!.content;
}

/**
 * A fresh folder under `test/.work` (git-ignored, inside the repository so that
 * `@specl/runtime` resolves through the workspace's node_modules), with `generated/types.ts`.
 * Code goes under `generated/`, which lint leaves alone.
 */
function workFolder(name: string, types: string): string {
  const parent = join(repoRoot, 'test/.work');
  mkdirSync(parent, { recursive: true });
  const folder = mkdtempSync(join(parent, `${name}-`));
  mkdirSync(join(folder, 'generated'));
  writeFileSync(join(folder, 'generated/types.ts'), types);
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  return folder;
}

/** Removes a work folder, unless SPECL_KEEP_WORK is set (to read what a failing test wrote). */
function removeWorkFolder(folder: string): void {
  if (!process.env['SPECL_KEEP_WORK']) rmSync(folder, { recursive: true, force: true });
}

/** Compiler options a strict project might use, beyond `--strict`. */
const STRICT_OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  lib: ['ES2023'],
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  types: [],
  noUnusedLocals: true,
  noUnusedParameters: true,
  noImplicitReturns: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  noPropertyAccessFromIndexSignature: true,
  verbatimModuleSyntax: true,
  isolatedModules: true,
};

/**
 * Type-checks a generated `types.ts` with `tsc` (the repository's), `strict` and more, with
 * `extra` TypeScript files beside it (which import it as `./types.js`; a path with folders,
 * such as `b/types.ts`, puts one in a folder of its own); answers tsc's output, empty when
 * everything compiles.
 */
export function typeCheck(name: string, types: string, extra: Record<string, string> = {}): string {
  const folder = workFolder(name, types);
  for (const [path, text] of Object.entries(extra)) {
    mkdirSync(dirname(join(folder, 'generated', path)), { recursive: true });
    writeFileSync(join(folder, 'generated', path), text);
  }
  const files = ['types.ts', ...Object.keys(extra)].map((path) => `generated/${path}`);
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: STRICT_OPTIONS, files }, null, 2),
  );
  const tsc = join(repoRoot, 'node_modules/.bin/tsc');
  const run = spawnSync(tsc, ['-p', folder], { encoding: 'utf8' });
  const output = `${run.stdout}${run.stderr}`.trim();
  removeWorkFolder(folder);
  return output;
}

/** A generated module loaded for tests: its exports by name. */
export type GeneratedModule = Record<string, unknown>;

/** Compiles a generated `types.ts` to JavaScript (esbuild strips the types) and imports it. */
export async function load(name: string, types: string): Promise<GeneratedModule> {
  const folder = workFolder(name, types);
  const { code } = await transform(types, { loader: 'ts', format: 'esm' });
  const file = join(folder, 'generated/types.mjs');
  writeFileSync(file, code);
  try {
    return (await import(pathToFileURL(file).href)) as GeneratedModule;
  } finally {
    removeWorkFolder(folder);
  }
}

/** A validator of a loaded module, by type name. */
export type Validator = (value: unknown, path?: string) => unknown;

/** The validator of a type in a loaded module. */
export function validatorOf(module: GeneratedModule, typeName: string): Validator {
  const validators = module['validators'] as Record<string, Validator>;
  const validator = validators[typeName];
  if (!validator) throw new Error(`no validator for ${typeName}`);
  return validator;
}

/** The result of a failed validation, for exact expectations. */
export function failure(path: string, message: string) {
  return { ok: false, path, message };
}

/** The result of a successful validation. */
export const OK = { ok: true };
