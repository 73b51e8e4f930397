import type { Message, TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import type { AgentSeat } from './agent-seat.js';
import type { CandidateReview } from './agent-session.js';
import type { AgentProgress } from './agent-options.js';
import type { AuditLog } from './audit-log.js';
import type { Budget } from './budget.js';
import { estimateTokens } from './budget.js';
import { exchange } from './model-exchange.js';
import type { ModelClient } from './model-client.js';

/** The most of a candidate's diff a critic reads, and of each objection it may make. */
const MAX_DIFF = 60_000;
const MAX_OBJECTION = 2_000;
const MAX_OBJECTIONS = 10;
/** What one review may write. */
const REVIEW_OUTPUT = 4_000;

const REVIEW_TOOL: Tool = {
  name: 'review',
  description: 'Gives your review of the candidate: accept it, or object to it.',
  input_schema: {
    type: 'object',
    properties: {
      verdict: { type: 'string', enum: ['accept', 'object'] },
      objections: {
        type: 'array',
        items: { type: 'string' },
        description:
          'with `object`: each objection on its own, concrete: the file, what is wrong, and the clause of the spec it breaks',
      },
    },
    required: ['verdict'],
  },
};

const names = (endpoints: readonly string[]) => endpoints.map((e) => `\`${e}\``).join(', ');

/** The critic's standing instructions. */
function criticInstructions(endpoints: readonly string[]): string {
  return [
    `You are the critic of Specl's implementation agents. You review the work on the endpoints ${names(endpoints)}: another agent wrote the candidate, and Specl's verifier found every check holding on random inputs and call sequences.`,
    'Review it against the spec (the contract below) and the counterexamples the verifier found on the way. Look for what random testing can miss: values of a counterexample special-cased instead of the cause fixed, a clause of the spec honoured only for some inputs, state shared wrongly between calls or between handler instances, endpoints outside those in scope changed, code that only works under test (unbounded memory, global state, time or randomness that breaks an `ensures`).',
    'Object only to what is wrong against the spec, each objection concrete (file, what, why, which clause). Style is not your concern. Answer with the review tool, once.',
  ].join('\n');
}

/** The review request: the candidate, the verifier's verdict, the counterexamples before it. */
function reviewRequest(seat: AgentSeat): string {
  let diff = seat.staged.diff(seat.staged.folder.given);
  if (diff.length > MAX_DIFF) diff = `${diff.slice(0, MAX_DIFF)}\n… (the rest of the diff is cut)`;
  const now = seat.verifier.latest?.text ?? '(not verified as a whole)';
  const before = seat.verifier.failures;
  return [
    `# The candidate: its changes to the folder \`${seat.context.folder}\``,
    diff === ''
      ? '(no change: the folder as it was already verifies)'
      : `\`\`\`diff\n${diff}\`\`\``,
    '# The verifier now',
    now,
    '# Counterexamples the verifier found before (the last few)',
    before.length > 0 ? before.join('\n\n') : '(none: the first candidate verified)',
  ].join('\n\n');
}

/** The review in the answer, when it is one: accept, or the objections (bounded). */
function reviewOf(message: Message): { accept: boolean; objections: string[] } | undefined {
  const call = message.content.find(
    (block) => block.type === 'tool_use' && block.name === REVIEW_TOOL.name,
  );
  if (call?.type !== 'tool_use') return undefined;
  const input = call.input as { verdict?: unknown; objections?: unknown } | null;
  if (input?.verdict === 'accept') return { accept: true, objections: [] };
  if (input?.verdict !== 'object') return undefined;
  const objections = (Array.isArray(input.objections) ? input.objections : [])
    .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
    .slice(0, MAX_OBJECTIONS)
    .map((item) => (item.length > MAX_OBJECTION ? `${item.slice(0, MAX_OBJECTION)}…` : item));
  return objections.length > 0 ? { accept: false, objections } : undefined;
}

/** The message an author gets with the critic's objections. */
function objectionsMessage(objections: readonly string[], round: number, rounds: number): string {
  const list = objections.map((text, index) => `${index + 1}. ${text}`).join('\n');
  return `Every check held, but the critic reviewing your candidate against the spec objects (round ${round} of ${rounds}):\n${list}\n\nFix what is right in these objections, in general (never for particular values), and run verify. If an objection is wrong against the spec, say why in one line.`;
}

/** What a critic needs. */
export interface CriticOptions {
  /** The author's seat: its staged candidate, verifier and contract. */
  readonly author: AgentSeat;
  /** The critic's own client and log view. */
  readonly client: ModelClient;
  readonly audit: AuditLog;
  readonly progress: (event: AgentProgress) => void;
  readonly budget: Budget;
  /** What the critic used (its own count). */
  readonly tally: Budget;
  /** Rounds of objections at most; a candidate that verifies after them is accepted. */
  readonly rounds: number;
  readonly signal?: AbortSignal;
}

/**
 * The critic (`--critic`): a second agent that reviews each candidate that verifies, against
 * the spec and the counterexamples found on the way, with one request of its own through the
 * shared budget; its objections go back to the author, at most `rounds` times. Every review
 * goes to the audit log. An answer that is not a review is taken as acceptance (logged so).
 */
export class Critic implements CandidateReview {
  private round = 0;
  private readonly system: TextBlockParam[];

  constructor(private readonly options: CriticOptions) {
    this.system = [
      { type: 'text', text: criticInstructions(options.author.scope) },
      { type: 'text', text: options.author.contract, cache_control: { type: 'ephemeral' } },
    ];
  }

  /** The objections of the last review that objected, if any. */
  lastObjections: readonly string[] = [];

  async review(): ReturnType<CandidateReview['review']> {
    const { audit, budget, tally, rounds, client } = this.options;
    if (this.round >= rounds) {
      audit.write('review', {
        verdict: 'accept',
        reason: `accepted on the verifier alone after ${rounds} round${rounds === 1 ? '' : 's'} of objections`,
      });
      return { verdict: 'accept' };
    }
    const text = reviewRequest(this.options.author);
    const messages = [{ role: 'user' as const, content: [{ type: 'text' as const, text }] }];
    const estimate = estimateTokens(JSON.stringify({ system: this.system, messages }));
    const result = await exchange(
      { client, budget, tally, audit, signal: this.options.signal },
      {
        params: {
          system: this.system,
          tools: [REVIEW_TOOL],
          tool_choice: { type: 'tool', name: REVIEW_TOOL.name },
          messages,
        },
        estimate,
        maxOutput: REVIEW_OUTPUT,
      },
    );
    if (result.kind === 'refused')
      return {
        verdict: 'stopped',
        ending: {
          outcome: 'budget',
          limit: result.limit,
          reason: `${result.reason}, before the critic could review the candidate`,
        },
      };
    if (result.kind === 'interrupted')
      return { verdict: 'stopped', ending: { outcome: 'interrupted', reason: result.reason } };
    const { message } = result;
    const review = reviewOf(message);
    if (review === undefined) {
      audit.write('review', {
        verdict: 'accept',
        reason: 'the critic gave no usable review; accepted on the verifier alone',
      });
      return { verdict: 'accept' };
    }
    audit.write('review', {
      round: this.round + 1,
      verdict: review.accept ? 'accept' : 'object',
      objections: review.objections,
    });
    this.options.progress({
      type: 'review',
      verdict: review.accept ? 'accept' : 'object',
      objections: review.objections.length,
    });
    if (review.accept) return { verdict: 'accept' };
    this.round += 1;
    this.lastObjections = review.objections;
    return {
      verdict: 'object',
      objections: objectionsMessage(review.objections, this.round, rounds),
    };
  }
}
