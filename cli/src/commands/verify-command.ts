import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import { DEFAULT_MAX_BODY_BYTES, TargetUnreachable } from '@specl/runtime';
import type { Phase, SentEntry, TargetSource, VerifyReport } from '@specl/verify';
import {
  PHASES,
  TargetLoadError,
  VerifyUsageError,
  formatJsonReport,
  formatJunitReport,
  formatPrettyReport,
  formatSarifReport,
  historyFromJson,
  implementationSource,
  resetOf,
  urlSource,
  verify,
  withReset,
} from '@specl/verify';
import { CliError, ExitCode } from '../cli-error.js';
import { loadSpec } from '../compile/load-spec.js';
import { ansiColors, noColors, useColor } from '../report/colors.js';
import { compiledImports } from '../verify/compiled-imports.js';
import { credentialsOf } from '../verify/credentials-option.js';
import { describeDrift } from '../verify/fingerprint-drift.js';
import { isOpenApiPath, loadImportedSpec } from '../verify/imported-spec.js';
import { cliVersion } from '../version.js';
import { writeFileAtomic } from '../write-file-set.js';
import type { CommandContext } from './command-context.js';
import { byteSize, duration, list, positiveInteger, specArgument } from './option-values.js';
import { parseCommandArgs } from './parse-command-args.js';
import { verifyHelp } from './verify-help.js';

/** The target could not be reached at all. */
const UNREACHABLE = 3;

const REPORTERS = ['pretty', 'json', 'junit', 'sarif'] as const;

