import { dirname, join, relative } from 'node:path';
import type { ProxyViolation } from '@specl/proxy';
import { startContractProxy, startTelemetrySdk } from '@specl/proxy';
import { openTelemetry } from '@specl/runtime/otel';
import { loadContracts } from '@specl/verify';
import { CliError, ExitCode } from '../cli-error.js';
import { loadSpec } from '../compile/load-spec.js';
import { noColors } from '../report/colors.js';
import type { CommandContext } from './command-context.js';
import { duration, specArgument } from './option-values.js';
import { parseCommandArgs } from './parse-command-args.js';
import { proxyHelp } from './proxy-help.js';

function listenAddress(text: string | undefined): { host: string; port: number } {
  if (text === undefined) return { host: '127.0.0.1', port: 8081 };
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text.trim());
  const port = Number(match?.[3]);
  if (!match || port > 65535)
    throw new CliError(`\`--listen ${text}\` is not host:port; write 127.0.0.1:8081 or :8081`);
  return { host: match[1] ?? (match[2] || '127.0.0.1'), port };
}

function targetUrl(text: string | undefined): string {
  if (text === undefined)
    throw new CliError('name the server behind the proxy: `--target http://127.0.0.1:8080`');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new CliError(`\`--target ${text}\` is not a URL; write http://host:port`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new CliError(`\`--target ${text}\` is not an http or https URL`);
  return url.href;
}

function byteSize(text: string | undefined): number {
  if (text === undefined) return 1024 * 1024;
  const match = /^(\d+)(b|kb|mb)?$/i.exec(text.trim());
  if (!match || Number(match[1]) < 1)
    throw new CliError(`\`--max-body ${text}\` is not a size; write 1mb, 512kb or a byte count`);
  const unit = { b: 1, kb: 1024, mb: 1024 * 1024 }[(match[2] ?? 'b').toLowerCase() as 'b'];
  return Number(match[1]) * unit;
}

/** `specl proxy`: checks live traffic against a spec, until stopped. */
export async function runProxy(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('proxy', argv, {
    target: { type: 'string' },
    listen: { type: 'string' },
    mode: { type: 'string' },
    'replace-bad-responses': { type: 'boolean' },
    'max-body': { type: 'string' },
    'target-timeout': { type: 'string' },
    'client-timeout': { type: 'string' },
    log: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(proxyHelp);
    return ExitCode.ok;
  }
  const spec = specArgument(positionals, context, {
    command: 'proxy',
    missing: 'name the spec to check traffic against: `specl proxy <spec> --target <url>`',
  });
  const target = targetUrl(values.target as string | undefined);
  const listen = listenAddress(values.listen as string | undefined);
  const mode = (values.mode as string | undefined) ?? 'observe';
  if (mode !== 'observe' && mode !== 'enforce')
    throw new CliError(`unknown mode \`${mode}\`; the modes are observe, enforce`);
  const log = (values.log as string | undefined) ?? 'text';
  if (log !== 'text' && log !== 'json')
    throw new CliError(`unknown log format \`${log}\`; the formats are text, json`);
  const maxBodyBytes = byteSize(values['max-body'] as string | undefined);
  const targetTimeoutMs = duration(
    values['target-timeout'] as string | undefined,
    'target-timeout',
    30_000,
  );
  const clientTimeoutMs = duration(
    values['client-timeout'] as string | undefined,
    'client-timeout',
    30_000,
  );

  const { ir } = await loadSpec(spec, 'the proxy did not start', context, noColors);
  if (ir === undefined) return ExitCode.usage;
  const contract = await loadContracts(ir);
  const locate = (at: string) => relative(context.cwd, join(dirname(spec), at)) || at;
  const sdk = startTelemetrySdk(context.env ?? process.env, `specl-proxy ${ir.name}`);
  let violations = 0;
  const onViolation = (report: ProxyViolation) => {
    violations++;
    const { violation } = report;
    const at = violation.clause ? locate(violation.clause.at) : '';
    if (log === 'json') {
      const line = {
        event: 'violation',
        endpoint: report.endpoint,
        side: report.side,
        action: report.action,
        kind: violation.kind,
        clause: violation.clause?.source,
        at,
        method: report.method,
        url: report.url,
        detail: violation.detail,
      };
      context.stdout.write(`${JSON.stringify(line)}\n`);
      return;
    }
    const clause = violation.clause ? `${violation.clause.source} (${at})` : violation.kind;
    context.stdout.write(
      `violation ${report.endpoint} ${violation.kind}: ${clause}; ${report.method} ${report.url} ${report.action}: ${violation.detail}\n`,
    );
  };
  let proxy;
  try {
    proxy = await startContractProxy(
      {
        contract,
        target,
        mode,
        replaceBadResponses: values['replace-bad-responses'] === true,
        maxBodyBytes,
        targetTimeoutMs,
        clientTimeoutMs,
        // Without an SDK (no OTLP endpoint set) spans and metrics would go to the API's no-op
        // tracer and meter: no telemetry at all then, rather than its work on every request.
        telemetry:
          sdk.destination === undefined
            ? undefined
            : openTelemetry({
                tracer: sdk.tracer,
                meter: sdk.meter,
                server: listen.port === 0 ? undefined : { address: listen.host, port: listen.port },
              }),
        onViolation,
        onTargetError: (message) => context.stderr.write(`target: ${message}\n`),
      },
      listen,
    );
  } catch (error) {
    await sdk.shutdown();
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(
      `cannot listen on ${listen.host}:${listen.port} (${code ?? String(error)}); choose another --listen`,
    );
  }
  const otel = sdk.destination ? `OpenTelemetry to ${sdk.destination}` : 'OpenTelemetry off';
  context.stdout.write(
    `specl proxy: ${ir.name} ${ir.version} listening on ${proxy.url}, forwarding to ${target} (${mode}; ${otel})\n`,
  );
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGINT', () => resolve('SIGINT'));
    process.once('SIGTERM', () => resolve('SIGTERM'));
  });
  await proxy.close();
  await sdk.shutdown();
  const { requests } = proxy;
  const dropped = sdk.droppedSpans();
  context.stdout.write(
    `specl proxy: stopped (${signal}) after ${requests} request${requests === 1 ? '' : 's'}, ${violations} violation${violations === 1 ? '' : 's'}${sdk.destination ? `; ${dropped} span${dropped === 1 ? '' : 's'} dropped` : ''}\n`,
  );
  return ExitCode.ok;
}
