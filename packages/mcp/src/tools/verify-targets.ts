import { dirname } from 'node:path';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { detectSandbox, verifyInSandbox } from '@specl/agent';
import type { SpecIR } from '@specl/compiler';
import type { Credentials } from '@specl/runtime';
import { DEFAULT_MAX_BODY_BYTES, TargetUnreachable, credentialVariable } from '@specl/runtime';
import type { VerifyReport } from '@specl/verify';
import {
  TargetLoadError,
  VerifyCancelled,
  VerifyUsageError,
  formatPrettyReport,
  urlSource,
  verify,
} from '@specl/verify';
import type { ServerContext } from '../server-context.js';
import { answer, failure } from '../tool-result.js';
import { Refused } from '../workspace.js';
import { placeIn } from './describe-tool.js';

const plain = (text: string) => text;
const noStyles = { red: plain, green: plain, yellow: plain, dim: plain, bold: plain };

/** Hosts a URL target may name without `--allow-remote`. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

function checkedUrl(text: string, allowRemote: boolean): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Refused(`\`${text}\` is not a URL; give one such as http://127.0.0.1:8080`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new Refused(`\`${text}\` is not an http or https URL`);
  if (url.username !== '' || url.password !== '')
    throw new Refused('a URL target may not carry credentials');
  if (!allowRemote && !LOOPBACK.test(url.hostname))
    throw new Refused(
      `\`${url.hostname}\` is not a loopback host: this server verifies servers on 127.0.0.1, ::1 or localhost only, unless it was started with --allow-remote`,
    );
  return url.href;
}

/** The report as text and as data (each failure with its clause and shrunk counterexample). */
function reportAnswer(
  report: VerifyReport,
  specPathReal: string,
  ctx: ServerContext,
): CallToolResult {
  const place = placeIn(ctx.workspace, specPathReal);
  const locate = (at: string) => {
    const match = /^(.*):(\d+):(\d+)$/.exec(at);
    return match
      ? place({ file: match[1]!, line: Number(match[2]), column: Number(match[3]) })
      : at;
  };
  const text = formatPrettyReport(report, noStyles, locate);
  return answer(text, {
    ok: report.ok,
    seed: report.seed,
    checks: report.checks.map((check) => ({
      name: check.name,
      status: check.status,
      runs: check.runs,
      ...(check.failure && {
        failure: {
          kind: check.failure.kind,
          message: check.failure.message,
          ...(check.failure.clause && {
            clause: { source: check.failure.clause.source, at: locate(check.failure.clause.at) },
          }),
          counterexample: check.failure.counterexample,
        },
      }),
    })),
  });
}

/** How hard a verification tries, and how long it may take. */
export interface VerifyArgs {
  readonly runs: number;
  readonly seed?: number | undefined;
  readonly endpoints?: readonly string[] | undefined;
  readonly timeoutSeconds: number;
}

/** Verifies a module of the workspace in the sandbox, in a copy of its folder. */
export async function verifyModule(
  ctx: ServerContext,
  ir: SpecIR,
  specPathReal: string,
  module: string,
  args: VerifyArgs,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const modulePath = ctx.workspace.resolve(module);
  if (!/\.(ts|mts|js|mjs)$/.test(modulePath))
    throw new Refused(`\`${module}\` is not a TypeScript or JavaScript module`);
  const sandbox = detectSandbox();
  if (!sandbox.isolatesNetwork && !ctx.unsafeRun)
    throw new Refused(
      `the code would run with only this protection: ${sandbox.description}. Install bubblewrap (Linux) for a full sandbox, or start the server with --unsafe-run`,
    );
  const outcome = await verifyInSandbox({
    ir,
    module: modulePath,
    specDir: dirname(specPathReal),
    runs: args.runs,
    ...(args.seed !== undefined && { seed: args.seed }),
    ...(args.endpoints !== undefined && { endpoints: args.endpoints }),
    timeoutMs: args.timeoutSeconds * 1000,
    signal,
    sandbox,
  });
  const shownOutput = (text: string) => text.split(ctx.workspace.root).join('.');
  if (outcome.report === undefined)
    return failure(`the verification could not run: ${shownOutput(outcome.error ?? 'no report')}`, {
      ok: false,
      error: shownOutput(outcome.error ?? 'no report'),
    });
  const result = reportAnswer(outcome.report, specPathReal, ctx);
  if (outcome.output.trim() === '') return result;
  const printed = `the implementation printed:\n${shownOutput(outcome.output).trimEnd()}`;
  return { ...result, content: [...result.content, { type: 'text', text: printed }] };
}

/**
 * The credentials of the spec's security schemes, from the server's environment only
 * (`SPECL_AUTH_BEARER_TOKEN` for a scheme `BearerToken`, set in the client's configuration):
 * never from tool arguments, which the model writes and reads. The verifier adds them at send
 * time, so no report carries them.
 */
function credentialsFromEnvironment(ir: SpecIR): Credentials {
  const credentials: Record<string, string> = {};
  for (const { name } of ir.auth ?? []) {
    const value = process.env[credentialVariable(name)];
    if (value !== undefined && value !== '') credentials[name] = value;
  }
  return credentials;
}

/** Verifies a running server (loopback only, unless `--allow-remote`). */
export async function verifyUrl(
  ctx: ServerContext,
  ir: SpecIR,
  specPathReal: string,
  url: string,
  args: VerifyArgs,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const base = checkedUrl(url, ctx.allowRemote);
  try {
    const source = urlSource(base, {
      timeoutMs: 10_000,
      maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
      credentials: credentialsFromEnvironment(ir),
    });
    const report = await verify({
      ir,
      source,
      runs: args.runs,
      durationMs: args.timeoutSeconds * 1000,
      signal,
      ...(args.seed !== undefined && { seed: args.seed }),
      ...(args.endpoints !== undefined && { endpoints: args.endpoints }),
    });
    return reportAnswer(report, specPathReal, ctx);
  } catch (error) {
    if (error instanceof TargetUnreachable)
      throw new Refused(`${error.message}; is the server running?`);
    if (error instanceof VerifyCancelled) throw new Refused('the verification was cancelled');
    if (error instanceof TargetLoadError || error instanceof VerifyUsageError)
      throw new Refused(error.message);
    throw error;
  }
}
