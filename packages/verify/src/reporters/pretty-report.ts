import type { ClauseCoverage, VerifyReport } from '../verify-report.js';
import type { EndpointLatency } from '../latency.js';
import { failuresOf } from '../verify-report.js';
import { compact, formatExchange, stateNote } from './format-exchange.js';

/** Text styles, or none. */
export interface Styles {
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** Maps a spec-relative location (`vacation.specl:60:3`) to one to show. */
export type Locate = (at: string) => string;

function coverageTable(coverage: readonly ClauseCoverage[], styles: Styles, locate: Locate) {
  const rows = coverage.map((entry) => {
    const [state, style] =
      entry.exercised === 0
        ? ['never exercised', styles.yellow]
        : [
            `${entry.held}/${entry.exercised} held`,
            entry.held === entry.exercised ? styles.green : styles.red,
          ];
    return { kind: entry.kind, name: entry.name, at: locate(entry.at), state, style };
  });
  const width = (pick: (row: (typeof rows)[number]) => string) =>
    Math.min(60, Math.max(...rows.map((row) => pick(row).length)));
  const [kindWidth, nameWidth, stateWidth] = [
    width((r) => r.kind),
    width((r) => r.name),
    width((r) => r.state),
  ];
  return rows.map((row) => {
    const name = row.name.length > nameWidth ? `${row.name.slice(0, nameWidth - 1)}…` : row.name;
    const state = row.style(row.state.padEnd(stateWidth));
    return `  ${row.kind.padEnd(kindWidth)}  ${name.padEnd(nameWidth)}  ${state}  ${styles.dim(row.at)}`;
  });
}

function runsText(report: VerifyReport): string {
  const budget = report.budgetMs === undefined ? '' : `${report.budgetMs / 1000} s in all`;
  if (report.runs >= 1_000_000_000) return `runs within ${budget}`;
  return `${report.runs} runs per check${budget && `, within ${budget}`}`;
}

/**
 * The report for people: one line per check, each failure with the clause that failed (and
 * where), the shrunk counterexample, its requests and responses, and how to replay it; then
 * the coverage table, clauses never exercised flagged; then a summary.
 */
export function formatPrettyReport(report: VerifyReport, styles: Styles, locate: Locate): string {
  const lines = [
    `verifying ${report.spec.name} ${report.spec.version} (${report.spec.fingerprint.slice(0, 19)}) against ${report.target}`,
    styles.dim(`seed ${report.seed}, ${runsText(report)}, phases ${report.phases.join(', ')}`),
    '',
  ];
  for (const check of report.checks) {
    const counts = `${check.runs} runs${check.discarded > 0 ? `, ${check.discarded} discarded` : ''}`;
    if (check.status === 'passed')
      lines.push(`${styles.green('✓')} ${check.name} ${styles.dim(`(${counts})`)}`);
    else if (check.status === 'discarded')
      lines.push(
        `${styles.yellow('!')} ${check.name}: every run was discarded (${counts}); ${check.discardReason ?? 'its preconditions never held'}`,
      );
    else {
      const found = failuresOf(check);
      const many = found.length > 1 ? `, ${found.length} distinct failures` : '';
      lines.push(`${styles.red('✗')} ${check.name} ${styles.dim(`(${counts}${many})`)}`);
      found.forEach((failure, index) => {
        const number = found.length > 1 ? `${index + 1}. ` : '';
        lines.push(`    ${number}${styles.bold(failure.message)}`);
        if (failure.clause)
          lines.push(
            `    clause: ${failure.clause.source}  ${styles.dim(`at ${locate(failure.clause.at)}`)}`,
          );
        const shrunk = failure.shrinkStopped
          ? `after ${failure.shrinks} shrinks; shrinking stopped at its budget, so it may not be minimal`
          : `after ${failure.shrinks} shrinks`;
        lines.push(`    counterexample (${shrunk}): ${compact(failure.counterexample, 600)}`);
        for (const exchange of failure.exchanges)
          lines.push(...formatExchange(exchange).map((line) => `      ${line}`));
        const note = stateNote(failure);
        if (note !== undefined) lines.push(`    ${styles.yellow(note)}`);
        lines.push(styles.dim(`    replay: --seed ${failure.seed} --replay '${failure.replay}'`));
      });
    }
  }
  const latencyTable = (title: string, entries: readonly EndpointLatency[] | undefined) => {
    if (entries === undefined || entries.length === 0) return;
    const width = Math.max(...entries.map((entry) => entry.endpoint.length));
    lines.push('', title);
    for (const entry of entries)
      lines.push(
        `  ${entry.endpoint.padEnd(width)}  p50 ${entry.p50}  p95 ${entry.p95}  p99 ${entry.p99}  ${styles.dim(`(${entry.requests} requests)`)}`,
      );
  };
  latencyTable('latency (ms):', report.latency);
  if (report.load)
    latencyTable(
      `latency under load (ms, ${report.load.concurrency} requests in flight):`,
      report.load.latency,
    );
  if (report.coverage.length > 0) {
    lines.push('', 'coverage:', ...coverageTable(report.coverage, styles, locate));
  }
  const failed = report.checks.filter((check) => check.status === 'failed').length;
  const distinct = report.checks.reduce((sum, check) => sum + failuresOf(check).length, 0);
  const never = report.coverage.filter((entry) => entry.exercised === 0).length;
  const summary =
    failed === 0
      ? styles.green('all checks held')
      : styles.red(
          `${failed} of ${report.checks.length} checks failed` +
            (distinct > failed ? ` (${distinct} distinct failures)` : ''),
        );
  lines.push(
    '',
    `${summary}${never > 0 ? styles.yellow(`; ${never} clauses never exercised`) : ''} ${styles.dim(`(${(report.durationMs / 1000).toFixed(1)} s)`)}`,
    '',
  );
  return lines.join('\n');
}
