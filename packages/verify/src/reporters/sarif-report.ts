import type { ViolationKind } from '@specl/runtime';
import type { VerifyReport } from '../verify-report.js';
import { failuresOf } from '../verify-report.js';
import type { Locate } from './pretty-report.js';
import { stateNote } from './format-exchange.js';
import { formatSarifLog, sarifLocation } from './sarif-log.js';

/** `file:line:col` split; undefined parts for a location without them. */
function region(at: string): { file: string; line: number; column: number } {
  const match = /^(.*):(\d+):(\d+)$/.exec(at);
  if (!match) return { file: at, line: 1, column: 1 };
  return { file: match[1]!, line: Number(match[2]), column: Number(match[3]) };
}

/** The rule of each kind of failure. */
const RULES = {
  status: 'an answer with a status the spec does not declare, or a failed call that must succeed',
  body: 'a body that does not match its declared type, constraints or invariants',
  header: 'a declared response header that is absent, or whose text does not match its type',
  ensures: 'an ensures clause that did not hold',
  expect: 'an expect of a property that did not hold',
  unreachable: 'no answer: a timeout, a closed connection, or a handler that threw',
  error: 'the check could not run',
  request: 'a request parameter or body that is missing or does not match its type',
  requires: 'a request whose requires clause does not hold',
  negative:
    'a request that breaks the spec was accepted (2xx) or crashed the server (5xx), not refused with a 4xx',
  latency: "an endpoint's latency percentiles over the spec's budget",
  pages:
    'a walk of every page of a paginated endpoint that went round (a cursor given twice), ran past 1,000 pages, or met a page without its items',
} as const satisfies Record<ViolationKind, string>;

/**
 * The SARIF 2.1.0 report: one result per distinct failure of a check, located at the clause that failed in
 * the spec (relative to the working folder), so code-scanning services show it on the spec.
 */
export function formatSarifReport(report: VerifyReport, version: string, locate: Locate): string {
  const kinds = Object.keys(RULES) as (keyof typeof RULES)[];
  const results = report.checks.flatMap((check) =>
    failuresOf(check).map((f) => {
      const place = region(locate(f.clause?.at ?? check.at));
      return {
        ruleId: `specl-verify/${f.kind}`,
        ruleIndex: kinds.indexOf(f.kind),
        level: 'error',
        message: {
          text: `${check.name}: ${f.message}${f.clause ? `: ${f.clause.source}` : ''}${f.needsState ? `; ${stateNote(f)}` : ''} (replay: --seed ${f.seed} --replay '${f.replay}')`,
        },
        locations: [
          {
            physicalLocation: sarifLocation(place.file, {
              startLine: place.line,
              startColumn: place.column,
            }),
          },
        ],
      };
    }),
  );
  return formatSarifLog({
    tool: 'specl-verify',
    version,
    rules: kinds.map((kind) => ({
      id: `specl-verify/${kind}`,
      name: kind,
      shortDescription: { text: RULES[kind] },
      defaultConfiguration: { level: 'error' },
    })),
    results,
  });
}
