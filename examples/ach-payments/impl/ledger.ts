// The bank's books for the ACH example (ach-payments.specl), in memory: accounts, and transfers
// posted to both sides at once, so that money is only ever moved.
import { randomUUID } from 'node:crypto';
import type {
  Account,
  CreateTransferResult,
  NewAccount,
  NewTransfer,
  Transfer,
  TransferPage,
} from '../generated/types.js';

/** Accounts and the transfers posted between them. */
export class Ledger {
  private readonly accounts = new Map<string, Account>();
  private readonly transfers = new Map<string, Transfer>();
  /** Each account's transfers, oldest first. */
  private readonly history = new Map<string, Transfer[]>();

  /** Opens an account holding its opening balance. */
  open({ openingBalance, ...details }: NewAccount): Account {
    const account: Account = { id: randomUUID(), ...details, balance: openingBalance };
    this.accounts.set(account.id, account);
    this.history.set(account.id, []);
    return account;
  }

  /** The account with this id, as it stands now (a copy). */
  account(id: string): Account | undefined {
    const account = this.accounts.get(id);
    return account && { ...account };
  }

  /** The transfer with this id. */
  transfer(id: string): Transfer | undefined {
    return this.transfers.get(id);
  }

  /**
   * A page of up to `limit` of the account's transfers, newest first, and the cursor of the
   * next page when there is one: the number of older transfers still to show, so that a
   * transfer posted during the walk never shifts the pages after the first. Undefined for an
   * unknown account, `invalid` for a cursor no page gave.
   */
  transfersOf(id: string, limit: number, cursor?: string): TransferPage | 'invalid' | undefined {
    const history = this.history.get(id);
    if (!history) return undefined;
    const end = cursor === undefined ? history.length : Number(cursor);
    if (cursor !== undefined && (!/^[0-9]{1,9}$/.test(cursor) || end > history.length))
      return 'invalid';
    const start = Math.max(0, end - limit);
    const items = history.slice(start, end).reverse();
    return start > 0 ? { items, nextCursor: String(start) } : { items };
  }

  /**
   * Posts a transfer: debits one account and credits the other by the same amount, or, when
   * the accounts are the same, an account is unknown or the debited one holds too little,
   * changes nothing.
   */
  post(order: NewTransfer): CreateTransferResult {
    if (order.fromAccountId === order.toAccountId) return { status: 400 };
    const from = this.accounts.get(order.fromAccountId);
    const to = this.accounts.get(order.toAccountId);
    if (!from) return notFound(order.fromAccountId);
    if (!to) return notFound(order.toAccountId);
    if (from.balance < order.amount)
      return { status: 409, body: { available: from.balance, requested: order.amount } };
    from.balance -= order.amount;
    to.balance += order.amount;
    const transfer: Transfer = { id: randomUUID(), ...order, postedAt: new Date().toISOString() };
    this.transfers.set(transfer.id, transfer);
    this.history.get(from.id)!.push(transfer);
    this.history.get(to.id)!.push(transfer);
    return { status: 201, body: transfer, headers: { location: `/transfers/${transfer.id}` } };
  }
}

/** The 404 answer for an account that does not exist. */
export function notFound(id: string): { status: 404; body: { message: string } } {
  return { status: 404, body: { message: `no account ${id}` } };
}
