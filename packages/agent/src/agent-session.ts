import type {
  ContentBlockParam,
  Message,
  MessageParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { AgentSeat } from './agent-seat.js';
import { stillFailing } from './agent-prompts.js';
import { runTool } from './agent-tools.js';
import type { Budget } from './budget.js';
import { estimateTokens } from './budget.js';
import { asParams, usageOf, withCacheBreakpoint } from './conversation.js';
import { verificationHeld } from './describe-verification.js';
import { exchange } from './model-exchange.js';
import type { Ending } from './finish-run.js';

/** A reviewer of candidates that verify: objections to send back, or acceptance. */
export interface CandidateReview {
  /** Reviews the staged candidate: `accept`, objections for the author, or a spent budget. */
  review(): Promise<
    | { readonly verdict: 'accept' }
    | { readonly verdict: 'object'; readonly objections: string }
    | { readonly verdict: 'stopped'; readonly ending: Ending }
  >;
}

/** One agent's conversation: where it sits, what it is asked first, what it may spend. */
export interface SessionOptions {
  readonly seat: AgentSeat;
  /** The first message (the job). */
  readonly first: string;
  /** The run's budget, shared with every other agent of it. */
  readonly budget: Budget;
  /** What this agent used (its own count, no limits). */
  readonly tally: Budget;
  readonly maxOutput: number;
  readonly signal?: AbortSignal;
  /** Reviews each candidate that verifies before it is accepted (`--critic`). */
  readonly critic?: CandidateReview;
}

/** Runs the tool calls of an answer; answers their results, in order. */
async function runToolCalls(
  message: Message,
  turn: number,
  seat: AgentSeat,
): Promise<ToolResultBlockParam[]> {
  const { staged, verifier, audit, progress, scope } = seat;
  const calls = message.content.filter((block) => block.type === 'tool_use');
  const context = {
    staged,
    endpoints: scope,
    verify: (asked: readonly string[]) => verifier.verify(asked),
  };
  const results: ToolResultBlockParam[] = [];
  for (const [index, call] of calls.entries()) {
    audit.write('tool_call', { turn, id: call.id, name: call.name, input: call.input });
    const input = call.input as Record<string, unknown> | null;
    const detail = input?.['path'] ?? input?.['endpoint'] ?? '';
    progress({ type: 'tool', name: call.name, detail: typeof detail === 'string' ? detail : '' });
    const cut = message.stop_reason === 'max_tokens' && index === calls.length - 1;
    const result = cut
      ? {
          text: 'your answer was cut off (max_tokens) before this call was complete; nothing was done: write smaller files',
          isError: true,
        }
      : await runTool(call.name, call.input, context);
    if ('wrote' in result && result.wrote !== undefined) verifier.invalidate();
    audit.write('tool_result', {
      turn,
      id: call.id,
      name: call.name,
      is_error: result.isError,
      content: result.text,
    });
    if (result.isError) progress({ type: 'refused', name: call.name, message: result.text });
    results.push({
      type: 'tool_result',
      tool_use_id: call.id,
      content: result.text,
      ...(result.isError && { is_error: true }),
    });
  }
  return results;
}

/**
 * Runs one author agent's conversation until its candidate verifies (and, with a critic, is
 * accepted), the model stops, the budget is spent, or the run is interrupted: each request
 * admitted by the shared budget first, the tool calls run on the agent's staged copy, the
 * verifier's counterexamples and the critic's objections sent back. Throws an
 * {@link AgentError} when the API fails for good.
 */
export async function runSession(options: SessionOptions): Promise<Ending> {
  const { seat, budget, tally, signal } = options;
  const { audit, verifier, progress } = seat;
  const interrupted: Ending = { outcome: 'interrupted', reason: 'the run was interrupted' };
  const verified: Ending = { outcome: 'verified', reason: 'every check held' };
  /** Verified: accepted, or the critic's objections to go back (after `before`). */
  const accept = async (before: ContentBlockParam[]): Promise<Ending | MessageParam> => {
    if (!options.critic) return verified;
    const review = await options.critic.review();
    if (review.verdict === 'accept') return verified;
    if (review.verdict === 'stopped') return review.ending;
    return { role: 'user', content: [...before, { type: 'text', text: review.objections }] };
  };
  const messages: MessageParam[] = [
    { role: 'user', content: [{ type: 'text', text: options.first }] },
  ];
  const { system, tools } = seat;
  let estimate = estimateTokens(JSON.stringify({ system, tools, messages }));
  for (;;) {
    if (signal?.aborted) return interrupted;
    const result = await exchange(
      { client: seat.client, budget, tally, audit, signal },
      {
        params: { system, tools, messages: withCacheBreakpoint(messages) },
        estimate,
        maxOutput: options.maxOutput,
        logged: { messages: messages.length },
        logText: true,
        onAdmitted: (turn) => progress({ type: 'request', turn, maxTurns: budget.limits.maxTurns }),
      },
    );
    if (result.kind === 'refused')
      return { outcome: 'budget', reason: result.reason, limit: result.limit };
    if (result.kind === 'interrupted') return interrupted;
    const { message, turn } = result;
    const usage = usageOf(message);
    progress({
      type: 'response',
      turn,
      stopReason: message.stop_reason,
      tokens: budget.tokens,
      costUsd: budget.costUsd,
    });
    for (const block of message.content)
      if (block.type === 'text' && block.text.trim() !== '')
        progress({ type: 'text', text: block.text });
    if (message.stop_reason === 'refusal')
      return { outcome: 'refused', reason: 'the model declined to go on' };
    messages.push({ role: 'assistant', content: asParams(message) });
    // What the next request sends again: this one's input and answer, then the new message.
    const sent = usage.input + usage.cacheRead + usage.cacheWrite + usage.output;
    let reply: MessageParam;
    if (message.content.some((block) => block.type === 'tool_use')) {
      const results = await runToolCalls(message, turn, seat);
      if (verifier.holds) {
        const next = await accept(results);
        if (!('role' in next)) return next;
        reply = next;
      } else reply = { role: 'user', content: results };
    } else {
      const { outcome, text } = await verifier.current();
      if (verificationHeld(outcome)) {
        const next = await accept([]);
        if (!('role' in next)) return next;
        reply = next;
      } else reply = { role: 'user', content: [{ type: 'text', text: stillFailing(text) }] };
    }
    if (signal?.aborted) return interrupted;
    messages.push(reply);
    estimate = sent + estimateTokens(JSON.stringify(reply.content));
  }
}
