import { join } from 'node:path';
import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { CheckResult, Failure, VerifyReport } from '@specl/verify';
import { compact, formatExchange } from '@specl/verify';

/** The source of the verifier's diagnostics, as the editor shows it. */
export const VERIFY_DIAGNOSTIC_SOURCE = 'specl verify';

/** A place in a spec as a report gives it: `vacation.specl:61:3`, relative to the spec's folder. */
export interface ReportLocation {
  readonly file: string;
  /** 0-based, as the protocol counts. */
  readonly line: number;
  readonly character: number;
}

/** Parses a report's `file:line:col`; undefined for anything else. */
export function parseReportLocation(at: string): ReportLocation | undefined {
  const match = /^(.*):(\d+):(\d+)$/.exec(at);
  if (!match) return undefined;
  return { file: match[1]!, line: Number(match[2]) - 1, character: Number(match[3]) - 1 };
}

/** The failure's message, its shrunk counterexample, and the first and last exchanges. */
export function describeFailure(failure: Failure): string {
  const lines = [failure.message, `counterexample: ${compact(failure.counterexample)}`];
  const { exchanges } = failure;
  if (exchanges.length > 0) lines.push(...formatExchange(exchanges[0]!));
  if (exchanges.length > 2) lines.push('…');
  if (exchanges.length > 1) lines.push(...formatExchange(exchanges[exchanges.length - 1]!));
  lines.push(`replay: specl verify --seed ${failure.seed} --replay ${failure.replay}`);
  return lines.join('\n');
}

function diagnosticOf(check: CheckResult, failure: Failure): [string, Diagnostic] | undefined {
  const location = parseReportLocation(failure.clause?.at ?? check.at);
  if (!location) return undefined;
  const width = failure.clause ? (failure.clause.source.split('\n')[0]?.length ?? 1) : 1;
  return [
    location.file,
    {
      severity: DiagnosticSeverity.Error,
      source: VERIFY_DIAGNOSTIC_SOURCE,
      range: {
        start: { line: location.line, character: location.character },
        end: { line: location.line, character: location.character + Math.max(width, 1) },
      },
      message: `${check.name}: ${describeFailure(failure)}`,
    },
  ];
}

/**
 * The diagnostics of a report's failures, by document URI: each at the failing clause (or,
 * without one, where the check is declared). Files are resolved against the spec's folder.
 */
export function verificationDiagnostics(
  report: VerifyReport,
  specFolder: string,
): Map<string, Diagnostic[]> {
  const byUri = new Map<string, Diagnostic[]>();
  for (const check of report.checks) {
    if (check.status !== 'failed' || !check.failure) continue;
    const found = diagnosticOf(check, check.failure);
    if (!found) continue;
    const uri = URI.file(join(specFolder, found[0])).toString();
    byUri.set(uri, [...(byUri.get(uri) ?? []), found[1]]);
  }
  return byUri;
}
