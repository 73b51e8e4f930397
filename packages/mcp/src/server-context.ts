import type { Workspace } from './workspace.js';
import type { CallLimiter } from './call-limiter.js';

/** What every tool, resource and prompt of the server works with. */
export interface ServerContext {
  readonly workspace: Workspace;
  /** Whether `verify` may call servers other than loopback ones (`--allow-remote`). */
  readonly allowRemote: boolean;
  /** Whether a module may be verified where the sandbox cannot cut the network (`--unsafe-run`). */
  readonly unsafeRun: boolean;
  /** Bounds how many expensive calls (verification, import) run at once. */
  readonly heavy: CallLimiter;
}
