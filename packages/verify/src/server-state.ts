import { execFile } from 'node:child_process';
import type { EndpointContract, SendOptions, Target } from '@specl/runtime';
import { TargetUnreachable } from '@specl/runtime';
import type { TargetSource } from './load-target.js';

/**
 * Thrown when the server cannot be reset: the command failed, the URL did not answer 2xx. The
 * server cannot be brought to a known state, so, as for one that cannot be reached, nothing is
 * verified (exit 3).
 */
export class ResetFailed extends TargetUnreachable {
  constructor(message: string) {
    super(message);
    this.name = 'ResetFailed';
  }
}

/** How long one reset may take (a command or a request), in milliseconds. */
export const RESET_TIMEOUT_MS = 30_000;

/**
 * A reset of the server under test, from `--reset`: an http(s) URL is sent a POST (which must
 * answer 2xx), anything else is a shell command (which must exit 0). Both are bounded in time.
 */
export function resetOf(spec: string, timeoutMs = RESET_TIMEOUT_MS): () => Promise<void> {
  if (/^https?:\/\//i.test(spec))
    return async () => {
      let response: Response;
      try {
        response = await fetch(spec, {
          method: 'POST',
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ResetFailed(`the reset POST ${spec} failed (${reason})`);
      }
      if (response.status < 200 || response.status >= 300)
        throw new ResetFailed(`the reset POST ${spec} answered ${response.status}, not 2xx`);
    };
  return () =>
    new Promise<void>((resolve, reject) => {
      execFile(
        '/bin/sh',
        ['-c', spec],
        { timeout: timeoutMs, maxBuffer: 1024 * 1024 },
        (error, _stdout, stderr) => {
          if (!error) return resolve();
          const code = (error as { code?: unknown }).code;
          const why = error.killed
            ? `did not end within ${timeoutMs} ms`
            : `exited with ${String(code)}`;
          const tail = stderr.trim().split('\n').slice(-3).join(' / ');
          reject(new ResetFailed(`the reset command \`${spec}\` ${why}${tail && `: ${tail}`}`));
        },
      );
    });
}

/** A source whose every run (and replay) starts after a reset of the server: fresh state. */
export function withReset(source: TargetSource, reset: () => Promise<void>): TargetSource {
  return {
    ...source,
    description: `${source.description} (reset before each run)`,
    fresh: true,
    async open() {
      await reset();
      return source.open();
    },
  };
}

/** A request sent during a verification, as a report keeps it to send again. */
export interface SentEntry {
  readonly endpoint: string;
  readonly request: Readonly<Record<string, unknown>>;
  readonly options?: SendOptions;
}

/** The most requests a failure keeps of the history before it (the latest ones). */
export const HISTORY_LIMIT = 10_000;

/**
 * Every request sent through a source, in order: the history a failure that needs earlier
 * state keeps, so that a replay can send it again. Keeps the latest {@link HISTORY_LIMIT}.
 */
export class RequestLog {
  private entries: SentEntry[] = [];
  /** Requests sent so far, dropped ones included. */
  count = 0;

  /** The source, with every request it sends logged. */
  logging(source: TargetSource): TargetSource {
    return {
      ...source,
      open: async () => {
        const target = await source.open();
        return {
          description: target.description,
          ...(target.baseUrl !== undefined && { baseUrl: target.baseUrl }),
          send: (endpoint, request, options) => {
            this.entries.push({
              endpoint: endpoint.name,
              request,
              ...(options && Object.keys(options).length > 0 && { options }),
            });
            this.count++;
            if (this.entries.length > 2 * HISTORY_LIMIT)
              this.entries = this.entries.slice(-HISTORY_LIMIT);
            return target.send(endpoint, request, options);
          },
        };
      },
    };
  }

  /** The requests sent before the `count`-th, the latest {@link HISTORY_LIMIT}; and how many were dropped. */
  before(count: number): { history: SentEntry[]; dropped: number } {
    const firstKept = this.count - this.entries.length;
    const kept = this.entries.slice(0, Math.max(0, count - firstKept));
    const history = kept.slice(-HISTORY_LIMIT);
    return { history, dropped: count - history.length };
  }
}

/**
 * A source that first sends `history` (answers ignored: they only rebuild the server's state),
 * then serves every run from that one target: to replay a failure that needed earlier state.
 */
export async function afterHistory(
  source: TargetSource,
  endpoints: Readonly<Record<string, EndpointContract>>,
  history: readonly SentEntry[],
): Promise<TargetSource> {
  const target: Target = await source.open();
  for (const entry of history) {
    const endpoint = endpoints[entry.endpoint];
    if (endpoint === undefined) continue;
    try {
      await target.send(endpoint, entry.request, entry.options);
    } catch (error) {
      if (error instanceof TargetUnreachable) throw error;
    }
  }
  return { ...source, open: async () => target };
}
