import type {
  ApplyWorkspaceEditParams,
  ShowMessageParams,
  WorkDoneProgressBegin,
  WorkDoneProgressEnd,
  WorkDoneProgressReport,
} from 'vscode-languageserver-protocol';
import {
  ApplyWorkspaceEditRequest,
  ShowMessageNotification,
  WorkDoneProgress,
  WorkDoneProgressCancelNotification,
} from 'vscode-languageserver-protocol';
import type { LspSession } from './lsp-session.js';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/**
 * What an editor sees of the server's long-running work: the work-done progress it reports,
 * the edits it asks to apply (each answered `applied`), and the messages it shows.
 */
export class EditorRecorder {
  readonly progress: { token: string | number; value: ProgressValue }[] = [];
  readonly appliedEdits: ApplyWorkspaceEditParams[] = [];
  readonly messages: ShowMessageParams[] = [];
  private readonly waiters: (() => void)[] = [];

  constructor(private readonly session: LspSession) {
    const connection = session.connection;
    session.progressListeners.push((token) =>
      connection.onProgress(WorkDoneProgress.type, token, (value) => {
        this.progress.push({ token, value });
        this.wake();
      }),
    );
    connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
      this.appliedEdits.push(params);
      this.wake();
      return { applied: true };
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
      this.messages.push(params);
      this.wake();
    });
  }

  /** The progress reported so far, by token, each token's values in order. */
  progressByToken(): Map<string | number, ProgressValue[]> {
    const byToken = new Map<string | number, ProgressValue[]>();
    for (const { token, value } of this.progress)
      byToken.set(token, [...(byToken.get(token) ?? []), value]);
    return byToken;
  }

  /** The kinds of progress reported so far (`begin`, `report`, ..., `end`). */
  get progressKinds(): string[] {
    return this.progress.map((event) => event.value.kind);
  }

  /**
   * Waits until a condition holds (checked on each recorded event, and every 100 ms for
   * conditions on other things); fails after `timeoutMs` saying what was recorded.
   */
  async until(condition: () => boolean, what: string, timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `${what}: not within ${timeoutMs} ms; progress ${JSON.stringify(this.progress)}, messages ${JSON.stringify(this.messages)}\nserver log: ${this.session.log}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Cancels a work-done progress, as the editor's Cancel button does. */
  async cancel(token: string | number): Promise<void> {
    await this.session.connection.sendNotification(WorkDoneProgressCancelNotification.type, {
      token,
    });
  }

  private wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
