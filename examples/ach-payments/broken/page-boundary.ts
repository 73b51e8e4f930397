// The ACH implementation with a classic pagination bug: pages are cut by posting time, to the
// second, and the cursor is the time of the page's last transfer, so the next page starts
// strictly before it. Transfers posted in the same second as a page's last one, but not on
// that page, are never shown. Every page looks right on its own; only a walk of every page
// shows the loss. `specl verify` finds it with `historyIsComplete`.
import type { Handlers, Transfer } from '../generated/types.js';
import { createHandlers as correctHandlers } from '../impl/handlers.js';
import { IdempotencyKeys } from '../impl/idempotency.js';
import { Ledger, notFound } from '../impl/ledger.js';

/** The second a transfer was posted in: the sort key of the buggy pages. */
const second = (transfer: Transfer) => transfer.postedAt.slice(0, 19);

/** The correct handlers, except `listTransfers`, whose cursor is a posting second. */
export function createHandlers(): Handlers {
  const ledger = new Ledger();
  return {
    ...correctHandlers(ledger, new IdempotencyKeys()),
    async listTransfers({ id, limit, cursor, auth }) {
      if (!auth) return { status: 401 };
      const all = ledger.transfersOf(id, Number.MAX_SAFE_INTEGER);
      if (all === undefined) return notFound(id);
      if (all === 'invalid') return { status: 400, body: { message: 'invalid' } };
      // Newest first; the bug: the next page is everything strictly older than the cursor.
      const after = cursor === undefined ? all.items : all.items.filter((t) => second(t) < cursor);
      const items = after.slice(0, limit ?? 20);
      const last = items.at(-1);
      return items.length < after.length && last
        ? { status: 200, body: { items, nextCursor: second(last) } }
        : { status: 200, body: { items } };
    },
  };
}
