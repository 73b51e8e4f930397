import type { SpecIR } from '@specl/compiler';
import { LoweringError, lowerSpec } from '@specl/compiler';
import { checkSpecFiles } from '@specl/language/node';
import { CliError } from '../cli-error.js';
import type { CommandContext } from '../commands/command-context.js';
import { displayFile, toCheckReport } from '../report/check-report.js';
import type { Colors } from '../report/colors.js';
import { formatTextReport } from '../report/text-report.js';

/** A spec checked and lowered, or why not; and the files it read (for `--watch`). */
export interface LoadedSpec {
  /** The IR, when the spec has no errors. */
  readonly ir?: SpecIR;
  readonly files: readonly string[];
}

/**
 * Checks a root spec and everything it imports, prints its diagnostics (with `what` said of a
 * spec with errors: `nothing written`), and lowers it when it has no errors.
 */
export async function loadSpec(
  spec: string,
  what: string,
  context: CommandContext,
  colors: Colors,
): Promise<LoadedSpec> {
  const result = await checkSpecFiles([spec]);
  const files = result.uris.map((uri) => new URL(uri).pathname);
  if (result.unreadable.length > 0) {
    throw new CliError(
      `cannot read \`${displayFile(result.unreadable[0]!, context.cwd)}\`; check its permissions`,
    );
  }
  const report = toCheckReport(result, context.cwd);
  if (report.diagnostics.length > 0) context.stdout.write(formatTextReport(report, colors));
  if (report.errors > 0) {
    context.stdout.write(colors.red(`${what}: fix the errors above first\n`));
    return { files };
  }
  const root = result.documents.find((document) => document.uri.fsPath === spec);
  if (!root) throw new CliError(`cannot read \`${displayFile(spec, context.cwd)}\``);
  try {
    return { ir: lowerSpec(root, result.documents), files };
  } catch (error) {
    if (!(error instanceof LoweringError)) throw error;
    context.stdout.write(`${displayFile(spec, context.cwd)}: error: ${error.message}\n`);
    return { files };
  }
}
