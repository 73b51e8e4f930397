import { dirname } from 'node:path';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { detectSandbox, verifyInSandbox } from '@specl/agent';
import type { SpecIR } from '@specl/compiler';
import { DEFAULT_MAX_BODY_BYTES, TargetUnreachable } from '@specl/runtime';
import type { VerifyReport } from '@specl/verify';
import {
  TargetLoadError,
  VerifyCancelled,
  VerifyUsageError,
  formatPrettyReport,
  urlSource,
  verify,
} from '@specl/verify';
import { z } from 'zod';
import type { ServerContext } from '../server-context.js';
import { answer, failure, guarded } from '../tool-result.js';
import { Refused } from '../workspace.js';
import { loadCleanSpec } from '../workspace-spec.js';
import { placeIn } from './describe-tool.js';
import { endpointName, filePath, specPath } from './tool-arguments.js';

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

interface VerifyArgs {
  readonly runs: number;
  readonly seed?: number | undefined;
  readonly endpoints?: readonly string[] | undefined;
  readonly timeoutSeconds: number;
}

async function verifyModule(
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

async function verifyUrl(
  ctx: ServerContext,
  ir: SpecIR,
  specPathReal: string,
  url: string,
  args: VerifyArgs,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const base = checkedUrl(url, ctx.allowRemote);
  try {
    const source = urlSource(base, { timeoutMs: 10_000, maxBodyBytes: DEFAULT_MAX_BODY_BYTES });
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

/** `verify`: checks an implementation module (sandboxed) or a running server against a spec. */
export function registerVerifyTool(server: McpServer, ctx: ServerContext): void {
  server.registerTool(
    'verify',
    {
      title: 'Verify an implementation or a server',
      description:
        "Checks an implementation against a spec with random inputs and call sequences: give either `module` (a TypeScript/JavaScript module of the workspace that exports the spec's handlers; it runs in a sandbox, in a copy of its folder) or `url` (a running server; loopback only unless the server was started with --allow-remote). Answers every check, and for each failure the clause that failed, where it is written, and the shrunk counterexample with its requests and responses.",
      inputSchema: {
        spec: specPath,
        module: filePath('the implementation module, relative to the workspace root').optional(),
        url: z.string().min(1).max(2048).optional().describe('the base URL of a running server'),
        runs: z.number().int().min(1).max(1000).optional().describe('runs per check (default 100)'),
        seed: z
          .number()
          .int()
          .min(0)
          .max(2 ** 31 - 1)
          .optional()
          .describe('the random seed, to replay a run'),
        endpoints: z
          .array(endpointName)
          .min(1)
          .max(200)
          .optional()
          .describe('only these endpoints'),
        timeoutSeconds: z
          .number()
          .int()
          .min(1)
          .max(600)
          .optional()
          .describe('how long the verification may take (default 120)'),
      },
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    (args, extra) =>
      guarded(async () => {
        if ((args.module === undefined) === (args.url === undefined))
          throw new Refused(
            'name one target: `module` (a file of the workspace) or `url` (a running server)',
          );
        const { ir, path } = await loadCleanSpec(ctx.workspace, args.spec);
        const options: VerifyArgs = {
          runs: args.runs ?? 100,
          timeoutSeconds: args.timeoutSeconds ?? 120,
          ...(args.seed !== undefined && { seed: args.seed }),
          ...(args.endpoints !== undefined && { endpoints: args.endpoints }),
        };
        return ctx.heavy.run(
          () =>
            args.module !== undefined
              ? verifyModule(ctx, ir, path, args.module, options, extra.signal)
              : verifyUrl(ctx, ir, path, args.url!, options, extra.signal),
          extra.signal,
        );
      }),
  );
}
