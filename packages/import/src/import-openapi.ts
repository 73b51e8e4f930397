import { checkSources, formatSource } from '@specl/language';
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

async function translate({ document, sourceVersion }: LoadedOpenApi): Promise<ImportResult> {
  const context = new ImportContext(document);
  const header = headerLines(context);
  const types = new SchemaTranslator(context);
  types.declareComponents();
  const errors = new ErrorCatalog(context, types);
  const endpoints = translateEndpoints(context, types, errors);
  breakRequiredCycles(context);
  const raw = specText(header, context.declarations, endpoints);
  const text = await formatAndCheck(raw);
  const counts = Object.fromEntries(warningKinds.map((kind) => [kind, 0])) as Record<
    WarningKind,
    number
  >;
  for (const warning of context.warnings) counts[warning.kind]++;
  return {
    text,
    warnings: context.warnings,
    sourceVersion,
    summary: {
      types: context.declarations.length,
      endpoints: endpoints.filter((e) => e.name !== '').length,
      warnings: counts,
    },
  };
}

const virtualPath = '/specl-import/imported.specl';

async function formatAndCheck(raw: string): Promise<string> {
  const formatted = await formatSource(raw, `file://${virtualPath}`);
  if (!formatted.ok) {
    const first = formatted.diagnostics[0];
    const where = first ? `line ${first.range.start.line + 1}: ${first.message}` : formatted.reason;
    throw new ImportError(
      `internal error: the spec written does not parse (${where}); this is a bug in specl import, please report it with the document`,
    );
  }
  const checked = await checkSources({ [virtualPath]: formatted.text });
  const errors = checked.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = formatted.text.split('\n');
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
  return formatted.text;
}
