// The ACH implementation with a classic payments bug: the transfer is posted before its
// Idempotency-Key is looked up. A retry still answers the first transfer (the response looks
// right), but the money moves twice. `specl verify` finds it with `retryMovesMoneyOnce`.
import type { Handlers } from '../generated/types.js';
import { createHandlers as correctHandlers } from '../impl/handlers.js';
import { IdempotencyKeys } from '../impl/idempotency.js';
import { Ledger } from '../impl/ledger.js';

/** The correct handlers, except `createTransfer`, which posts before it checks the key. */
export function createHandlers(): Handlers {
  const ledger = new Ledger();
  const keys = new IdempotencyKeys();
  return {
    ...correctHandlers(ledger, keys),
    async createTransfer({ idempotencyKey, body, auth }) {
      if (!auth) return { status: 401 };
      const answer = ledger.post(body); // the bug: this belongs after the replay check
      const replayed = keys.replay(idempotencyKey, body);
      if (replayed) return replayed;
      if (answer.status === 201) keys.remember(idempotencyKey, body, answer.body);
      return answer;
    },
  };
}
