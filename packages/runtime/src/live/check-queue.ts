/** Options of a {@link CheckQueue}. */
export interface CheckQueueOptions {
  /**
   * How long one turn of checks may run before the server's I/O gets the event loop back, in
   * milliseconds (default 0.5).
   */
  readonly sliceMs?: number;
  /** How many checks may wait; past this, new ones are skipped and counted (default 10,000). */
  readonly limit?: number;
}

/**
 * Work done after a response is sent, off its path: jobs run in order, a time slice at a time
 * in `setImmediate` turns, so that a burst of finished requests never holds up the requests
 * that arrive meanwhile (their I/O is handled between slices). Bounded: past `limit` pending
 * checks, new ones are skipped and counted, so a server under more load than it can check
 * sheds checks instead of memory. A slice is half a millisecond: at 2,000 requests/s on the
 * Vacation example, 2 ms slices added 2.1 ms to the server's event loop delay p99 and 0.5 ms
 * slices 0.9 ms (bench/proxy.mjs).
 */
export class CheckQueue {
  /** Checks skipped because the queue was full. */
  skipped = 0;
  private jobs: ((this: unknown) => void)[] = [];
  // Each job's receiver (`this`), and whether it is a check (counted while it waits).
  private receivers: unknown[] = [];
  private counted: boolean[] = [];
  private head = 0;
  private pendingChecks = 0;
  private scheduled = false;
  private idle: (() => void)[] = [];

  private readonly sliceMs: number;
  private readonly limit: number;

  constructor(options: CheckQueueOptions = {}) {
    this.sliceMs = options.sliceMs ?? 0.5;
    this.limit = options.limit ?? 10_000;
  }

  /**
   * Queues a check, run with `receiver` as its `this` (a method and its object: no closure to
   * make per request); `false` (and counted as skipped) when the queue is full.
   */
  check<T>(job: (this: T) => void, receiver?: T): boolean {
    if (this.pendingChecks >= this.limit) {
      this.skipped++;
      return false;
    }
    this.pendingChecks++;
    this.push(job, receiver, true);
    return true;
  }

  /** Queues a job that is never skipped (ending a span: cheap, and must happen). */
  always<T>(job: (this: T) => void, receiver?: T): void {
    this.push(job, receiver, false);
  }

  /** Resolves once every job queued so far has run. */
  flush(): Promise<void> {
    if (this.head === this.jobs.length) return Promise.resolve();
    return new Promise((done) => this.idle.push(done));
  }

  private push<T>(job: (this: T) => void, receiver: T | undefined, counted: boolean) {
    this.jobs.push(job as (this: unknown) => void);
    this.receivers.push(receiver);
    this.counted.push(counted);
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.run);
    }
  }

  private readonly run = () => {
    this.scheduled = false;
    const until = performance.now() + this.sliceMs;
    do {
      const at = this.head++;
      const job = this.jobs[at]!;
      const receiver = this.receivers[at];
      this.jobs[at] = noop;
      this.receivers[at] = undefined;
      if (this.counted[at]) this.pendingChecks--;
      runSafely(job, receiver);
    } while (this.head < this.jobs.length && performance.now() < until);
    if (this.head < this.jobs.length) {
      this.scheduled = true;
      setImmediate(this.run);
      return;
    }
    this.jobs = [];
    this.receivers = [];
    this.counted = [];
    this.head = 0;
    const waiting = this.idle;
    this.idle = [];
    for (const done of waiting) done();
  };
}

function noop() {}

let warned = false;

/** A check that throws is a bug in Specl, never the server's problem: warn once, go on. */
function runSafely(job: (this: unknown) => void, receiver: unknown) {
  try {
    job.call(receiver);
  } catch (error) {
    if (warned) return;
    warned = true;
    process.emitWarning(
      `a contract check failed and was skipped (a bug in Specl; please report it): ${String(error)}`,
      'SpeclWarning',
    );
  }
}
