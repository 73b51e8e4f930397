import { checkSources, formatChecked } from '@specl/language';
import { SecurityTranslator } from './auth-translator.js';
import { breakRequiredCycles } from './break-cycles.js';
import { translateEndpoints } from './endpoint-translator.js';
import { ErrorCatalog } from './error-catalog.js';
import { HeadersCatalog } from './response-headers.js';
import { ImportContext } from './import-context.js';
import { ImportError } from './import-error.js';
import type { ImportWarning, WarningKind } from './import-warning.js';
import { warningKinds } from './import-warning.js';
import type { LoadedOpenApi, LoadOptions, SourceVersion } from './load-openapi.js';
import { loadOpenApi, loadParsed } from './load-openapi.js';
import { editedText, withoutMisfitExamples } from './misfit-examples.js';
import { SchemaTranslator } from './schema-translator.js';
import { headerLines, specText } from './spec-writer.js';
import type { SpecPart } from './split-spec.js';
import { splitSpec } from './split-spec.js';
import { propertyTexts } from './specl-extensions.js';
import { swaggerPointer } from './swagger-pointer.js';
import { TagTranslator } from './tag-translator.js';

/** A document imported: the spec's text (formatted and checked), and what could not be said. */
export interface ImportResult {
  /** The spec, formatted as `specl fmt` formats it; it checks with no errors. */
  readonly text: string;
  /**
   * With `split`, the files the root (`text`) imports, by path relative to the root's folder,
   * each formatted too; the files check together with no errors.
   */
  readonly parts?: readonly SpecPart[];
  readonly warnings: readonly ImportWarning[];
  readonly sourceVersion: SourceVersion;
  readonly summary: ImportSummary;
}

/** What an import wrote, counted. */
export interface ImportSummary {
  /** Types, enums and errors declared. */
  readonly types: number;
  readonly endpoints: number;
  readonly warnings: Readonly<Record<WarningKind, number>>;
}

/** How to import: how to load the document, and whether to split the spec into files. */
export interface ImportOptions extends LoadOptions {
  /**
   * Split the spec into files (`specl import --split`): the folder, relative to the root's,
   * that holds the files the root imports (one per tag or resource, and `common.specl`).
   */
  readonly split?: string;
}

/** Imports the OpenAPI or Swagger document at `path` (`shown` names it in messages). */
export async function importOpenApi(
  path: string,
  shown: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const loaded = await loadOpenApi(path, shown, options);
  return translate(loaded, options.split);
}

/** Imports a document already parsed (`path` places its relative `$ref`s). */
export async function importParsed(
  parsed: unknown,
  path: string,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const loaded = await loadParsed(parsed, path, options);
  return translate(loaded, options.split);
}

async function translate(loaded: LoadedOpenApi, split: string | undefined): Promise<ImportResult> {
  const result = await translateAny(loaded, split);
  const { swagger, document } = loaded;
  if (!swagger) return result;
  // Warnings name places in the Swagger 2.0 document the user wrote, not in its conversion.
  const warnings = result.warnings.map((w) => ({
    ...w,
    pointer: swaggerPointer(swagger, document, w.pointer),
  }));
  return { ...result, warnings };
}

async function translateAny(
  loaded: LoadedOpenApi,
  split: string | undefined,
): Promise<ImportResult> {
  const attempt = (restoreSpecl: boolean) => translateOnce(loaded, restoreSpecl, split);
  const restorable = hasSpeclExtensions(loaded.document);
  if (restorable) {
    const restored = await attempt(true);
    if (restored.ok) return restored.result;
    const fallback = await attempt(false);
    if (!fallback.ok) throw fallback.error;
    const warning = {
      kind: 'left-out' as const,
      pointer: '#',
      message: `the x-specl-* extensions (invariants, requires, ensures, properties) are left out: with them the spec does not check (${restored.error.message.split('\n')[1]?.trim() ?? restored.error.message})`,
    };
    fallback.result.summary.warnings['left-out']++;
    return { ...fallback.result, warnings: [warning, ...fallback.result.warnings] };
  }
  const plain = await attempt(false);
  if (!plain.ok) throw plain.error;
  return plain.result;
}

type Attempt =
  | {
      readonly ok: true;
      readonly result: ImportResult & { summary: { warnings: Record<WarningKind, number> } };
    }
  | { readonly ok: false; readonly error: ImportError };

