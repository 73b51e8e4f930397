import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { VerifyReport } from '@specl/verify';
import { writeContracts } from '@specl/verify';
import type { VerificationJob, VerificationOutcome } from '../verification-job.js';
import { bundleCandidate } from './candidate-bundle.js';
import type { SandboxFolders, SandboxLimits } from './sandbox-command.js';
import { sandboxCommand, sandboxEnvironment } from './sandbox-command.js';
import type { SandboxJob } from './sandbox-job.js';
import type { SandboxProtection } from './sandbox-protection.js';

/** How much of what the implementation prints is kept. */
const MAX_OUTPUT = 4000;
/** The largest answer read from the sandbox. */
const MAX_ANSWER = 64 * 1024 * 1024;

/** The limits of a run that names none. */
export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  cpuSeconds: 300,
  memoryMb: 1024,
  fileMb: 64,
};

/** The limits in words. */
const memoryLimit = (limits: SandboxLimits) =>
  `the implementation ran out of memory (the sandbox allows ${limits.memoryMb} MB)`;
const fileLimit = (limits: SandboxLimits) =>
  `the implementation wrote a file larger than the sandbox allows (${limits.fileMb} MB)`;
const cpuLimit = (limits: SandboxLimits) =>
  `the implementation used up its CPU time (the sandbox allows ${limits.cpuSeconds} s)`;

/** An error the verification reported, with the sandbox limit it ran into named. */
function explainError(message: string, limits: SandboxLimits): string {
  if (/heap out of memory|Array buffer allocation failed|Reached heap limit/i.test(message))
    return `${memoryLimit(limits)}: ${message}`;
  if (/EFBIG|file too large/i.test(message)) return `${fileLimit(limits)}: ${message}`;
  return message;
}

/** Why a sandboxed process ended without an answer, in words the model can act on. */
function whyItEnded(
  code: number | null,
  signal: NodeJS.Signals | null,
  printed: string,
  limits: SandboxLimits,
): string {
  if (/heap out of memory|Array buffer allocation failed|Reached heap limit/i.test(printed))
    return memoryLimit(limits);
  // bubblewrap reports a signal as the exit code 128 + its number.
  if (signal === 'SIGXCPU' || code === 152) return cpuLimit(limits);
  if (signal === 'SIGXFSZ' || code === 153 || /EFBIG|file too large/i.test(printed))
    return fileLimit(limits);
  if (signal === 'SIGKILL' || code === 137)
    return `the implementation's process was killed: it ran past its CPU time (${limits.cpuSeconds} s) or its memory (${limits.memoryMb} MB)`;
  if (signal === 'SIGSEGV' || signal === 'SIGABRT' || code === 134 || code === 139)
    return `the implementation's process crashed (${signal ?? `exit code ${code}`}): it may have run out of memory`;
  return `the implementation ended the verification (exit code ${code ?? signal})`;
}

/** Collects at most `limit` bytes of a stream; `overflow` is called once when more come. */
function collect(stream: Readable, limit: number, overflow?: () => void) {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  stream.on('data', (chunk: Buffer) => {
    if (size + chunk.length > limit) {
      if (!over) overflow?.();
      over = true;
      return;
    }
    chunks.push(chunk);
    size += chunk.length;
  });
  return { text: () => Buffer.concat(chunks).toString('utf8'), over: () => over };
}

/**
 * Verifies staged implementations in a process of their own, in the sandbox `protection`
 * says: the candidate is bundled into plain JavaScript, then run by the sandbox child, one
 * process per verification (nothing carries over), with an environment without secrets,
 * killed at the time limit or when the signal aborts.
 */
export class SandboxedVerifier {
  private readonly running = new Set<() => void>();
  /** The spec's contracts, compiled here once (the sandbox may not start esbuild). */
  private contracts: Promise<string> | undefined;

  constructor(
    private readonly protection: SandboxProtection,
    private readonly folders: SandboxFolders,
    /** A folder the sandbox can read (not write), for the compiled contracts. */
    private readonly scratch: string,
    private readonly limits: SandboxLimits = DEFAULT_SANDBOX_LIMITS,
  ) {}

