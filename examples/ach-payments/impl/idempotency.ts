// Idempotency keys for the ACH example: what a key answered, so that a retry gets the same
// answer and a reused key for a different transfer is refused.
import type { CreateTransferResult, NewTransfer, Transfer } from '../generated/types.js';

/** Whether two transfer orders ask for the same thing. */
function sameOrder(a: NewTransfer, b: NewTransfer): boolean {
  return (
    a.fromAccountId === b.fromAccountId &&
    a.toAccountId === b.toAccountId &&
    a.amount === b.amount &&
    a.description === b.description
  );
}

/** The transfers posted under each key; a key is scoped to the account its transfer debits. */
export class IdempotencyKeys {
  private readonly posted = new Map<string, { order: NewTransfer; transfer: Transfer }>();

  private static scoped(key: string, order: NewTransfer): string {
    return `${order.fromAccountId}\u0000${key}`;
  }

  /**
   * The answer for a key seen before: the same transfer for the same order, a 422 for a
   * different one; undefined for a new key.
   */
  replay(key: string, order: NewTransfer): CreateTransferResult | undefined {
    const seen = this.posted.get(IdempotencyKeys.scoped(key, order));
    if (!seen) return undefined;
    if (sameOrder(seen.order, order)) {
      const location = `/transfers/${seen.transfer.id}`;
      return { status: 201, body: seen.transfer, headers: { location, replayed: true } };
    }
    return {
      status: 422,
      body: {
        message: `the Idempotency-Key ${JSON.stringify(key)} was used for another transfer`,
        transferId: seen.transfer.id,
      },
    };
  }

  /** Remembers the transfer posted under a key. */
  remember(key: string, order: NewTransfer, transfer: Transfer): void {
    this.posted.set(IdempotencyKeys.scoped(key, order), { order, transfer });
  }
}
