import type { Verdict } from './spec-change.js';
import type { TypeUsage } from './type-usage.js';

/** A verdict with its reason. */
export interface Judgement {
  readonly verdict: Verdict;
  readonly reason: string;
}

export const breaking = (reason: string): Judgement => ({ verdict: 'breaking', reason });
export const compatible = (reason: string): Judgement => ({ verdict: 'non-breaking', reason });
export const undecided = (reason: string): Judgement => ({ verdict: 'unknown', reason });

const rank: Record<Verdict, number> = { breaking: 2, unknown: 1, 'non-breaking': 0 };

/** The stricter of two verdicts (breaking over unknown over non-breaking). */
export function stricter(a: Judgement, b: Judgement): Judgement {
  return rank[b.verdict] > rank[a.verdict] ? b : a;
}

/**
 * The verdict on a change to something that travels as `usage` says: `inRequests` when
 * clients send it, `inResponses` when they receive it, the stricter of the two when both. For
 * a change inside a named type (`owner`), the reason says where the type travels, and a type
 * that no endpoint uses changes nothing on the wire.
 */
export function byUsage(
  usage: TypeUsage,
  owner: string | undefined,
  inRequests: Judgement,
  inResponses: Judgement,
): Judgement {
  const where = (direction: string, endpoint: string) =>
    owner === undefined ? '' : `; \`${owner}\` is in the ${direction} of \`${endpoint}\``;
  // One literal each (a key after a spread is Node 20's slow path).
  const sent =
    usage.input === undefined
      ? undefined
      : { verdict: inRequests.verdict, reason: inRequests.reason + where('requests', usage.input) };
  const received =
    usage.output === undefined
      ? undefined
      : {
          verdict: inResponses.verdict,
          reason: inResponses.reason + where('responses', usage.output),
        };
  if (sent && received) return stricter(sent, received);
  return (
    sent ??
    received ??
    compatible(`no endpoint uses \`${owner ?? '?'}\`, so no request or response changes`)
  );
}
