import type { SpecIR } from '@specl/compiler';
import { buildSpec } from '@specl/compiler';
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
  const build = await buildSpec({ root: spec });
  const files = build.checked.uris.map((uri) => new URL(uri).pathname);
  if (build.stage === 'read') {
    throw new CliError(`cannot read \`${displayFile(spec, context.cwd)}\`; check its permissions`);
  }
  const report = toCheckReport(build.checked, context.cwd);
  if (report.diagnostics.length > 0) context.stdout.write(formatTextReport(report, colors));
  if (build.stage === 'check') {
    context.stdout.write(colors.red(`${what}: fix the errors above first\n`));
    return { files };
  }
  if (!build.ir) {
    context.stdout.write(`${displayFile(spec, context.cwd)}: error: ${build.problem ?? ''}\n`);
    return { files };
  }
  return { ir: build.ir, files };
}
