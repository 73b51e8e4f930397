import { existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { AgentErrorKind, AgentMode, AgentResult } from '@specl/agent';
import { AgentError, redact as redactSecrets, runAgent } from '@specl/agent';
import { CliError, ExitCode } from '../cli-error.js';
import { loadSpec } from '../compile/load-spec.js';
import { formatAgentSummary, progressLine } from '../report/agent-report.js';
import type { Colors } from '../report/colors.js';
import { ansiColors, noColors, useColor } from '../report/colors.js';
import { implementHelp, repairHelp } from './agent-help.js';
import type { CommandContext } from './command-context.js';
import { duration, list, positiveInteger, specArgument } from './option-values.js';
import { parseCommandArgs } from './parse-command-args.js';

/** The API failed: unreachable, rate limited, overloaded, the key refused. */
const API_FAILED = 3;
/** The most agents `--parallel` may run at once. */
const MAX_PARALLEL = 16;

/** Interrupted (Ctrl-C), as shells count it. */
const INTERRUPTED = 130;

const exitCodeOf = (kind: AgentErrorKind) =>
  kind === 'no-api-key' || kind === 'usage'
    ? ExitCode.usage
    : kind === 'interrupted'
      ? INTERRUPTED
      : API_FAILED;

function positiveNumber(text: unknown, option: string): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new CliError(`\`--${option} ${String(text)}\` is not a positive number`);
  return value;
}

/**
 * Where `.specl/` goes: the nearest folder above the spec that has one, else the working
 * folder when the spec is inside it, else the spec's folder.
 */
function projectRootOf(spec: string, cwd: string): string {
  for (let dir = dirname(spec); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.specl'))) return dir;
    if (dirname(dir) === dir) break;
  }
  return relative(cwd, spec).startsWith('..') ? dirname(spec) : cwd;
}

/** A unified diff, its added lines green and removed lines red. */
const colorDiff = (diff: string, colors: Colors) =>
  diff
    .split('\n')
    .map((line) =>
      /^\+(?!\+\+ )/.test(line)
        ? colors.green(line)
        : /^-(?!-- )/.test(line)
          ? colors.red(line)
          : line,
    )
    .join('\n');

