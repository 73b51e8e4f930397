import { realpathSync } from 'node:fs';
import { basename, dirname, extname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import $RefParser from '@apidevtools/json-schema-ref-parser';
import { ImportError } from './import-error.js';
import { defaultMaxBytes, readBounded, readDocument } from './read-document.js';
import { scanRefs } from './scan-refs.js';
import { convertSwagger } from './convert-swagger.js';
import { hoistSchemas } from './hoist-schemas.js';

/** What the source document was written in. */
export type SourceVersion = '2.0' | '3.0' | '3.1';

/** An OpenAPI 3.x document, its external refs bundled in, ready to translate. */
export interface LoadedOpenApi {
  readonly document: Record<string, unknown>;
  readonly sourceVersion: SourceVersion;
  /** A Swagger 2.0 document as written (its refs local), before its conversion to `document`. */
  readonly swagger?: Record<string, unknown>;
}

/** How to load a document. */
export interface LoadOptions {
  /** Fetch `$ref`s to http(s) URLs (default: refuse them). */
  readonly allowRemote?: boolean;
  /** The largest document read, in bytes (default 16 MB). */
  readonly maxBytes?: number;
  /**
   * The folder that `$ref`s to files must stay inside (default: {@link defaultRefRoot} of the
   * process's working folder): a document cannot bring in a file from elsewhere on the machine.
   */
  readonly refRoot?: string;
}

/**
 * The folder a document's `$ref`s to files may reach by default: the working folder `cwd`
 * (the project) when the document lies inside it, else the document's own folder.
 */
export function defaultRefRoot(path: string, cwd: string): string {
  const folder = dirname(resolve(cwd, path));
  const project = resolve(cwd);
  return folder === project || folder.startsWith(project + sep) ? project : folder;
}

/** Files a `$ref` brings in as data; any other file is brought in as text (a description). */
const DOCUMENT_FILE = /\.(json|ya?ml)$/i;

/**
 * Reads an OpenAPI 3.0/3.1 or Swagger 2.0 document (JSON or YAML) from `path`, checks its
 * `$ref`s (local ones resolve, remote ones only when allowed, no ref cycles), bundles the
 * files it refers to into it, and converts Swagger 2.0 to OpenAPI 3.0.
 */
export async function loadOpenApi(
  path: string,
  shown: string,
  options: LoadOptions = {},
): Promise<LoadedOpenApi> {
  const parsed = readDocument(path, shown, options.maxBytes ?? defaultMaxBytes);
  return loadParsed(parsed, path, options);
}

/** {@link loadOpenApi} of a document already parsed (`path` places its relative refs). */
export async function loadParsed(
  parsed: unknown,
  path: string,
  options: LoadOptions = {},
): Promise<LoadedOpenApi> {
  const sourceVersion = versionOf(parsed);
  let document = parsed as Record<string, unknown>;
  const scan = scanRefs(document, options.allowRemote === true);
  const preferredNames = new Map<string, string>();
  for (const { ref, pointer } of scan.external) {
    const site = pointer.replace(/\/\$ref$/, '');
    const fragment = ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : '';
    const key =
      fragment.split('/').filter(Boolean).at(-1) ??
      basename(ref.split('#')[0]!, extname(ref.split('#')[0]!));
    if (!preferredNames.has(site))
      preferredNames.set(site, key.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  if (scan.external.length > 0) {
    document = await bundle(document, path, options, scan.external);
    hoistSchemas(document, preferredNames, sourceVersion === '2.0');
  }
  if (sourceVersion === '2.0') {
    return { document: await convertSwagger(document), sourceVersion, swagger: document };
  }
  return { document, sourceVersion };
}

function versionOf(parsed: unknown): SourceVersion {
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ImportError('not an OpenAPI document: its root is not an object', '#');
  }
  const root = parsed as Record<string, unknown>;
  if (root.openapi !== undefined) {
    const version = String(root.openapi);
    if (/^3\.0\.\d+$/.test(version)) return '3.0';
    if (/^3\.1\.\d+$/.test(version)) return '3.1';
    throw new ImportError(
      `unsupported OpenAPI version \`${version}\`; specl import reads OpenAPI 3.0.x, 3.1.x and Swagger 2.0`,
      '#/openapi',
    );
  }
  if (root.swagger !== undefined) {
    if (String(root.swagger) === '2.0') return '2.0';
    throw new ImportError(
      `unsupported Swagger version \`${String(root.swagger)}\`; specl import reads Swagger 2.0 and OpenAPI 3.0.x, 3.1.x`,
      '#/swagger',
    );
  }
  throw new ImportError(
    'not an OpenAPI document: its root has neither `openapi` nor `swagger`',
    '#',
  );
}

async function bundle(
  document: Record<string, unknown>,
  path: string,
  options: LoadOptions,
  external: readonly { ref: string; pointer: string }[],
): Promise<Record<string, unknown>> {
  const first = external[0]!;
  /** Why the reader refused a file: the bundler keeps only its own message. */
  let refused: { error: ImportError; file: string } | undefined;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const root = realFolder(options.refRoot ?? defaultRefRoot(path, process.cwd()));
  const file = {
    order: 100,
    canRead: (info: { url: string }) => !/^https?:/i.test(info.url),
    read: (info: { url: string }) => {
      const local = info.url.startsWith('file:') ? fileURLToPath(info.url) : info.url;
      const shown = relative(root, local) || local;
      try {
        confine(local, shown, root);
        if (!DOCUMENT_FILE.test(local)) return readBounded(local, shown, maxBytes);
        return JSON.stringify(readDocument(local, shown, maxBytes));
      } catch (error) {
        if (error instanceof ImportError) refused = { error, file: local };
        throw error;
      }
    },
  };
  // A file that is not JSON or YAML (Markdown, a code sample) is text, as Redocly bundles it.
  const text = { order: 50, canParse: (info: { url: string }) => !DOCUMENT_FILE.test(info.url) };
  try {
    const bundled = await $RefParser.bundle(resolve(path), structuredClone(document), {
      resolve: {
        file,
        http: options.allowRemote === true ? { timeout: 10_000, redirects: 2 } : false,
        external: true,
      },
      parse: { text, binary: false },
      dereference: { circular: true },
    } as never);
    const again = scanRefs(bundled, false);
    if (again.external.length > 0) {
      throw new ImportError(
        `$ref \`${again.external[0]!.ref}\` could not be bundled`,
        again.external[0]!.pointer,
      );
    }
    return bundled as unknown as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ImportError) throw error;
    if (refused !== undefined) {
      const { file } = refused;
      const site = external.find(({ ref }) => resolve(dirname(path), ref.split('#')[0]!) === file);
      throw new ImportError(refused.error.message, site?.pointer);
    }
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ImportError(
      `cannot resolve the $refs to other files (the first is \`${first.ref}\`, relative to ${dirname(path)}): ${message}`,
      first.pointer,
    );
  }
}

function realFolder(folder: string): string {
  try {
    return realpathSync(folder);
  } catch {
    return resolve(folder);
  }
}

/**
 * Refuses a file outside `root`, after following links: an imported document is not trusted
 * to name what it reads.
 */
function confine(local: string, shown: string, root: string): void {
  let real: string;
  try {
    real = realpathSync(local);
  } catch {
    return; // missing: reading it says so
  }
  if (real === root || real.startsWith(root + sep)) return;
  throw new ImportError(
    `\`$ref\` to \`${shown}\` leaves the folder ${root}: a document may only bring in files under it; copy the file there, or name a wider folder with --ref-root`,
  );
}
