/**
 * The models the agent knows the price of, and what a request costs. The one place to change
 * when a model is added or its price changes.
 */

/** The model used when neither `--model` nor `SPECL_MODEL` names one. */
export const DEFAULT_MODEL = 'claude-sonnet-4-6';

/** US dollars per million tokens of each kind. */
export interface ModelPrice {
  readonly input: number;
  readonly output: number;
  /** Writing the prompt cache (5-minute entries: 1.25 times the input price). */
  readonly cacheWrite: number;
  /** Reading the prompt cache (a tenth of the input price). */
  readonly cacheRead: number;
}

function price(input: number, output: number): ModelPrice {
  return { input, output, cacheWrite: input * 1.25, cacheRead: input / 10 };
}

/** Prices by model family; a dated model id (`claude-sonnet-4-5-20250929`) takes its family's. */
export const MODEL_PRICES: Readonly<Record<string, ModelPrice>> = {
  'claude-opus-4-1': price(15, 75),
  'claude-opus-4-5': price(5, 25),
  'claude-opus-4-6': price(5, 25),
  'claude-sonnet-4-5': price(3, 15),
  'claude-sonnet-4-6': price(3, 15),
  'claude-haiku-4-5': price(1, 5),
};

/** The most expensive price in the table: what an unknown model is charged, to stay safe. */
const HIGHEST = Object.values(MODEL_PRICES).reduce((a, b) => (b.output > a.output ? b : a));

/** A model's price, and whether it is known or assumed (the highest price in the table). */
export function priceOf(model: string): { price: ModelPrice; known: boolean } {
  const family = Object.keys(MODEL_PRICES)
    .filter((name) => model === name || model.startsWith(`${name}-`))
    .sort((a, b) => b.length - a.length)[0];
  return family ? { price: MODEL_PRICES[family]!, known: true } : { price: HIGHEST, known: false };
}

/** Tokens a request used, by kind, as the API reports them. */
export interface TokenUsage {
  readonly input: number;
  readonly output: number;
  readonly cacheWrite: number;
  readonly cacheRead: number;
}

/** Every token a request used. */
export const totalTokens = (usage: TokenUsage) =>
  usage.input + usage.output + usage.cacheWrite + usage.cacheRead;

/** What tokens cost, in US dollars. */
export function costOf(usage: TokenUsage, price: ModelPrice): number {
  return (
    (usage.input * price.input +
      usage.output * price.output +
      usage.cacheWrite * price.cacheWrite +
      usage.cacheRead * price.cacheRead) /
    1_000_000
  );
}
