import { AgentError } from './agent-error.js';
import { authorOf, checkEntry, reportsOf, runAuthor, startEntry } from './agent-author.js';
import type { AgentOptions, AgentResult } from './agent-options.js';
import { runSetup, seatAgent } from './agent-seat.js';
import { AuditLog } from './audit-log.js';
import { Budget } from './budget.js';
import type { Ending } from './finish-run.js';
import { finishRun } from './finish-run.js';
import { runParallel } from './parallel/run-parallel.js';

/**
 * Runs the agent: builds the contract from the compiled spec, asks the model to implement (or
 * repair) the endpoints in scope through four tools (list, read and write files in the
 * implementation folder, run the verifier), sends the verifier's counterexamples back, and
 * goes on until every check holds or a budget runs out. With `critic`, a second agent reviews
 * each candidate that verifies, and its objections go back to the author; with `parallel`
 * above 1, the endpoints are split into groups, one agent each (see {@link runParallel}). The
 * model's writes are staged in a temporary copy of the folder, where the verifier runs; they
 * reach the real folder only with `apply`, at the end, all at once, and only when the run
 * verified. Every request's usage, tool call and result, review and verification goes to the
 * audit log, tagged with the agent and its role; one budget holds for every agent.
 *
 * Throws an {@link AgentError} when the run cannot start (no API key, an unknown endpoint, a
 * missing folder) or the API fails for good (unreachable, rate limited, overloaded); nothing
 * is written then. An interrupted run (`signal`) ends with outcome `interrupted`.
 */
export async function runAgent(options: AgentOptions): Promise<AgentResult> {
  const setup = runSetup(options);
  if ((options.parallel ?? 1) > 1) return runParallel(options, setup);
  const audit = AuditLog.open(options.projectRoot, [setup.apiKey]);
  const budget = new Budget(setup.limits, setup.price);
  const seat = seatAgent(options, setup, {
    audit: audit.for({ id: 'agent', role: 'author' }),
    scope: setup.scope,
  });
  const author = authorOf(options, setup, seat, budget);
  let ending: Ending | undefined;
  const state = {
    staged: seat.staged,
    verifier: seat.verifier,
    audit,
    budget,
    model: setup.model,
    priceKnown: setup.priceKnown,
    verifyUnchanged: options.mode === 'repair',
    apply: options.apply === true,
    displayBase: setup.displayBase,
    agents: () => reportsOf(author, ending),
  };
  try {
    checkEntry(setup, seat);
    audit.write('start', {
      ...startEntry(options, setup, seat.client.baseURL),
      system: seat.system.map((block) => block.text),
    });
    ending = await runAuthor(options, setup, author, budget);
    return await finishRun(state, ending);
  } catch (error) {
    if (error instanceof AgentError) {
      audit.write('error', { kind: error.kind, message: error.message });
      error.auditLog = audit.path;
    }
    throw error;
  } finally {
    seat.close();
  }
}
