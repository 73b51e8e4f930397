import type { SpecDiagnostic } from '@specl/language';
import type { PackedIR } from './ir-transport.js';
import type { SpecStage } from './spec-build.js';

/** What a build worker is given: a spec in memory, or a root whose files the parent reads. */
export type WorkerInput =
  | {
      readonly files: Readonly<Record<string, string>>;
      readonly root: string;
      readonly record: false;
    }
  | {
      readonly root: string;
      /** Whether every file is asked of the parent (which holds the reader): else from disk. */
      readonly readThroughParent: boolean;
      /**
       * The root's text, when the parent read it already: the worker need not wait for the
       * parent (busy building a spec of its own) to answer its first read.
       */
      readonly rootText?: string;
      /** Whether to hand back every file read with its SHA-256 (for the cache). */
      readonly record: boolean;
    };

/** From the worker to its parent. */
export type WorkerMessage =
  | { readonly kind: 'read'; readonly id: number; readonly path: string }
  /** The spec checked clean and lowered: its IR and diagnostics (warnings), cloned. */
  | {
      readonly kind: 'lowered';
      readonly stage: SpecStage;
      readonly diagnostics: readonly SpecDiagnostic[];
      readonly ir: PackedIR;
      /** Every file read, with its SHA-256, when asked to record them. */
      readonly files?: [string, string][];
    }
  /** Anything else (errors, unreadable, refused by lowering): the parent builds it itself. */
  | { readonly kind: 'not-lowered' };

/** From the parent to its worker: the answer to a `read`. */
export interface ParentMessage {
  readonly kind: 'text';
  readonly id: number;
  readonly text?: string;
  /** The reader's error message, when it threw. */
  readonly error?: string;
}
