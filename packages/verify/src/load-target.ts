import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Credentials, HttpTargetOptions, Target } from '@specl/runtime';
import { TargetRefused, httpTarget, inProcessTarget } from '@specl/runtime';

/** Where requests go, made anew for each run when the implementation exports a factory. */
export interface TargetSource {
  /** A target for one run: a fresh instance from a factory, or the one object or server. */
  open(): Promise<Target>;
  readonly description: string;
  /** Whether each run gets a fresh instance (state does not leak between runs). */
  readonly fresh: boolean;
  /**
   * Whether requests travel over HTTP, where a request can break the spec (malformed JSON,
   * wrong types): the negative phase runs only then, as in-process handlers take typed values.
   */
  readonly wire?: boolean;
}

/** Thrown when the implementation module cannot be loaded or exports no handlers. */
export class TargetLoadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TargetLoadError';
  }
}

const FACTORY_NAMES = ['createHandlers', 'default'];
const OBJECT_NAMES = ['handlers', 'default'];

/**
 * Loads an in-process implementation: a TypeScript or JavaScript module (TypeScript loads
 * without a build step) that exports a factory of `Handlers` (`createHandlers`, or a default
 * function) or a `Handlers` object (`handlers`, or a default object).
 */
export async function implementationSource(
  modulePath: string,
  credentials: Credentials = {},
): Promise<TargetSource> {
  if (!existsSync(modulePath))
    throw new TargetLoadError(`cannot find the implementation ${modulePath}`);
  let module: Record<string, unknown>;
  try {
    // Loaded when needed: tsx starts esbuild, which a sandboxed verifier may not do.
    const { tsImport } = await import('tsx/esm/api');
    module = (await tsImport(pathToFileURL(modulePath).href, import.meta.url)) as Record<
      string,
      unknown
    >;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new TargetLoadError(`cannot load the implementation ${modulePath}: ${reason}`);
  }
  return sourceOfModule(module, modulePath, credentials);
}

/**
 * The target source of a module already loaded (`modulePath` names it in messages): its
 * factory of `Handlers` or its `Handlers` object, as {@link implementationSource} finds them.
 */
export function sourceOfModule(
  module: Record<string, unknown>,
  modulePath: string,
  credentials: Credentials = {},
): TargetSource {
  const factoryName = FACTORY_NAMES.find((name) => typeof module[name] === 'function');
  if (factoryName !== undefined) {
    const factory = module[factoryName] as () => unknown;
    return {
      description: `${modulePath} (${factoryName === 'default' ? 'default export' : factoryName}(), fresh for each run)`,
      fresh: true,
      async open() {
        const handlers = await factory();
        if (typeof handlers !== 'object' || handlers === null)
          throw new TargetLoadError(
            `${factoryName}() in ${modulePath} did not answer a handlers object`,
          );
        return inProcessTarget(handlers, credentials);
      },
    };
  }
  const objectName = OBJECT_NAMES.find(
    (name) => typeof module[name] === 'object' && module[name] !== null,
  );
  if (objectName === undefined)
    throw new TargetLoadError(
      `${modulePath} exports no handlers: export \`createHandlers\` (a factory, fresh state for each run) or \`handlers\` (an object)`,
    );
  const target = inProcessTarget(module[objectName] as object, credentials);
  return { description: `${modulePath} (${objectName})`, fresh: false, open: async () => target };
}

/**
 * A running HTTP server at a base URL, in any language: `options` a timeout in milliseconds,
 * or the HTTP target's options (timeout, body cap, timeouts before unreachable).
 */
export function urlSource(base: string, options: number | HttpTargetOptions): TargetSource {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new TargetLoadError(`\`${base}\` is not a URL; give one such as http://127.0.0.1:8080`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new TargetLoadError(`\`${base}\` is not an http or https URL`);
  let target: Target;
  try {
    target = httpTarget(base, typeof options === 'number' ? { timeoutMs: options } : options);
  } catch (error) {
    if (error instanceof TargetRefused) throw new TargetLoadError(error.message);
    throw error;
  }
  return { description: base, fresh: false, wire: true, open: async () => target };
}
