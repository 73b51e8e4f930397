/** A failed check in `specl verify`'s pretty output: its name, its clause and the clause's place. */
export interface VerifyFailure {
  check: string;
  clause: string;
  at: string;
}

/** The failed checks in `specl verify`'s pretty output, or in a README that pastes it. */
export function verifyFailures(text: string): VerifyFailure[];
