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

/** No limit at all: for counting what one agent of many used. */
export const UNLIMITED: BudgetLimits = {
  maxTurns: Infinity,
  maxTokens: Infinity,
  maxUsd: Infinity,
};

/** Below this many output tokens a request cannot write a file: the run stops instead. */
export const MIN_OUTPUT_TOKENS = 1024;

/** Which limit stopped a run. */
export type BudgetLimit = 'turns' | 'tokens' | 'dollars';

/** What a request in flight may use at worst, held from the budget until it is charged. */
export interface Reservation {
  readonly tokens: number;
  readonly usd: number;
}

/** A refusal: the limit, and why, in words. */
export interface BudgetRefusal {
  readonly ok: false;
  readonly limit: BudgetLimit;
  readonly reason: string;
}

/** What the budget allows the next request: its `max_tokens`, or why it may not be sent. */
export type BudgetDecision =
  | { readonly ok: true; readonly maxTokens: number; readonly reservation: Reservation }
  | BudgetRefusal;

/** A rough, deliberately high count of the tokens in some text (three characters a token). */
export const estimateTokens = (text: string) => Math.ceil(text.length / 3);

const NOTHING_HELD = { turns: 0, tokens: 0, usd: 0 };

/**
 * The budget of a run, shared by every agent of it: checked before every request, charged
 * after each with what the API reported. A request is sent only if, at worst (its estimated
 * input, uncached, at the cache write price, plus every output token it may ask for), it stays
 * within every limit together with the requests still in flight (each holds its worst case
 * until it is charged or released); its `max_tokens` is lowered to fit. Once a request is
 * refused the budget is spent for every agent: none sends another.
 */
export class Budget {
  turns = 0;
  private used: TokenUsage = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
  private spent = 0;
  private held = { ...NOTHING_HELD };
  private refusal: BudgetRefusal | undefined;
  private waiting: (() => void)[] = [];

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

  /** The refusal that spent the budget, once one did. */
  get stopped(): BudgetRefusal | undefined {
    return this.refusal;
  }

  /** What the limits allow a request, counting the requests in flight or not. */
  private decide(estimatedInput: number, wantedOutput: number, held: typeof NOTHING_HELD) {
    const { maxTurns, maxTokens, maxUsd } = this.limits;
    const turns = this.turns + held.turns;
    const tokens = this.tokens + held.tokens;
    const spent = this.spent + held.usd;
    if (turns >= maxTurns)
      return {
        ok: false as const,
        limit: 'turns' as const,
        reason: `the turn budget is spent (${turns} of --max-turns ${maxTurns})`,
      };
    const byTokens = maxTokens - tokens - estimatedInput;
    if (byTokens < MIN_OUTPUT_TOKENS)
      return {
        ok: false as const,
        limit: 'tokens' as const,
        reason: `the token budget would run out in the next request (${tokens} used, about ${estimatedInput} more to send, of --max-tokens ${maxTokens})`,
      };
    const inputCost = (estimatedInput * this.price.cacheWrite) / 1_000_000;
    const byDollars = Math.floor(((maxUsd - spent - inputCost) * 1_000_000) / this.price.output);
    if (byDollars < MIN_OUTPUT_TOKENS)
      return {
        ok: false as const,
        limit: 'dollars' as const,
        reason: `the dollar budget would run out in the next request ($${spent.toFixed(4)} spent, of --budget-usd ${maxUsd})`,
      };
    const maxTokensOut = Math.min(wantedOutput, byTokens, byDollars);
    const worstUsd = inputCost + (maxTokensOut * this.price.output) / 1_000_000;
    return { ok: true as const, maxTokens: maxTokensOut, worstUsd };
  }

  /**
   * Whether a request with about `estimatedInput` tokens of input, asking for `wantedOutput`,
   * may go; when it may, its worst case is held until {@link charge} or {@link release}. A
   * request that fits only once the requests in flight are charged waits for them; one that
   * cannot fit spends the budget, for every agent.
   */
  async admit(estimatedInput: number, wantedOutput: number): Promise<BudgetDecision> {
    for (;;) {
      if (this.refusal) return this.refusal;
      const decision = this.decide(estimatedInput, wantedOutput, this.held);
      if (decision.ok) {
        const reservation = { tokens: estimatedInput + decision.maxTokens, usd: decision.worstUsd };
        this.held = {
          turns: this.held.turns + 1,
          tokens: this.held.tokens + reservation.tokens,
          usd: this.held.usd + reservation.usd,
        };
        return { ok: true, maxTokens: decision.maxTokens, reservation };
      }
      const inFlight = this.held.turns > 0;
      if (inFlight && this.decide(estimatedInput, wantedOutput, NOTHING_HELD).ok)
        await new Promise<void>((resolve) => this.waiting.push(resolve));
      else {
        this.refusal = decision;
        this.wake();
        return decision;
      }
    }
  }

  /** A request that got no answer: what it held goes back. */
  release(reservation: Reservation): void {
    this.held = {
      turns: this.held.turns - 1,
      tokens: this.held.tokens - reservation.tokens,
      usd: this.held.usd - reservation.usd,
    };
    this.wake();
  }

  /** Charges a request's usage (releasing what it held, if anything); answers what it cost. */
  charge(usage: TokenUsage, reservation?: Reservation): number {
    this.turns += 1;
    this.used = {
      input: this.used.input + usage.input,
      output: this.used.output + usage.output,
      cacheWrite: this.used.cacheWrite + usage.cacheWrite,
      cacheRead: this.used.cacheRead + usage.cacheRead,
    };
    const cost = costOf(usage, this.price);
    this.spent += cost;
    if (reservation) this.release(reservation);
    return cost;
  }

  private wake(): void {
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
