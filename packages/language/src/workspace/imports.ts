import type { LangiumDocument } from 'langium';
import { URI, UriUtils } from 'langium';
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

export { URI };