function shardOf(text: string | undefined) {
  if (text === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
  if (!match || count < 1 || index < 1 || index > count)
    throw new CliError(
      `\`--shard ${text}\` is not a share; write i/n with 1 <= i <= n, such as 2/4`,
    );
  return { index, count };
}

function phasesOf(text: string | undefined): Phase[] | undefined {
  const names = text === undefined ? undefined : list([text]);
  if (names === undefined) return undefined;
  const unknown = names.find((name) => !(PHASES as readonly string[]).includes(name));
  if (unknown !== undefined || names.length === 0)
    throw new CliError(`unknown phase \`${unknown ?? text}\`; the phases are ${PHASES.join(', ')}`);
  return PHASES.filter((phase) => names.includes(phase));
}

/** The largest JSON report `--history` reads. */
const MAX_HISTORY_REPORT_BYTES = 256 * 1024 * 1024;

/**
 * `--history <report.json>`: the requests a JSON report kept before the failure that
 * `--replay` names, to send again before replaying it.
 */
function historyOf(file: string, replay: string | undefined, context: CommandContext): SentEntry[] {
  if (replay === undefined)
    throw new CliError(
      "--history sends a failure's earlier requests before its replay: give --replay too",
    );
  const path = resolve(context.cwd, file);
  let report: unknown;
  try {
    if (statSync(path).size > MAX_HISTORY_REPORT_BYTES)
      throw new CliError(
        `${file} is larger than ${MAX_HISTORY_REPORT_BYTES} bytes; give the JSON report of the run`,
      );
    report = JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    if (error instanceof CliError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(
      `cannot read the JSON report ${file} (${reason}); write one with --reporter json --output`,
    );
  }
  const checks = (report as { checks?: { failures?: { replay?: unknown; history?: unknown }[] }[] })
    ?.checks;
  const failure = Array.isArray(checks)
    ? checks.flatMap((check) => check.failures ?? []).find((f) => f.replay === replay)
    : undefined;
  if (failure === undefined)
    throw new CliError(
      `${file} has no failure replayed by \`${replay}\`; copy --replay from that report`,
    );
  if (!Array.isArray(failure.history))
    throw new CliError(
      `the failure \`${replay}\` in ${file} needed no earlier requests: replay it without --history`,
    );
  return historyFromJson(failure.history);
}

/**
 * A progress line on a terminal: `[2/6] endpoint getEmployee [#####-----] 50/100`, redrawn at
 * most every 100 ms.
 */
function progressBar(stream: CommandContext['stderr']) {
  let drawn = 0;
  let failures = 0;
  const draw = (check: number, checks: number, name: string, done: number, runs: number) => {
    const now = Date.now();
    if (done !== 0 && done < runs && now - drawn < 100) return;
    drawn = now;
    const filled = Math.round((Math.min(done, runs) / runs) * 20);
    const bar = `${'#'.repeat(filled)}${'-'.repeat(20 - filled)}`;
    const count = runs >= 1_000_000_000 ? `${done} runs` : `${done}/${runs}`;
    const failed = failures > 0 ? `, ${failures} failure${failures === 1 ? '' : 's'}` : '';
    stream.write(`\r\u001b[K[${check + 1}/${checks}] ${name} [${bar}] ${count}${failed}`);
  };
  return {
    onProgress: draw,
    onFailures(found: number) {
      failures += found;
    },
  };
}

/**
 * `--otel`: the run as a trace, exported over OTLP/HTTP as the `OTEL_*` variables say (to
 * http://localhost:4318 when none names an endpoint).
 */
async function startVerifyTracing(context: CommandContext, ir: SpecIR) {
  const { startTelemetrySdk } = await import('@specl/proxy');
  const { verifyTracing } = await import('../verify/verify-tracing.js');
  const env = context.env ?? process.env;
  const sdk = startTelemetrySdk(
    { OTEL_TRACES_EXPORTER: 'otlp', ...env, OTEL_METRICS_EXPORTER: 'none' },
    'specl verify',
  );
  const tracing = verifyTracing(sdk.tracer!, ir);
  return {
    tracing,
    async finish(report: VerifyReport | undefined) {
      tracing.finish(report);
      await sdk.shutdown();
      const dropped = sdk.droppedSpans();
      context.stderr.write(
        `--otel: the run's trace went to ${sdk.destination}${dropped > 0 ? `; ${dropped} span${dropped === 1 ? '' : 's'} dropped (the endpoint was down, slow, or the queue full)` : ''}\n`,
      );
    },
  };
}

/** `specl verify`: checks an implementation against a spec. */
export async function runVerify(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', argv, {
    impl: { type: 'string' },
    url: { type: 'string' },
    runs: { type: 'string' },
    seed: { type: 'string' },
    replay: { type: 'string' },
    phases: { type: 'string' },
    concurrency: { type: 'string' },
    endpoint: { type: 'string', multiple: true },
    property: { type: 'string', multiple: true },
    shard: { type: 'string' },
    timeout: { type: 'string' },
    auth: { type: 'string', multiple: true },
    'max-body': { type: 'string' },
    'max-failures': { type: 'string' },
    reset: { type: 'string' },
    history: { type: 'string' },
    duration: { type: 'string' },
    reporter: { type: 'string' },
    output: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    otel: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(verifyHelp);
    return ExitCode.ok;
  }
  const openApi =
    positionals.length === 1 && isOpenApiPath(positionals[0]!)
      ? resolve(context.cwd, positionals[0]!)
      : undefined;
  if (openApi !== undefined && values.impl !== undefined)
    throw new CliError(
      'an OpenAPI document is verified against a running server: use `--url <base>`, not `--impl`',
    );
  const spec =
    openApi ??
    specArgument(positionals, context, {
      command: 'verify',
      missing:
        'name the spec to verify against: `specl verify <spec> --impl <module>` or `--url <base>`',
    });
  if ((values.impl === undefined) === (values.url === undefined))
    throw new CliError(
      'name one target: `--impl <module>` (in process) or `--url <base>` (a server)',
    );
  const reporter = (values.reporter as string | undefined) ?? 'pretty';
  if (!(REPORTERS as readonly string[]).includes(reporter))
    throw new CliError(
      `unknown reporter \`${reporter}\`; the reporters are ${REPORTERS.join(', ')}`,
    );
  const options = {
    runs: positiveInteger(values.runs, 'runs'),
    seed: positiveInteger(values.seed, 'seed', true),
    phases: phasesOf(values.phases as string | undefined),
    concurrency: positiveInteger(values.concurrency, 'concurrency'),
    endpoints: list(values.endpoint),
    properties: list(values.property),
    shard: shardOf(values.shard as string | undefined),
    replay: values.replay as string | undefined,
    maxFailures: positiveInteger(values['max-failures'], 'max-failures'),
    durationMs:
      values.duration === undefined
        ? undefined
        : duration(values.duration as string, 'duration', 0),
  };
  const history =
    values.history === undefined
      ? undefined
      : historyOf(values.history as string, options.replay, context);
  if (values.reset !== undefined && values.url === undefined)
    throw new CliError('--reset resets a server between runs: use it with --url');
  const timeoutMs = duration(values.timeout as string | undefined, 'timeout', 10_000);
  const maxBodyBytes = byteSize(
    values['max-body'] as string | undefined,
    'max-body',
    DEFAULT_MAX_BODY_BYTES,
  );
  const colorFlag = values['no-color'] ? false : (values.color as boolean | undefined);
  const toTerminal = values.output === undefined && reporter === 'pretty';
  const colors = toTerminal && useColor(colorFlag, context.stdout) ? ansiColors : noColors;

  const { ir } =
    openApi !== undefined
      ? { ir: await loadImportedSpec(openApi, context) }
      : await loadSpec(spec, 'nothing verified', context, colors);
  if (ir === undefined) return ExitCode.usage;
  if (values.impl !== undefined) {
    const implPath = resolve(context.cwd, values.impl as string);
    const drift = await describeDrift(spec, ir, compiledImports(implPath), context, colors);
    if (drift !== undefined) {
      context.stdout.write(drift);
      throw new CliError(
        'the implementation was built against another version of the spec; nothing verified',
      );
    }
  }
  const credentials = credentialsOf(
    values.auth as string[] | undefined,
    ir,
    context.env ?? process.env,
  );
  let source: TargetSource;
  try {
    source =
      values.impl !== undefined
        ? await implementationSource(resolve(context.cwd, values.impl as string), credentials)
        : urlSource(values.url as string, { timeoutMs, maxBodyBytes, credentials });
    if (values.reset !== undefined) source = withReset(source, resetOf(values.reset as string));
  } catch (error) {
    if (error instanceof TargetLoadError) throw new CliError(error.message);
    throw error;
  }
  const progress = context.stderr.isTTY === true && toTerminal;
  const bar = progress ? progressBar(context.stderr) : undefined;
  const otel = values.otel === true ? await startVerifyTracing(context, ir) : undefined;
  let report: VerifyReport | undefined;
  try {
    report = await verify({
      ir,
      source: otel ? otel.tracing.traced(source) : source,
      ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
      ...(history && { history }),
      onProgress:
        bar || otel
          ? (check, checks, name, done, runs) => {
              otel?.tracing.onProgress(check, checks, name);
              bar?.onProgress(check, checks, name, done, runs);
            }
          : undefined,
      ...(bar && { onFailures: bar.onFailures }),
    });
  } catch (error) {
    if (progress) context.stderr.write('\r\u001b[K');
    if (error instanceof VerifyUsageError) throw new CliError(error.message);
    if (error instanceof TargetUnreachable)
      throw new CliError(`${error.message}; is the server running?`, UNREACHABLE);
    throw error;
  } finally {
    if (progress) context.stderr.write('\r\u001b[K');
    await otel?.finish(report);
  }
  const specDir = dirname(spec);
  const locate = (at: string) => relative(context.cwd, join(specDir, at)) || at;
  const output =
    reporter === 'json'
      ? formatJsonReport(report, locate, cliVersion())
      : reporter === 'junit'
        ? formatJunitReport(report, locate)
        : reporter === 'sarif'
          ? formatSarifReport(report, cliVersion(), locate)
          : formatPrettyReport(report, colors, locate);
  if (values.output !== undefined)
    writeFileAtomic(resolve(context.cwd, values.output as string), output, values.output as string);
  else context.stdout.write(output);
  return report.ok ? ExitCode.ok : ExitCode.failed;
}
