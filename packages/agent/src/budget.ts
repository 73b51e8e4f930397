import type { ModelPrice, TokenUsage } from './model-prices.js';
import { costOf, totalTokens } from './model-prices.js';

/** How far a run may go: requests to the model, tokens (of every kind), and US dollars. */
export interface BudgetLimits {
  readonly maxTurns: number;
  readonly maxTokens: number;
  readonly maxUsd: number;
}

/** The limits of a run that names none. */
export const DEFAULT_BUDGET: BudgetLimits = { maxTurns: 30, maxTokens: 2_000_000, maxUsd: 5 };

/** Below this many output tokens a request cannot write a file: the run stops instead. */
export const MIN_OUTPUT_TOKENS = 1024;

/** Which limit stopped a run. */
export type BudgetLimit = 'turns' | 'tokens' | 'dollars';

/** What the budget allows the next request: its `max_tokens`, or why it may not be sent. */
export type BudgetDecision =
  | { readonly ok: true; readonly maxTokens: number }
  | { readonly ok: false; readonly limit: BudgetLimit; readonly reason: string };

/** A rough, deliberately high count of the tokens in some text (three characters a token). */
export const estimateTokens = (text: string) => Math.ceil(text.length / 3);

/**
 * The budget of a run: checked before every request, charged after each with what the API
 * reported. A request is sent only if, at worst (its estimated input, uncached, at the cache
 * write price, plus every output token it may ask for), it stays within every limit; its
 * `max_tokens` is lowered to fit.
 */
export class Budget {
  turns = 0;
  private used: TokenUsage = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
  private spent = 0;

  constructor(
    readonly limits: BudgetLimits,
    private readonly price: ModelPrice,
  ) {}

  /** The tokens used so far, by kind. */
  get usage(): TokenUsage {
    return this.used;
  }

  /** Every token used so far. */
  get tokens(): number {
    return totalTokens(this.used);
  }

  /** US dollars spent so far. */
  get costUsd(): number {
    return this.spent;
  }

  /** Whether a request with about `estimatedInput` tokens of input, asking for `wantedOutput`, may go. */
  beforeRequest(estimatedInput: number, wantedOutput: number): BudgetDecision {
    const { maxTurns, maxTokens, maxUsd } = this.limits;
    if (this.turns >= maxTurns)
      return {
        ok: false,
        limit: 'turns',
        reason: `the turn budget is spent (${this.turns} of --max-turns ${maxTurns})`,
      };
    const byTokens = maxTokens - this.tokens - estimatedInput;
    if (byTokens < MIN_OUTPUT_TOKENS)
      return {
        ok: false,
        limit: 'tokens',
        reason: `the token budget would run out in the next request (${this.tokens} used, about ${estimatedInput} more to send, of --max-tokens ${maxTokens})`,
      };
    const inputCost = (estimatedInput * this.price.cacheWrite) / 1_000_000;
    const byDollars = Math.floor(
      ((maxUsd - this.spent - inputCost) * 1_000_000) / this.price.output,
    );
    if (byDollars < MIN_OUTPUT_TOKENS)
      return {
        ok: false,
        limit: 'dollars',
        reason: `the dollar budget would run out in the next request ($${this.spent.toFixed(4)} spent, of --budget-usd ${maxUsd})`,
      };
    return { ok: true, maxTokens: Math.min(wantedOutput, byTokens, byDollars) };
  }

  /** Charges a request's usage; answers what it cost. */
  charge(usage: TokenUsage): number {
    this.turns += 1;
    this.used = {
      input: this.used.input + usage.input,
      output: this.used.output + usage.output,
      cacheWrite: this.used.cacheWrite + usage.cacheWrite,
      cacheRead: this.used.cacheRead + usage.cacheRead,
    };
    const cost = costOf(usage, this.price);
    this.spent += cost;
    return cost;
  }
}
