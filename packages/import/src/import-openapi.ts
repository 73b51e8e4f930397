import { checkSources, formatChecked } from '@specl/language';
import { SecurityTranslator } from './auth-translator.js';
import { breakRequiredCycles } from './break-cycles.js';
import { translateEndpoints } from './endpoint-translator.js';
import { ErrorCatalog } from './error-catalog.js';
import { ImportContext } from './import-context.js';
import { ImportError } from './import-error.js';
import type { ImportWarning, WarningKind } from './import-warning.js';
import { warningKinds } from './import-warning.js';
import type { LoadedOpenApi, LoadOptions, SourceVersion } from './load-openapi.js';
import { loadOpenApi, loadParsed } from './load-openapi.js';
import { SchemaTranslator } from './schema-translator.js';
import { headerLines, specText } from './spec-writer.js';
import { propertyTexts } from './specl-extensions.js';
import { TagTranslator } from './tag-translator.js';

/** A document imported: the spec's text (formatted and checked), and what could not be said. */
export interface ImportResult {
  /** The spec, formatted as `specl fmt` formats it; it checks with no errors. */
  readonly text: string;
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

/** Imports the OpenAPI or Swagger document at `path` (`shown` names it in messages). */
export async function importOpenApi(
  path: string,
  shown: string,
  options: LoadOptions = {},
): Promise<ImportResult> {
  const loaded = await loadOpenApi(path, shown, options);
  return translate(loaded);
}

/** Imports a document already parsed (`path` places its relative `$ref`s). */
export async function importParsed(
  parsed: unknown,
  path: string,
  options: LoadOptions = {},
): Promise<ImportResult> {
  const loaded = await loadParsed(parsed, path, options);
  return translate(loaded);
}

async function translate(loaded: LoadedOpenApi): Promise<ImportResult> {
  const restorable = hasSpeclExtensions(loaded.document);
  if (restorable) {
    const restored = await attempt(loaded, true);
    if (restored.ok) return restored.result;
    const fallback = await attempt(loaded, false);
    if (!fallback.ok) throw fallback.error;
    const warning = {
      kind: 'left-out' as const,
      pointer: '#',
      message: `the x-specl-* extensions (invariants, requires, ensures, properties) are left out: with them the spec does not check (${restored.error.message.split('\n')[1]?.trim() ?? restored.error.message})`,
    };
    fallback.result.summary.warnings['left-out']++;
    return { ...fallback.result, warnings: [warning, ...fallback.result.warnings] };
  }
  const plain = await attempt(loaded, false);
  if (!plain.ok) throw plain.error;
  return plain.result;
}

type Attempt =
  | {
      readonly ok: true;
      readonly result: ImportResult & { summary: { warnings: Record<WarningKind, number> } };
    }
  | { readonly ok: false; readonly error: ImportError };

async function attempt(
  { document, sourceVersion }: LoadedOpenApi,
  restoreSpecl: boolean,
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
  const endpoints = translateEndpoints(context, types, { errors, security, tags });
  breakRequiredCycles(context);
  const properties = restoreSpecl ? propertyTexts(context) : [];
  const raw = specText(header, context.declarations, endpoints, properties);
  let text: string;
  try {
    text = await formatAndCheck(raw);
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
  return /"x-specl-(invariants|requires|ensures|properties|status|error|name)"/.test(
    JSON.stringify(document),
  );
}

const virtualPath = '/specl-import/imported.specl';

/**
 * The spec written, checked (any error is a bug of the import) and formatted as `specl fmt`
 * does, from one parse of it.
 */
async function formatAndCheck(raw: string): Promise<string> {
  const checked = await checkSources({ [virtualPath]: raw });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = raw.split('\n');
    const shown = errors
      .slice(0, 5)
      .map(
        (d) =>
          `  line ${d.range.start.line + 1}: ${d.code}: ${d.message}\n    ${lines[d.range.start.line]?.trim() ?? ''}`,
      );
    throw new ImportError(
      `internal error: the spec written does not check; this is a bug in specl import, please report it with the document:\n${shown.join('\n')}`,
    );
  }
  const document = checked.documents.find((d) => d.uri.path === virtualPath);
  const formatted = document && formatChecked(document);
  if (!formatted?.ok) {
    throw new ImportError(
      `internal error: the spec written cannot be formatted (${formatted?.reason ?? 'not checked'}); this is a bug in specl import, please report it with the document`,
    );
  }
  return formatted.text;
}
