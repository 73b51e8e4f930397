import type { Failure, VerifyReport } from '../verify-report.js';
import type { Locate } from './pretty-report.js';

/**
 * The machine-readable report: the whole {@link VerifyReport} (every distinct failure of each
 * check in its `failures`), locations made displayable.
 */
export function formatJsonReport(report: VerifyReport, locate: Locate): string {
  const place = (failure: Failure): Failure => ({
    ...failure,
    ...(failure.clause && { clause: { ...failure.clause, at: locate(failure.clause.at) } }),
  });
  const located = {
    ...report,
    checks: report.checks.map((check) => ({
      ...check,
      at: locate(check.at),
      ...(check.failure && { failure: place(check.failure) }),
      ...(check.failures && { failures: check.failures.map(place) }),
    })),
    coverage: report.coverage.map((entry) => ({ ...entry, at: locate(entry.at) })),
  };
  return `${JSON.stringify(located, null, 2)}\n`;
}
