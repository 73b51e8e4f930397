/**
 * The agent's defaults that the CLI's help text names. A module of its own, imported by the CLI
 * as `@specl/agent/defaults`, so that printing help loads none of the agent (nor the Anthropic
 * SDK).
 */

/** The rounds of objections a critic may send back to an author (default of `--critic-rounds`). */
export const DEFAULT_CRITIC_ROUNDS = 2;
