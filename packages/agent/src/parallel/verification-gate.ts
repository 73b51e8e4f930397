/**
 * At most `limit` verifications at once, across the agents of a parallel run: each sandboxed
 * verification is a process that may use a CPU and its memory limit (1 GiB by default), so N
 * agents must not start N of them on a machine with fewer cores. Waiting turns are served in
 * the order they came.
 */
export class VerificationGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {}

  /** Runs `job` once a place is free. */
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await job();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
