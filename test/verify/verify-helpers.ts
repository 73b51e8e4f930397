import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import type { CheckResult, TargetSource, VerifyOptions, VerifyReport } from '@specl/verify';
import { implementationSource, urlSource, verify } from '@specl/verify';
import { listen, vacationServer } from '../../examples/vacation/server/http-server.js';
import { repoRoot, vacationIr } from '../compiler/typescript/typescript-helpers.js';

export { repoRoot };

/** The module of a planted defect (test/fixtures/vacation-defects/<name>.ts). */
export const defect = (name: string) =>
  join(repoRoot, 'test/fixtures/vacation-defects', `${name}.ts`);

/** The vacation example's in-process implementation. */
export const vacationImplementation = join(repoRoot, 'examples/vacation/impl/handlers.ts');

let ir: SpecIR | undefined;

/** Verifies the vacation spec against a target, 30 runs per check unless told otherwise. */
export async function verifyVacation(
  source: TargetSource,
  options: Partial<VerifyOptions> = {},
): Promise<VerifyReport> {
  ir ??= await vacationIr();
  return verify({ ir, source, runs: 30, ...options });
}

/** Verifies the vacation spec against an implementation module. */
export async function verifyModule(path: string, options: Partial<VerifyOptions> = {}) {
  return verifyVacation(await implementationSource(path), options);
}

/** The checks that failed, by name, with the clause and kind of their failure. */
export function failures(report: VerifyReport) {
  return report.checks
    .filter((check): check is CheckResult & { failure: object } => check.status === 'failed')
    .map((check) => ({
      check: check.name,
      kind: check.failure!.kind,
      clause: check.failure!.clause,
      message: check.failure!.message,
    }));
}

/** Starts a server on 127.0.0.1 for the length of `body`, then closes it. */
export async function withServer<T>(server: Server, body: (base: string) => Promise<T>) {
  const base = await listen(server);
  try {
    return await body(base);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/** The vacation server, except that requests `misbehave` picks are handled by `how`. */
export function misbehavingServer(
  misbehave: (request: IncomingMessage) => boolean,
  how: (request: IncomingMessage, response: ServerResponse) => void,
): Server {
  const inner = vacationServer();
  return createServer((request, response) => {
    if (misbehave(request)) how(request, response);
    else inner.emit('request', request, response);
  });
}

/** An HTTP target at a base URL with a short timeout. */
export const httpSource = (base: string, timeoutMs = 10_000) => urlSource(base, timeoutMs);

export { vacationServer };
