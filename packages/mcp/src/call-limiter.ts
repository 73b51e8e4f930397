import { Refused } from './workspace.js';

/**
 * Lets at most `running` calls work at once and `waiting` wait their turn; a call beyond that
 * is refused at once (a client that floods the server gets an answer, not a queue without end).
 */
export class CallLimiter {
  private active = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly running: number,
    private readonly waiting: number,
  ) {}

  /** Runs `work` when a place is free; a waiting call that is aborted leaves the queue. */
  async run<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.active >= this.running) {
      if (this.queue.length >= this.waiting)
        throw new Refused(
          `the server is busy (${this.active} running, ${this.queue.length} waiting); try again when a call has finished`,
        );
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const at = this.queue.indexOf(turn);
          if (at >= 0) this.queue.splice(at, 1);
          reject(new Refused('the call was cancelled while it waited'));
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        this.queue.push(turn);
      });
    } else this.active++;
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.active--;
    }
  }
}
