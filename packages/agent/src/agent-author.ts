import type { AgentOptions, AgentReport } from './agent-options.js';
import { AgentError } from './agent-error.js';
import { implementRequest, repairRequest } from './agent-prompts.js';
import type { AgentSeat, RunSetup } from './agent-seat.js';
import { modelClient, progressOf } from './agent-seat.js';
import type { CandidateReview } from './agent-session.js';
import { runSession } from './agent-session.js';
import { Budget, UNLIMITED } from './budget.js';
import { DEFAULT_CRITIC_ROUNDS } from './agent-defaults.js';
import { Critic } from './critic.js';
import { verificationHeld } from './describe-verification.js';
import type { Ending } from './finish-run.js';
import { resolveImplPath } from './impl-path.js';

/** What the run logs when it starts. */
export function startEntry(options: AgentOptions, setup: RunSetup, baseURL: string) {
  return {
    mode: options.mode,
    model: setup.model,
    priceKnown: setup.priceKnown,
    spec: {
      name: options.ir.name,
      version: options.ir.version,
      fingerprint: options.ir.fingerprint,
    },
    implDir: setup.folderShown,
    entry: setup.entry,
    endpoints: setup.scope,
    budget: setup.limits,
    runs: options.runs ?? 100,
    sandbox: { kind: setup.sandbox.kind, protection: setup.sandbox.description },
    stream: options.stream ?? true,
    baseURL,
    ...(options.parallel !== undefined && options.parallel > 1 && { parallel: options.parallel }),
    ...(options.critic === true && {
      critic: { rounds: options.criticRounds ?? DEFAULT_CRITIC_ROUNDS },
    }),
  };
}

/** The entry module must be a file the agent may write. */
export function checkEntry(setup: RunSetup, seat: AgentSeat): void {
  try {
    resolveImplPath(setup.entry, seat.staged.folder, 'write');
  } catch (error) {
    throw new AgentError('usage', `--entry: ${(error as Error).message}`);
  }
}

/** An author with its own count of what it used, and its critic, if the run has critics. */
export interface Author {
  readonly seat: AgentSeat;
  readonly tally: Budget;
  readonly critic?: { readonly review: CandidateReview; readonly tally: Budget };
}

/** Gives an author its count, and a critic when `--critic` asked for one. */
export function authorOf(
  options: AgentOptions,
  setup: RunSetup,
  seat: AgentSeat,
  budget: Budget,
): Author {
  const tally = new Budget(UNLIMITED, setup.price);
  if (options.critic !== true) return { seat, tally };
  const audit = seat.audit.for({ id: `${seat.audit.agent.id}.critic`, role: 'critic' });
  const criticTally = new Budget(UNLIMITED, setup.price);
  const review = new Critic({
    author: seat,
    client: modelClient(options, setup, audit),
    audit,
    progress: progressOf(setup, audit),
    budget,
    tally: criticTally,
    rounds: options.criticRounds ?? DEFAULT_CRITIC_ROUNDS,
    ...(options.signal && { signal: options.signal }),
  });
  return { seat, tally, critic: { review, tally: criticTally } };
}

/** What an author and its critic did, once its part ended. */
export function reportsOf(author: Author, ending: Ending | undefined): AgentReport[] {
  const { id, role } = author.seat.audit.agent;
  const status = ending ?? { outcome: 'interrupted' as const, reason: 'it did not finish' };
  const part = { outcome: status.outcome, reason: status.reason };
  const reports: AgentReport[] = [
    {
      id,
      role: role === 'merger' ? 'merger' : 'author',
      endpoints: author.seat.scope,
      ...part,
      turns: author.tally.turns,
      tokens: author.tally.tokens,
      costUsd: author.tally.costUsd,
      files: author.seat.staged.stagedEdits().map((edit) => edit.relative),
    },
  ];
  if (author.critic)
    reports.push({
      id: `${id}.critic`,
      role: 'critic',
      endpoints: author.seat.scope,
      ...part,
      turns: author.critic.tally.turns,
      tokens: author.critic.tally.tokens,
      costUsd: author.critic.tally.costUsd,
      files: [],
    });
  return reports;
}

/**
 * Runs one author's part: in `repair` mode the staged code is verified first (and needs no
 * agent when it holds), then the conversation until it ends.
 */
export async function runAuthor(
  options: AgentOptions,
  setup: RunSetup,
  author: Author,
  budget: Budget,
): Promise<Ending> {
  const { seat } = author;
  let first: string;
  if (options.mode === 'repair') {
    const { outcome, text } = await seat.verifier.current();
    if (verificationHeld(outcome))
      return {
        outcome: 'verified',
        reason: 'the implementation already meets the spec; nothing to repair',
      };
    first = repairRequest(seat.context, seat.staged.list(), text);
  } else first = implementRequest(seat.context, seat.staged.list());
  return runSession({
    seat,
    first,
    budget,
    tally: author.tally,
    maxOutput: setup.maxOutput,
    ...(options.signal && { signal: options.signal }),
    ...(author.critic && { critic: author.critic.review }),
  });
}
