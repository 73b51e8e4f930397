import type { SpecIR } from '@specl/compiler';
import { LoweringError, lowerSpec } from '@specl/compiler';
import { ImportError, importOpenApi, warningKinds } from '@specl/import';
import { checkSources } from '@specl/language';
import { CliError } from '../cli-error.js';
import type { CommandContext } from '../commands/command-context.js';
import { displayFile, plural } from '../report/check-report.js';

/** Whether a path names an OpenAPI or Swagger document rather than a spec. */
export function isOpenApiPath(path: string): boolean {
  return /\.(json|ya?ml)$/i.test(path);
}

/**
 * Imports an OpenAPI or Swagger document in memory (as `specl import` would write it) and
 * lowers it, saying on standard error what the import could not express.
 */
export async function loadImportedSpec(path: string, context: CommandContext): Promise<SpecIR> {
  const shown = displayFile(path, context.cwd);
  let text: string;
  try {
    const result = await importOpenApi(path, shown);
    text = result.text;
    const { warnings } = result.summary;
    const counts = warningKinds
      .filter((kind) => warnings[kind] > 0)
      .map((kind) => `${warnings[kind]} ${kind}`);
    const total = result.warnings.length;
    context.stderr.write(
      `imported ${shown}: ${plural(result.summary.endpoints, 'endpoint')}` +
        (total === 0
          ? '\n'
          : `, ${plural(total, 'warning')} (${counts.join(', ')}); \`specl import ${shown}\` lists them\n`),
    );
  } catch (error) {
    if (error instanceof ImportError) {
      throw new CliError(error.pointer === undefined ? error.message : `${shown}${error.message}`);
    }
    throw error;
  }
  const virtual = '/specl-import/imported.specl';
  const checked = await checkSources({ [virtual]: text });
  const root = checked.documents.find((document) => document.uri.path === virtual);
  if (!root) throw new CliError(`cannot import \`${shown}\``);
  try {
    return lowerSpec(root, checked.documents);
  } catch (error) {
    if (error instanceof LoweringError) throw new CliError(`${shown}: ${error.message}`);
    throw error;
  }
}
