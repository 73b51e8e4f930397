import type { CompileTarget } from '@specl/compiler';
import { compileTargets } from '@specl/compiler';
import { ExitCode } from '../cli-error.js';
import type { CommandContext } from '../commands/command-context.js';
import type { Colors } from '../report/colors.js';
import { loadSpec } from './load-spec.js';
import { pathShower, writeOutputs } from './write-outputs.js';

/** What `specl compile` was asked to do. */
export interface CompileRequest {
  /** The root spec, absolute. */
  readonly spec: string;
  /** The output folder, absolute. */
  readonly outDir: string;
  readonly targets: readonly CompileTarget[];
  readonly yaml: boolean;
  readonly check: boolean;
  readonly force: boolean;
}

/** The outcome of one compilation: its exit code and the files it read (for `--watch`). */
export interface CompileOutcome {
  readonly exitCode: number;
  readonly files: readonly string[];
}

/**
 * Checks, lowers and emits a spec once, and writes (or, with `check`, compares) the outputs.
 * Prints the diagnostics of a spec with errors and writes nothing then.
 */
export async function compileOnce(
  request: CompileRequest,
  context: CommandContext,
  colors: Colors,
): Promise<CompileOutcome> {
  const shown = pathShower(context.cwd);
  const { ir, files } = await loadSpec(request.spec, 'nothing written', context, colors);
  if (ir === undefined) return { exitCode: ExitCode.failed, files };
  const emitted = compileTargets(ir, request.targets, { yaml: request.yaml });
  const outcome = writeOutputs(emitted, request.outDir, shown, request);
  if (request.check) {
    if (outcome.stale.length > 0) {
      context.stdout.write(
        colors.red(`out of date: ${outcome.stale.join(', ')}; run specl compile without --check\n`),
      );
      return { exitCode: ExitCode.failed, files };
    }
    context.stdout.write(colors.green(`${shown(request.outDir)} is up to date\n`));
    return { exitCode: ExitCode.ok, files };
  }
  const summary =
    outcome.written.length > 0
      ? `wrote ${outcome.written.join(', ')}`
      : `${shown(request.outDir)} is up to date`;
  context.stdout.write(
    colors.green(`${summary} (spec ${ir.name} ${ir.version}, ${ir.fingerprint.slice(0, 19)})\n`),
  );
  return { exitCode: ExitCode.ok, files };
}
