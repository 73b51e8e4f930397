/** A failed check in `specl verify`'s pretty output: its name, its clause and the clause's place. */
export interface VerifyFailure {
  check: string;
  clause: string;
  at: string;
}

/** The failed checks in `specl verify`'s pretty output, or in a README that pastes it. */
export function verifyFailures(text: string): VerifyFailure[];

/** The `specl verify` command a README's `## The broken variant` section shows, and its output. */
export function brokenVariant(readme: string): { args: string[]; output: string } | undefined;
