import type { Failure, VerifyReport } from '../verify-report.js';
import type { Locate } from './pretty-report.js';
import { formatJsonLog } from './json-log.js';
import { historyToJson } from '../history-bytes.js';

/**
 * The machine-readable report: the whole {@link VerifyReport} (every distinct failure of each
 * check in its `failures`), locations made displayable, byte bodies of a failure's history as
 * base64, in the envelope of every JSON report.
 */
export function formatJsonReport(
  report: VerifyReport,
  locate: Locate,
  toolVersion: string,
): string {
  const place = (failure: Failure) => ({
    ...failure,
    ...(failure.clause && { clause: { ...failure.clause, at: locate(failure.clause.at) } }),
    // Byte bodies as base64, so that `--history` sends the same bytes again.
    ...(failure.history && { history: historyToJson(failure.history) }),
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
  return formatJsonLog({ name: 'specl', version: toolVersion }, located);
}
