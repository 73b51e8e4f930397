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
  | 'review'
  | 'groups'
  | 'merge'
  | 'stop'
  | 'error'
  | 'summary';

/** Which agent of a run wrote an entry, and in what role. */
export interface AuditAgent {
  /** `agent` for a run of one agent; `group-1`, `group-2`, … and `merge` for parallel runs. */
  readonly id: string;
  /** `author` writes code, `critic` reviews it, `merger` merges the groups' work; `run` is the run itself. */
  readonly role: 'author' | 'critic' | 'merger' | 'run';
}

/** The one writer of a log, shared by every agent of a run. */
interface LogFile {
  readonly path: string;
  readonly secrets: readonly string[];
  seq: number;
}

/**
 * The audit log of one run: JSON lines under `<project>/.specl/runs/<timestamp>.jsonl`, one
 * entry per request's usage, tool call, tool result, review and verification, appended as
 * they happen (so an interrupted run keeps its log). Every agent of a run writes through one
 * writer, a whole line at a time (a synchronous append: lines never interleave), each line
 * numbered (`seq`) and tagged with the agent and its role. Every secret given is replaced by
 * `[redacted]` before a line is written.
 */
export class AuditLog {
  private constructor(
    private readonly file: LogFile,
    /** The agent this view writes for. */
    readonly agent: AuditAgent,
  ) {}

  /** Starts a new log in `<projectRoot>/.specl/runs`, written for the run itself. */
  static open(projectRoot: string, secrets: readonly string[], now = new Date()): AuditLog {
    const folder = join(projectRoot, '.specl', 'runs');
    mkdirSync(folder, { recursive: true });
    const stamp = now.toISOString().replace(/:/g, '-');
    let path = join(folder, `${stamp}.jsonl`);
    for (let n = 2; existsSync(path); n++) path = join(folder, `${stamp}-${n}.jsonl`);
    writeFileSync(path, '');
    return new AuditLog({ path, secrets, seq: 0 }, { id: 'run', role: 'run' });
  }

  /** The same log, written for another agent. */
  for(agent: AuditAgent): AuditLog {
    return new AuditLog(this.file, agent);
  }

  /** The log's path. */
  get path(): string {
    return this.file.path;
  }

  /** Text with every secret replaced. */
  redact(text: string): string {
    return redact(text, this.file.secrets);
  }

  /** Appends an entry: its number, time, agent, role, type, and `data`. */
  write(type: AuditEntryType, data: Record<string, unknown>): void {
    const line = JSON.stringify({
      seq: ++this.file.seq,
      at: new Date().toISOString(),
      agent: this.agent.id,
      role: this.agent.role,
      type,
      ...data,
    });
    appendFileSync(this.file.path, `${this.redact(line)}\n`);
  }

  /** Writes a file beside the log (`<timestamp><suffix>`), redacted; answers its path. */
  writeBeside(suffix: string, text: string): string {
    const path = this.file.path.replace(/\.jsonl$/, suffix);
    writeFileSync(path, this.redact(text));
    return path;
  }
}
