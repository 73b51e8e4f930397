import type { VerifyReport } from '../verify-report.js';
import { PHASES, failuresOf } from '../verify-report.js';
import { compact, formatExchange, stateNote } from './format-exchange.js';
import type { Locate } from './pretty-report.js';

function xml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot carry at all.
      // eslint-disable-next-line no-control-regex -- these control characters are the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
  );
}

/**
 * The JUnit XML report CI systems read: a test suite per phase, a test case per check, a
 * failure with the clause, counterexample, exchanges and replay; a check whose runs were all
 * discarded is skipped, with the reason.
 */
export function formatJunitReport(report: VerifyReport, locate: Locate): string {
  const seconds = (report.durationMs / 1000).toFixed(3);
  const failures = report.checks.filter((c) => c.status === 'failed').length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="specl verify ${xml(report.spec.name)}" tests="${report.checks.length}" failures="${failures}" time="${seconds}">`,
  ];
  for (const phase of PHASES) {
    const checks = report.checks.filter((check) => check.phase === phase);
    if (checks.length === 0) continue;
    const failed = checks.filter((c) => c.status === 'failed').length;
    const skipped = checks.filter((c) => c.status === 'discarded').length;
    lines.push(
      `  <testsuite name="${phase}" tests="${checks.length}" failures="${failed}" skipped="${skipped}">`,
    );
    for (const check of checks) {
      const open = `    <testcase classname="${xml(`${report.spec.name}.${phase}`)}" name="${xml(check.name)}" file="${xml(locate(check.at))}"`;
      if (check.status === 'passed') lines.push(`${open}/>`);
      else if (check.status === 'discarded')
        lines.push(
          `${open}>`,
          `      <skipped message="every run was discarded: ${xml(check.discardReason ?? 'its preconditions never held')}"/>`,
          '    </testcase>',
        );
      else {
        lines.push(`${open}>`);
        for (const f of failuresOf(check)) {
          const where = f.clause ? `${f.clause.source} (${locate(f.clause.at)})` : '';
          const body = [
            f.message,
            where && `clause: ${where}`,
            `counterexample: ${compact(f.counterexample, 2000)}`,
            ...f.exchanges.flatMap((e) => formatExchange(e)),
            stateNote(f),
            `replay: --seed ${f.seed} --replay '${f.replay}'`,
          ].filter(Boolean);
          lines.push(
            `      <failure type="${f.kind}" message="${xml(`${f.message}${where ? `: ${where}` : ''}`)}">${xml(body.join('\n'))}</failure>`,
          );
        }
        lines.push('    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}
