import type { SpecIR } from '@specl/compiler';
import type { VerifyReport } from '@specl/verify';
import type { BudgetLimit, BudgetLimits } from './budget.js';
import type { TokenUsage } from './model-prices.js';
import type { SandboxLimits } from './sandbox/sandbox-command.js';
import type { SandboxKind } from './sandbox/sandbox-protection.js';
import type { StagedEdit } from './staged-impl.js';

/** `implement`: write the endpoints; `repair`: start from the current code and its counterexamples. */
export type AgentMode = 'implement' | 'repair';

/** What a run does, to what, within which limits. */
export interface AgentOptions {
  readonly mode: AgentMode;
  /** The compiled spec. */
  readonly ir: SpecIR;
  /** The root spec file (its folder is where the IR's locations are relative to). */
  readonly specFile: string;
  /** The implementation folder: the only place the agent writes. It must exist. */
  readonly implDir: string;
  /** The module the verifier loads, relative to `implDir` (default `handlers.ts`). */
  readonly entry?: string;
  /** The endpoints in scope (default: all). */
  readonly endpoints?: readonly string[];
  /** Where `.specl/` is: the audit log goes to `.specl/runs/`, steering is read from `.specl/steering.md`. */
  readonly projectRoot: string;
  /** The compiled types module the implementation imports (default `<spec folder>/generated/types.ts`). */
  readonly typesModule?: string;
  /** The API key (from ANTHROPIC_API_KEY); the run refuses to start without one. */
  readonly apiKey: string | undefined;
  /** The API's base URL (default: what the SDK reads from ANTHROPIC_BASE_URL, or the public API). */
  readonly baseURL?: string;
  /** The model (default {@link DEFAULT_MODEL}). */
  readonly model?: string;
  readonly budget?: Partial<BudgetLimits>;
  /** The most output tokens one request may ask for (default 16000). */
  readonly maxOutputTokens?: number;
  /** Runs per check of each verification (default 100). */
  readonly runs?: number;
  readonly seed?: number;
  /** Stream answers (default true). */
  readonly stream?: boolean;
  /** How long one API request may take, in milliseconds (default 10 minutes). */
  readonly requestTimeoutMs?: number;
  /** Retries of a failed API request (default 4). */
  readonly maxRetries?: number;
  /** How long one verification may take, in milliseconds (default 120 s). */
  readonly verifyTimeoutMs?: number;
  /** Write the changes into `implDir` at the end when the run verified (default false: only a diff). */
  readonly apply?: boolean;
  /** Diff paths are shown relative to this folder (default `projectRoot`). */
  readonly displayBase?: string;
  /**
   * Run model-written code even where the sandbox cannot cut the network (Node's permission
   * model only): the run refuses otherwise. Default false.
   */
  readonly unsafeRun?: boolean;
  /** A weaker sandbox than the strongest that works here (for tests and comparisons). */
  readonly sandbox?: SandboxKind;
  /** The sandbox's CPU, memory and file-size limits (defaults: 300 s, 1024 MB, 64 MB). */
  readonly sandboxLimits?: Partial<SandboxLimits>;
  /**
   * Agents working in parallel at most (default 1): the endpoints in scope are split into
   * groups by the spec's tags, or else by resource, one agent a group, each in its own staged
   * copy; their work is merged and verified as a whole.
   */
  readonly parallel?: number;
  /** What to do when two groups wrote one file differently (default `agent`: a final agent merges). */
  readonly conflicts?: 'agent' | 'report';
  /** A critic agent reviews each candidate that verifies before it is accepted (default false). */
  readonly critic?: boolean;
  /** Rounds of objections a critic may send back to an author (default 2). */
  readonly criticRounds?: number;
  /** Aborts the run: the request in flight and any verification stop, nothing is written. */
  readonly signal?: AbortSignal;
  /** Told of each step, for progress on a terminal or in an editor. */
  readonly onProgress?: (event: AgentProgress) => void;
}

