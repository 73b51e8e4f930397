import type { SpecIR } from '@specl/compiler';
import type { VerifyReport } from '@specl/verify';

/** What the verification worker runs: the spec, the module to load, and how hard to try. */
export interface VerificationJob {
  readonly ir: SpecIR;
  /** The staged implementation module (absolute). */
  readonly module: string;
  readonly runs: number;
  readonly seed?: number;
  /** Only these endpoints; all when absent. */
  readonly endpoints?: readonly string[];
  /** Only these written properties (and then no call sequences); all that call them when absent. */
  readonly properties?: readonly string[];
}

/** What came of a verification: a report, or why there is none; and what the code printed. */
export interface VerificationOutcome {
  readonly report?: VerifyReport;
  /** The implementation could not be loaded, the verification threw, or it timed out. */
  readonly error?: string;
  /** What the implementation wrote to stdout and stderr while it ran (cut short). */
  readonly output: string;
  readonly durationMs: number;
}
