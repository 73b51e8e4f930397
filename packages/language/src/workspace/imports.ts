import type { LangiumDocument, LangiumDocuments } from 'langium';
import type { URI } from 'langium';
import { UriUtils } from 'langium';
import type { Import, SpecFile } from '../generated/ast.js';

/** The URI an `import "path"` names: relative to the importing file. */
export function resolveImportUri(document: LangiumDocument, path: string): URI {
  return UriUtils.resolvePath(UriUtils.dirname(document.uri), path);
}

/** The URIs a document imports directly, as strings, for every import that has a path. */
export function importedUris(document: LangiumDocument<SpecFile>): string[] {
  return document.parseResult.value.imports
    .filter((imp: Import) => typeof imp.path === 'string' && imp.path.length > 0)
    .map((imp) => resolveImportUri(document, imp.path).toString());
}

/**
 * The path an `import` in `from` would use to name `to`: relative to `from`'s folder and
 * starting with `.` (`./lib/common.specl`, `../shared/types.specl`). Messages name other files
 * this way, so that they read the same on every machine.
 */
export function importPathBetween(from: URI, to: URI): string {
  const fromFolder = from.path.split('/').slice(0, -1);
  const target = to.path.split('/');
  let common = 0;
  while (common < fromFolder.length && fromFolder[common] === target[common]) common++;
  const relative = [...fromFolder.slice(common).map(() => '..'), ...target.slice(common)].join('/');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The documents a document imports and the workspace holds, in import order, itself excluded. */
export function importedDocuments(
  document: LangiumDocument<SpecFile>,
  documents: LangiumDocuments,
): LangiumDocument<SpecFile>[] {
  return document.parseResult.value.imports
    .filter((imp) => imp.path?.endsWith('.specl'))
    .map((imp) => documents.getDocument(resolveImportUri(document, imp.path)))
    .filter(
      (imported): imported is LangiumDocument<SpecFile> =>
        imported !== undefined && imported !== document,
    );
}