/** A step of a run, as it happens; `agent` names the agent of a parallel run or a critic. */
export type AgentProgress = AgentStep & { readonly agent?: string };

/** A step of one agent. */
export type AgentStep =
  | { readonly type: 'request'; readonly turn: number; readonly maxTurns: number }
  | {
      readonly type: 'response';
      readonly turn: number;
      readonly stopReason: string | null;
      readonly tokens: number;
      readonly costUsd: number;
    }
  | { readonly type: 'text'; readonly text: string }
  /** A request attempt that failed: the HTTP status, or why none came back (the SDK may retry). */
  | { readonly type: 'attempt_failed'; readonly what: number | string }
  /** A tool call about to run: its name and path or endpoint. */
  | { readonly type: 'tool'; readonly name: string; readonly detail: string }
  /** A tool call refused: what the model was told. */
  | { readonly type: 'refused'; readonly name: string; readonly message: string }
  /** A critic's review of a candidate that verified. */
  | { readonly type: 'review'; readonly verdict: 'accept' | 'object'; readonly objections: number }
  /** A parallel run's groups, and (later) its merge. */
  | { readonly type: 'groups'; readonly groups: readonly (readonly string[])[] }
  | { readonly type: 'merge'; readonly files: number; readonly conflicts: readonly string[] }
  | {
      readonly type: 'verification';
      readonly endpoints: readonly string[];
      readonly held: number;
      readonly failed: number;
      readonly error?: string;
    };

/** How a run ended (`conflict`: groups of a parallel run wrote one file differently). */
export type AgentOutcome = 'verified' | 'budget' | 'refused' | 'interrupted' | 'conflict';

/** What one agent of a run did. */
export interface AgentReport {
  /** `agent`, `group-1`, …, `merge`; a critic is `<author>.critic`. */
  readonly id: string;
  readonly role: 'author' | 'critic' | 'merger';
  readonly endpoints: readonly string[];
  /** How its part ended (a critic: how its author's did). */
  readonly outcome: AgentOutcome;
  readonly reason: string;
  readonly turns: number;
  readonly tokens: number;
  readonly costUsd: number;
  /** The files it changed, relative to the folder. */
  readonly files: readonly string[];
}

/** A file that groups of a parallel run wrote differently. */
export interface MergeConflict {
  /** The path relative to the implementation folder. */
  readonly relative: string;
  /** The groups that wrote it, with what each wrote. */
  readonly versions: readonly { readonly agent: string; readonly text: string }[];
}

/** What a run did. Nothing in the real folder changed unless `applied`. */
export interface AgentResult {
  readonly outcome: AgentOutcome;
  /** Why it ended, in words. */
  readonly reason: string;
  /** The limit that stopped it, for `budget`. */
  readonly limit?: BudgetLimit;
  /** The changes the model made (staged; written when `applied`). */
  readonly edits: readonly StagedEdit[];
  /** The changes as a unified diff. */
  readonly diff: string;
  readonly applied: boolean;
  /** The last verification of everything in scope, of the code as staged at the end. */
  readonly verification?: VerifyReport;
  /** The checks that held and failed in it, by name. */
  readonly held: readonly string[];
  readonly failed: readonly string[];
  readonly model: string;
  /** Whether the model's price is in the table (otherwise the highest price was assumed). */
  readonly priceKnown: boolean;
  readonly turns: number;
  readonly usage: TokenUsage;
  readonly tokens: number;
  readonly costUsd: number;
  /** Every agent of the run, with what it did (one for a run of one agent without a critic). */
  readonly agents: readonly AgentReport[];
  /** The files groups wrote differently (parallel runs): resolved by the merge agent, or not. */
  readonly conflicts: readonly MergeConflict[];
  /** The audit log (`.specl/runs/<timestamp>.jsonl`) and the saved diff beside it, if any. */
  readonly auditLog: string;
  readonly savedDiff?: string;
}
