import type { CheckResult } from '@specl/verify';
import { compact, formatExchange } from '@specl/verify';
import type { VerificationOutcome } from './verification-job.js';

/** How much of a verification goes back to the model. */
const MAX_TEXT = 12_000;
/** The last exchanges of a failure shown (the last is where it failed). */
const MAX_EXCHANGES = 8;

function describeCheck(check: CheckResult): string[] {
  if (check.status === 'passed') return [`✓ ${check.name} (${check.runs} runs)`];
  if (check.status === 'discarded')
    return [
      `! ${check.name}: every run was discarded; ${check.discardReason ?? 'its preconditions never held'}`,
    ];
  const failure = check.failure!;
  const lines = [`✗ ${check.name} (${failure.kind})`, `    ${failure.message}`];
  if (failure.clause) lines.push(`    clause: ${failure.clause.source}  (at ${failure.clause.at})`);
  lines.push(`    counterexample: ${compact(failure.counterexample, 800)}`);
  const exchanges = failure.exchanges.slice(-MAX_EXCHANGES);
  if (exchanges.length < failure.exchanges.length)
    lines.push(`    (${failure.exchanges.length - exchanges.length} earlier exchanges left out)`);
  for (const exchange of exchanges)
    lines.push(...formatExchange(exchange).map((line) => `      ${line}`));
  return lines;
}

/**
 * A verification as the model reads it: a summary line, then every check, each failure with
 * its kind, message, the clause that failed and where, the shrunk counterexample and the
 * requests and responses that showed it; what the code printed; cut to a bounded length.
 */
export function describeVerification(outcome: VerificationOutcome, scope: string): string {
  const lines: string[] = [];
  const { report } = outcome;
  if (!report) lines.push(`verification of ${scope} could not run: ${outcome.error}`);
  else {
    const failed = report.checks.filter((check) => check.status === 'failed').length;
    lines.push(
      failed === 0
        ? `verification of ${scope}: every check held (${report.checks.length} checks, ${report.runs} runs each)`
        : `verification of ${scope}: ${failed} of ${report.checks.length} checks failed`,
    );
    for (const check of report.checks) lines.push(...describeCheck(check));
  }
  if (outcome.output.trim() !== '')
    lines.push('the implementation printed:', outcome.output.trimEnd());
  const text = lines.join('\n');
  return text.length > MAX_TEXT
    ? `${text.slice(0, MAX_TEXT)}\n… (cut; fix the first failures first)`
    : text;
}

/** Whether every check of a verification held. */
export const verificationHeld = (outcome: VerificationOutcome) => outcome.report?.ok === true;
