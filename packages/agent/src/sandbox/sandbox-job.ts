import type { SpecIR } from '@specl/compiler';

/** What the sandboxed process runs: the spec, the bundled candidate, and how hard to try. */
export interface SandboxJob {
  readonly ir: SpecIR;
  /** The bundled candidate module (absolute, in the stage). */
  readonly bundle: string;
  /** The candidate's entry module as staged, for messages. */
  readonly module: string;
  /** The spec's contracts, compiled by the agent (`writeContracts`). */
  readonly contractsModule: string;
  readonly runs: number;
  readonly seed?: number;
  /** Only these endpoints; all when absent. */
  readonly endpoints?: readonly string[];
  /** Only these written properties (and then no call sequences); all that call them when absent. */
  readonly properties?: readonly string[];
  /** A random value the answer must carry (the candidate could write to the answer's pipe). */
  readonly nonce: string;
}