async function runAgentCommand(
  mode: AgentMode,
  argv: readonly string[],
  context: CommandContext,
): Promise<number> {
  const { values, positionals } = parseCommandArgs(mode, argv, {
    impl: { type: 'string' },
    endpoint: { type: 'string', multiple: true },
    entry: { type: 'string' },
    types: { type: 'string' },
    model: { type: 'string' },
    'max-turns': { type: 'string' },
    'max-tokens': { type: 'string' },
    'budget-usd': { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    timeout: { type: 'string' },
    'verify-timeout': { type: 'string' },
    'no-stream': { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    'unsafe-run': { type: 'boolean' },
    parallel: { type: 'string' },
    conflicts: { type: 'string' },
    critic: { type: 'boolean' },
    'critic-rounds': { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(mode === 'implement' ? implementHelp : repairHelp);
    return ExitCode.ok;
  }
  const spec = specArgument(positionals, context, {
    command: mode,
    missing: `name the spec: \`specl ${mode} <spec> --impl <dir>\``,
  });
  if (values.impl === undefined)
    throw new CliError('name the implementation folder with `--impl <dir>`');
  const budget = {
    maxTurns: positiveInteger(values['max-turns'], 'max-turns'),
    maxTokens: positiveInteger(values['max-tokens'], 'max-tokens'),
    maxUsd: positiveNumber(values['budget-usd'], 'budget-usd'),
  };
  const runs = positiveInteger(values.runs, 'runs');
  const parallel = positiveInteger(values.parallel, 'parallel');
  if (parallel !== undefined && parallel > MAX_PARALLEL)
    throw new CliError(`\`--parallel ${parallel}\` is too many: at most ${MAX_PARALLEL} agents`);
  const conflicts = values.conflicts as string | undefined;
  if (conflicts !== undefined && conflicts !== 'agent' && conflicts !== 'report')
    throw new CliError(
      `\`--conflicts ${conflicts}\` is not a choice: agent (a final agent merges) or report`,
    );
  if (conflicts !== undefined && (parallel ?? 1) < 2)
    throw new CliError('`--conflicts` is for parallel runs: give --parallel 2 or more');
  const criticRounds = positiveInteger(values['critic-rounds'], 'critic-rounds');
  if (criticRounds !== undefined && values.critic !== true)
    throw new CliError('`--critic-rounds` needs --critic');
  const seed = positiveInteger(values.seed, 'seed', true);
  const requestTimeoutMs = duration(values.timeout as string | undefined, 'timeout', 600_000);
  const verifyTimeoutMs = duration(
    values['verify-timeout'] as string | undefined,
    'verify-timeout',
    120_000,
  );
  const env = context.env ?? process.env;
  const apiKey = env['ANTHROPIC_API_KEY'] || undefined;
  const redact = (text: string) => redactSecrets(text, [apiKey]);
  const colorFlag = values['no-color'] ? false : (values.color as boolean | undefined);
  const colors = useColor(colorFlag, context.stdout) ? ansiColors : noColors;
  const errColors = useColor(colorFlag, context.stderr) ? ansiColors : noColors;
  const shown = (path: string) => relative(context.cwd, path) || '.';

  const { ir } = await loadSpec(spec, 'nothing done', context, colors);
  if (ir === undefined) return ExitCode.usage;
  const controller = new AbortController();
  // The first Ctrl-C stops the run cleanly (nothing written); a second one quits at once.
  const interrupt = () => {
    if (controller.signal.aborted) process.exit(INTERRUPTED);
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  let result: AgentResult;
  try {
    result = await runAgent({
      mode,
      ir,
      specFile: spec,
      implDir: resolve(context.cwd, values.impl as string),
      ...(values.entry !== undefined && { entry: values.entry as string }),
      ...(values.types !== undefined && {
        typesModule: resolve(context.cwd, values.types as string),
      }),
      ...(values.endpoint !== undefined && { endpoints: list(values.endpoint) }),
      projectRoot: projectRootOf(spec, context.cwd),
      apiKey,
      ...(env['ANTHROPIC_BASE_URL'] && { baseURL: env['ANTHROPIC_BASE_URL'] }),
      ...(((values.model as string | undefined) ?? env['SPECL_MODEL']) && {
        model: ((values.model as string | undefined) ?? env['SPECL_MODEL'])!,
      }),
      budget: Object.fromEntries(Object.entries(budget).filter(([, v]) => v !== undefined)),
      ...(runs !== undefined && { runs }),
      ...(seed !== undefined && { seed }),
      requestTimeoutMs,
      verifyTimeoutMs,
      stream: values['no-stream'] !== true,
      apply: values.yes === true,
      unsafeRun: values['unsafe-run'] === true,
      ...(parallel !== undefined && { parallel }),
      ...(conflicts !== undefined && { conflicts: conflicts as 'agent' | 'report' }),
      ...(values.critic === true && { critic: true }),
      ...(criticRounds !== undefined && { criticRounds }),
      displayBase: context.cwd,
      signal: controller.signal,
      ...(context.stderr.isTTY === true && {
        onProgress: (event) => {
          const line = progressLine(event, errColors);
          if (line !== undefined) context.stderr.write(`${redact(line)}\n`);
        },
      }),
    });
  } catch (error) {
    if (!(error instanceof AgentError)) throw error;
    const log = error.auditLog ? ` (audit log: ${shown(error.auditLog)})` : '';
    const changed =
      error.kind === 'no-api-key' || error.kind === 'usage' ? '' : `\nno file was changed${log}`;
    throw new CliError(redact(`${error.message}${changed}`), exitCodeOf(error.kind));
  } finally {
    process.off('SIGINT', interrupt);
  }
  if (result.edits.length > 0 && !result.applied)
    context.stdout.write(redact(colorDiff(result.diff, colors)));
  context.stdout.write(redact(formatAgentSummary(result, colors, shown)));
  return result.outcome === 'verified'
    ? ExitCode.ok
    : result.outcome === 'interrupted'
      ? INTERRUPTED
      : ExitCode.failed;
}

/** `specl implement`: the agent implements the spec's endpoints in a folder. */
export const runImplement = (argv: readonly string[], context: CommandContext) =>
  runAgentCommand('implement', argv, context);

/** `specl repair`: the agent repairs the code in a folder from its counterexamples. */
export const runRepair = (argv: readonly string[], context: CommandContext) =>
  runAgentCommand('repair', argv, context);