  /** Runs one verification; never throws: a failure to run is the outcome's `error`. */
  async run(
    job: VerificationJob,
    options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
  ): Promise<VerificationOutcome> {
    const started = performance.now();
    const done = (result: { report?: VerifyReport; error?: string }, output = '') => ({
      ...result,
      output: output.length > MAX_OUTPUT ? `${output.slice(0, MAX_OUTPUT)}…` : output,
      durationMs: Math.round(performance.now() - started),
    });
    let contractsModule: string;
    try {
      contractsModule = await (this.contracts ??= writeContracts(
        job.ir,
        mkdtempSync(join(this.scratch, '.specl-contracts-')),
      ));
    } catch (error) {
      return done({ error: `cannot compile the spec's contracts: ${(error as Error).message}` });
    }
    const bundle = await bundleCandidate(job.module);
    if (!bundle.ok) return done({ error: bundle.error });
    try {
      return await this.runBundle(job, bundle.path, contractsModule, options, done);
    } finally {
      rmSync(bundle.path, { force: true });
    }
  }

  private runBundle(
    job: VerificationJob,
    bundle: string,
    contractsModule: string,
    options: { readonly timeoutMs: number; readonly signal?: AbortSignal },
    done: (
      result: { report?: VerifyReport; error?: string },
      output?: string,
    ) => VerificationOutcome,
  ): Promise<VerificationOutcome> {
    const nonce = randomBytes(16).toString('hex');
    const { command, args } = sandboxCommand(this.protection, this.folders, this.limits);
    const child = spawn(command, args, {
      env: sandboxEnvironment(this.folders),
      cwd: this.folders.writable,
      stdio: ['pipe', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    const kill = () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    this.running.add(kill);
    let printed = '';
    const keep = (chunk: Buffer) => {
      if (printed.length <= MAX_OUTPUT) printed += chunk.toString('utf8');
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    const answer = collect(child.stdio[3] as Readable, MAX_ANSWER, kill);
    return new Promise((resolve) => {
      let ended: string | undefined;
      const finish = (result: { report?: VerifyReport; error?: string }) => {
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.running.delete(kill);
        resolve(done(result, printed));
      };
      const onAbort = () => {
        ended = 'the verification was interrupted';
        kill();
      };
      const timer = setTimeout(() => {
        ended = `the verification did not finish within ${Math.round(options.timeoutMs / 1000)} s: a handler may loop forever or never answer`;
        kill();
      }, options.timeoutMs);
      child.on('error', (error) => {
        ended ??= `the sandbox could not start (${error.message})`;
      });
      child.on('close', (code, signal) => {
        if (ended !== undefined) return finish({ error: ended });
        if (answer.over()) return finish({ error: 'the implementation flooded the verifier' });
        const text = answer.text();
        let parsed: { nonce?: string; report?: VerifyReport; error?: string } | undefined;
        try {
          parsed = text === '' ? undefined : JSON.parse(text);
        } catch {
          return finish({
            error: 'the verification answer was garbled (the implementation wrote into it)',
          });
        }
        if (parsed === undefined)
          return finish({ error: whyItEnded(code, signal, printed, this.limits) });
        if (parsed.nonce !== nonce)
          return finish({
            error: 'the verification answer was forged (the implementation wrote into it)',
          });
        return finish(
          parsed.report !== undefined
            ? { report: parsed.report }
            : { error: explainError(parsed.error ?? 'no report', this.limits) },
        );
      });
      if (options.signal?.aborted) onAbort();
      else options.signal?.addEventListener('abort', onAbort, { once: true });
      const sandboxJob: SandboxJob = {
        ir: job.ir,
        bundle,
        module: job.module,
        contractsModule,
        runs: job.runs,
        nonce,
        ...(job.seed !== undefined && { seed: job.seed }),
        ...(job.endpoints !== undefined && { endpoints: job.endpoints }),
        ...(job.properties !== undefined && { properties: job.properties }),
      };
      child.stdin!.on('error', () => {});
      child.stdin!.end(JSON.stringify(sandboxJob));
    });
  }

  /** Ends every sandboxed process still running. */
  close(): void {
    for (const kill of this.running) kill();
    this.running.clear();
  }
}
