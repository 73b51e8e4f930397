import type { LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { URI } from 'langium';
import type { FormatResult } from './formatting/format-spec.js';
import { formatSpec } from './formatting/format-spec.js';
import { createSpeclServices } from './specl-module.js';
import { BUILTIN_SCHEME } from './workspace/builtins.js';
import type { CheckResult } from './workspace/spec-workspace.js';
import { checkWorkspace } from './workspace/spec-workspace.js';
import { ReaderFileSystem } from './workspace/reader-file-system.js';

let shared: LangiumSharedCoreServices | undefined;
const fileSystem = new ReaderFileSystem(async () => undefined);
let queue: Promise<unknown> = Promise.resolve();

/**
 * Checks specs held in memory: `files` maps absolute paths (`/app/main.specl`) to their
 * text. The files named in `roots` (default: all) are checked with what they import.
 *
 * Calls share one set of services (building Langium's parser is the costly part of a small
 * check) and run one at a time; each starts from an empty workspace.
 */
export function checkSources(
  files: Record<string, string>,
  roots?: readonly string[],
): Promise<CheckResult> {
  const run = async () => {
    shared ??= createSpeclServices(
      { fileSystemProvider: () => fileSystem },
      { indexReferences: false },
    ).shared;
    const previous = shared.workspace.LangiumDocuments.all
      .filter((document) => document.uri.scheme !== BUILTIN_SCHEME)
      .map((document) => document.uri)
      .toArray();
    await shared.workspace.DocumentBuilder.update([], previous);
    // Paths are read as absolute: `a.specl` is `/a.specl`.
    const byPath = new Map(
      Object.entries(files).map(([path, text]) => [URI.file(path).path, text]),
    );
    fileSystem.setReader(async (uri) => (uri.scheme === 'file' ? byPath.get(uri.path) : undefined));
    const uris = (roots ?? Object.keys(files)).map((path) => URI.file(path));
    const result = await checkWorkspace(shared, uris);
    if (result.unreadable.length > 0) {
      throw new Error(
        `checkSources: no text for ${result.unreadable.join(', ')} among the files given`,
      );
    }
    return result;
  };
  const result = queue.then(run);
  queue = result.catch(() => undefined);
  return result;
}

/**
 * A document that {@link checkSources} built (one of its result's `documents`), formatted as
 * `specl fmt` formats it: for a caller that checks text and then formats it, without parsing
 * it twice. Call it before the next check, which lets the document go.
 */
export function formatChecked(document: LangiumDocument): FormatResult {
  if (!shared) throw new Error('formatChecked: no document was checked with checkSources');
  return formatSpec(document, shared.ServiceRegistry.getServices(document.uri).parser.Lexer);
}
