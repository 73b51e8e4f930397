import type {
  Message,
  MessageCreateParamsNonStreaming,
} from '@anthropic-ai/sdk/resources/messages';
import { AgentError } from './agent-error.js';
import type { AuditLog } from './audit-log.js';
import type { Budget, BudgetLimit } from './budget.js';
import { usageOf } from './conversation.js';
import type { ModelClient } from './model-client.js';

/** Who asks and who pays: the client, the run's shared budget, the asker's own tally, its log. */
export interface ExchangeParty {
  readonly client: ModelClient;
  readonly budget: Budget;
  readonly tally: Budget;
  readonly audit: AuditLog;
  readonly signal?: AbortSignal;
}

/** One request: what goes to the model (without `model` and `max_tokens`) and how it is logged. */
export interface ExchangeRequest {
  readonly params: Omit<MessageCreateParamsNonStreaming, 'model' | 'max_tokens'>;
  /** The request's input tokens, estimated: what the budget admits it on. */
  readonly estimate: number;
  /** The most the answer may write. */
  readonly maxOutput: number;
  /** More fields for the audit log's `request` entry. */
  readonly logged?: Readonly<Record<string, unknown>>;
  /** Whether the `response` entry keeps the answer's text. */
  readonly logText?: boolean;
  /** Called with the turn once the budget has admitted the request, before it goes. */
  readonly onAdmitted?: (turn: number) => void;
}

/** How an exchange ended: answered, refused by the budget, or interrupted. */
export type ExchangeResult =
  | { readonly kind: 'answered'; readonly message: Message; readonly turn: number }
  | { readonly kind: 'refused'; readonly limit: BudgetLimit; readonly reason: string }
  | { readonly kind: 'interrupted'; readonly reason: string };

/**
 * Sends one request to the model as every agent of a run does: admitted by the shared budget
 * (a refusal is logged as `stop`), logged before it goes and when it is answered, its usage
 * charged to the budget and to the asker's tally; a reservation is released when the request
 * fails. Throws the {@link AgentError} of an API that fails for good.
 */
export async function exchange(
  party: ExchangeParty,
  request: ExchangeRequest,
): Promise<ExchangeResult> {
  const { client, budget, tally, audit, signal } = party;
  const decision = await budget.admit(request.estimate, request.maxOutput);
  if (!decision.ok) {
    audit.write('stop', { limit: decision.limit, reason: decision.reason });
    return { kind: 'refused', limit: decision.limit, reason: decision.reason };
  }
  const turn = tally.turns + 1;
  request.onAdmitted?.(turn);
  audit.write('request', {
    turn,
    max_tokens: decision.maxTokens,
    ...request.logged,
    estimatedInputTokens: request.estimate,
  });
  let message: Message;
  try {
    message = await client.send(
      { ...request.params, model: client.model, max_tokens: decision.maxTokens },
      signal,
    );
  } catch (error) {
    budget.release(decision.reservation);
    if (error instanceof AgentError && error.kind === 'interrupted')
      return { kind: 'interrupted', reason: error.message };
    throw error;
  }
  const usage = usageOf(message);
  const cost = budget.charge(usage, decision.reservation);
  tally.charge(usage);
  audit.write('response', {
    turn,
    id: message.id,
    stop_reason: message.stop_reason,
    usage: message.usage,
    costUsd: cost,
    totalTokens: budget.tokens,
    totalCostUsd: budget.costUsd,
    ...(request.logText && {
      text: message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])),
    }),
  });
  return { kind: 'answered', message, turn };
}
