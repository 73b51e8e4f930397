// An in-process implementation of the ACH payments API (ach-payments.specl), in memory.
import type { Handlers } from '../generated/types.js';
import { IdempotencyKeys } from './idempotency.js';
import { Ledger, notFound } from './ledger.js';

/** Every endpoint needs a bearer token (any, in this in-memory bank); without one, 401. */
const UNAUTHORIZED = { status: 401 } as const;

/**
 * A fresh implementation with empty books: `specl verify --impl` calls it for every run.
 * A transfer is posted at once; a retry with the same Idempotency-Key answers the first
 * transfer without moving money again.
 */
export function createHandlers(ledger = new Ledger(), keys = new IdempotencyKeys()): Handlers {
  return {
    async openAccount({ body, auth }) {
      if (!auth) return UNAUTHORIZED;
      const account = ledger.open(body);
      return { status: 201, body: account, headers: { location: `/accounts/${account.id}` } };
    },

    async getAccount({ id, auth }) {
      if (!auth) return UNAUTHORIZED;
      const account = ledger.account(id);
      return account ? { status: 200, body: account } : notFound(id);
    },

    async createTransfer({ idempotencyKey, body, auth }) {
      if (!auth) return UNAUTHORIZED;
      const replayed = keys.replay(idempotencyKey, body);
      if (replayed) return replayed;
      const answer = ledger.post(body);
      if (answer.status === 201) keys.remember(idempotencyKey, body, answer.body);
      return answer;
    },

    async getTransfer({ id, auth }) {
      if (!auth) return UNAUTHORIZED;
      const transfer = ledger.transfer(id);
      if (!transfer) return { status: 404, body: { message: `no transfer ${id}` } };
      return { status: 200, body: transfer };
    },

    async listTransfers({ id, limit, cursor, auth }) {
      if (!auth) return UNAUTHORIZED;
      const page = ledger.transfersOf(id, limit ?? 20, cursor);
      if (page === 'invalid')
        return { status: 400, body: { message: `no page of ${id} starts at ${cursor}` } };
      return page ? { status: 200, body: page } : notFound(id);
    },
  };
}
