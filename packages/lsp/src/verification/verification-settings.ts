import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';

/** The `specl.verify` settings, as the editor gives them through workspace/configuration. */
export interface VerifySettings {
  /** The implementation module, relative to the workspace root (or absolute). */
  readonly impl?: string;
  /** The base URL of a running server. */
  readonly url?: string;
  /** Runs per check (default {@link DEFAULT_RUNS}). */
  readonly runs?: number;
}

/** Runs per check when `specl.verify.runs` is not set: as `specl verify`. */
export const DEFAULT_RUNS = 100;

/** What to verify a spec against: a module in process, or a server at a URL. */
export type VerifyTarget =
  | { readonly kind: 'module'; readonly path: string }
  | { readonly kind: 'url'; readonly url: string };

/** The conventional implementation of a spec: `impl/handlers.ts` beside it. */
export function conventionalImplementation(specPath: string): string {
  return join(dirname(specPath), 'impl', 'handlers.ts');
}

/**
 * The settings in whatever shape the editor sent (a `specl.verify` section object, or
 * nothing), keeping only values of the right type.
 */
export function readVerifySettings(section: unknown): VerifySettings {
  if (typeof section !== 'object' || section === null) return {};
  const values = section as Record<string, unknown>;
  const text = (value: unknown) =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  const runs = values['runs'];
  return {
    ...(text(values['impl']) !== undefined && { impl: text(values['impl']) }),
    ...(text(values['url']) !== undefined && { url: text(values['url']) }),
    ...(typeof runs === 'number' && Number.isInteger(runs) && runs > 0 && { runs }),
  };
}

/**
 * Where to verify a spec: `specl.verify.impl` (resolved against the workspace root), else
 * `specl.verify.url`, else `impl/handlers.ts` beside the spec when it exists; undefined when
 * none applies.
 */
export function resolveVerifyTarget(
  settings: VerifySettings,
  specPath: string,
  workspaceRoot: string | undefined,
): VerifyTarget | undefined {
  if (settings.impl !== undefined) {
    const base = workspaceRoot ?? dirname(specPath);
    const path = isAbsolute(settings.impl) ? settings.impl : resolve(base, settings.impl);
    return { kind: 'module', path };
  }
  if (settings.url !== undefined) return { kind: 'url', url: settings.url };
  const conventional = conventionalImplementation(specPath);
  return existsSync(conventional) ? { kind: 'module', path: conventional } : undefined;
}

/** What the editor shows when there is nothing to verify against. */
export function notConfiguredMessage(specPath: string): string {
  return `Nothing to verify ${specPath} against: set \`specl.verify.impl\` to the implementation module (relative to the workspace folder) or \`specl.verify.url\` to a running server, or put the implementation in ${conventionalImplementation(specPath)}.`;
}
