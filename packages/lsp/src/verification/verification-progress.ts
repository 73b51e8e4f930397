import { basename } from 'node:path';
import type { Connection, WorkDoneProgressServerReporter } from 'vscode-languageserver';

/** How often progress is reported while the percentage stands still. */
const REPORT_EVERY_MS = 250;

/**
 * The work-done progress of one verification, as the editor shows it: begun with the spec's
 * name, reported as a percentage of the checks' runs, cancellable, and ended once. Editors
 * without work-done progress get none (and nothing to cancel it with).
 */
export class VerificationProgress {
  private percentage = -1;
  private reportedAt = 0;
  private ended = false;

  private constructor(private readonly reporter: WorkDoneProgressServerReporter) {}

  /** Asks the editor for a progress token (window/workDoneProgress/create) and begins. */
  static async begin(connection: Connection, specPath: string): Promise<VerificationProgress> {
    const reporter = await connection.window.createWorkDoneProgress();
    reporter.begin(`Verifying ${basename(specPath)}`, 0, 'loading the implementation', true);
    return new VerificationProgress(reporter);
  }

  /** Calls `cancel` when the editor cancels the progress (window/workDoneProgress/cancel). */
  onCancel(cancel: () => void): void {
    this.reporter.token.onCancellationRequested(cancel);
  }

  /**
   * Reports a check's runs so far: when the percentage moves, else at most every
   * {@link REPORT_EVERY_MS} (to spare the editor).
   */
  report(check: number, checks: number, name: string, done: number, runs: number): void {
    const fraction = checks === 0 ? 1 : (check + Math.min(done / Math.max(runs, 1), 1)) / checks;
    const percentage = Math.floor(fraction * 100);
    const now = Date.now();
    if (this.ended) return;
    if (percentage === this.percentage && now - this.reportedAt < REPORT_EVERY_MS) return;
    this.percentage = percentage;
    this.reportedAt = now;
    this.reporter.report(percentage, `${name}: ${done}/${runs} runs`);
  }

  /** Ends the progress (once). */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    this.reporter.done();
  }
}
