import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './redact.js';

/** What an audit log entry is about. */
export type AuditEntryType =
  | 'start'
  | 'request'
  | 'response'
  | 'attempt_failed'
  | 'tool_call'
  | 'tool_result'
  | 'verification'
  | 'stop'
  | 'error'
  | 'summary';

/**
 * The audit log of one run: JSON lines under `<project>/.specl/runs/<timestamp>.jsonl`, one
 * entry per request's usage, tool call, tool result and verification, appended as they
 * happen (so an interrupted run keeps its log). Every secret given is replaced by
 * `[redacted]` before a line is written.
 */
export class AuditLog {
  private constructor(
    /** The log's path. */
    readonly path: string,
    private readonly secrets: readonly string[],
  ) {}

  /** Starts a new log in `<projectRoot>/.specl/runs`. */
  static open(projectRoot: string, secrets: readonly string[], now = new Date()): AuditLog {
    const folder = join(projectRoot, '.specl', 'runs');
    mkdirSync(folder, { recursive: true });
    const stamp = now.toISOString().replace(/:/g, '-');
    let path = join(folder, `${stamp}.jsonl`);
    for (let n = 2; existsSync(path); n++) path = join(folder, `${stamp}-${n}.jsonl`);
    writeFileSync(path, '');
    return new AuditLog(path, secrets);
  }

  /** Text with every secret replaced. */
  redact(text: string): string {
    return redact(text, this.secrets);
  }

  /** Appends an entry: its time, its type, and `data`. */
  write(type: AuditEntryType, data: Record<string, unknown>): void {
    const line = JSON.stringify({ at: new Date().toISOString(), type, ...data });
    appendFileSync(this.path, `${this.redact(line)}\n`);
  }

  /** Writes a file beside the log (`<timestamp>.diff`), redacted; answers its path. */
  writeBeside(extension: string, text: string): string {
    const path = this.path.replace(/\.jsonl$/, extension);
    writeFileSync(path, this.redact(text));
    return path;
  }
}