async function translateOnce(
  { document, sourceVersion }: LoadedOpenApi,
  restoreSpecl: boolean,
  split: string | undefined,
): Promise<Attempt> {
  const context = new ImportContext(document, restoreSpecl);
  const types = new SchemaTranslator(context);
  types.declareComponents();
  const security = new SecurityTranslator(context);
  security.declareSchemes();
  const rootNotes = security.readRoot();
  const header = [...rootNotes, ...headerLines(context, security.rootClause)];
  const tags = new TagTranslator(context);
  tags.declareTags();
  const errors = new ErrorCatalog(context, types);
  const headers = new HeadersCatalog(context, types);
  headers.declareComponents();
  errors.declareComponents();
  const endpoints = translateEndpoints(context, types, { errors, security, tags, headers });
  breakRequiredCycles(context);
  const properties = restoreSpecl ? propertyTexts(context) : [];
  const files = split
    ? splitSpec(header, context.declarations, endpoints, properties, split)
    : { root: specText(header, context.declarations, endpoints, properties), parts: [] };
  let text: string;
  let parts: SpecPart[];
  try {
    [text, ...parts] = await formatAndCheck(context, files.root, files.parts);
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, error };
    throw error;
  }
  const counts = Object.fromEntries(warningKinds.map((kind) => [kind, 0])) as Record<
    WarningKind,
    number
  >;
  for (const warning of context.warnings) counts[warning.kind]++;
  return {
    ok: true,
    result: {
      text,
      ...(split && { parts }),
      warnings: context.warnings,
      sourceVersion,
      summary: {
        types: context.declarations.filter((d) => d.kind !== 'other').length,
        endpoints: endpoints.filter((e) => e.name !== '').length,
        warnings: counts,
      },
    },
  };
}

/** Whether a document was compiled by Specl and carries its conditions or properties. */
function hasSpeclExtensions(document: Record<string, unknown>): boolean {
  return /"x-specl-(invariants|requires|ensures|properties|status|error|name|wire-name|headers|bodyless-errors|latency|pagination|media-types)"/.test(
    JSON.stringify(document),
  );
}

const virtualFolder = '/specl-import';

/**
 * The spec written (its root and the parts it imports), checked (any error is a bug of the
 * import) and formatted as `specl fmt` does, from one parse of each file: the root's text, then
 * each part with its text formatted.
 */
async function formatAndCheck(
  context: ImportContext,
  root: string,
  parts: readonly SpecPart[],
): Promise<[string, ...SpecPart[]]> {
  const files = [{ path: 'imported.specl', text: root }, ...parts];
  const at = (path: string) => `${virtualFolder}/${path}`;
  const checked = await checkSources(Object.fromEntries(files.map((f) => [at(f.path), f.text])), [
    at('imported.specl'),
  ]);
  // The document's examples that do not fit their types are taken out.
  const fixed = withoutMisfitExamples(context, files, checked, at);
  const errors = checked.diagnostics.filter(
    (d) => d.severity === 'error' && !fixed?.handled.has(d),
  );
  if (errors.length > 0) {
    const shown = errors.slice(0, 5).map((d) => {
      const file = files.find((f) => d.uri.endsWith(at(f.path)));
      const line = file?.text.split('\n')[d.range.start.line]?.trim() ?? '';
      return `  ${file?.path ?? d.uri} line ${d.range.start.line + 1}: ${d.code}: ${d.message}\n    ${line}`;
    });
    throw new ImportError(
      `internal error: the spec written does not check; this is a bug in specl import, please report it with the document:\n${shown.join('\n')}`,
    );
  }
  const broken = (path: string, reason: string | undefined) =>
    new ImportError(
      `internal error: the spec written (${path}) cannot be formatted (${reason ?? 'not checked'}); this is a bug in specl import, please report it with the document`,
    );
  const formatted = files.map((file) => {
    const document = checked.documents.find((d) => d.uri.path === at(file.path));
    const result = document && formatChecked(document);
    if (!result?.ok) throw broken(file.path, result?.reason);
    const cuts = fixed?.cuts.get(file.path);
    // Taking out an annotation changes nothing else: the text stays formatted without it.
    const text = cuts ? editedText(file.text, result.edits, cuts) : result.text;
    return { path: file.path, text };
  });
  return [formatted[0]!.text, ...formatted.slice(1)];
}
