import type { VerifyReport } from '../verify-report.js';
import type { Locate } from './pretty-report.js';

/** The machine-readable report: the whole {@link VerifyReport}, locations made displayable. */
export function formatJsonReport(report: VerifyReport, locate: Locate): string {
  const located = {
    ...report,
    checks: report.checks.map((check) => ({
      ...check,
      at: locate(check.at),
      ...(check.failure && {
        failure: {
          ...check.failure,
          ...(check.failure.clause && {
            clause: { ...check.failure.clause, at: locate(check.failure.clause.at) },
          }),
        },
      }),
    })),
    coverage: report.coverage.map((entry) => ({ ...entry, at: locate(entry.at) })),
  };
  return `${JSON.stringify(located, null, 2)}\n`;
}
