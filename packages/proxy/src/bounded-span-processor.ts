import type { Context } from '@opentelemetry/api';
import { ExportResultCode } from '@opentelemetry/core';
import type {
  ReadableSpan,
  Span,
  SpanExporter,
  SpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** Options of a {@link BoundedSpanProcessor}. */
export interface BoundedSpanProcessorOptions {
  /** The most spans waiting to be exported; more are dropped and counted (default 2,048). */
  readonly maxQueue?: number;
  /** The most spans one export sends (default 512). */
  readonly maxBatch?: number;
  /** How often waiting spans are exported, in milliseconds (default 1,000). */
  readonly intervalMs?: number;
}

/**
 * Exports ended spans in batches, one export at a time, never holding up the code that ends
 * them: while an exporter is down or slow, spans wait in a bounded queue, and those that do not
 * fit, or whose export fails, are dropped and counted ({@link dropped}).
 */
export class BoundedSpanProcessor implements SpanProcessor {
  private queue: ReadableSpan[] = [];
  private exporting: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly maxQueue: number;
  private readonly maxBatch: number;
  /** Spans dropped so far: the queue was full, or their export failed. */
  dropped = 0;

  constructor(
    private readonly exporter: SpanExporter,
    options: BoundedSpanProcessorOptions = {},
  ) {
    this.maxQueue = options.maxQueue ?? 2048;
    this.maxBatch = options.maxBatch ?? 512;
    this.timer = setInterval(() => void this.exportNext(), options.intervalMs ?? 1000);
    this.timer.unref();
  }

  onStart(_span: Span, _context: Context): void {}

  onEnd(span: ReadableSpan): void {
    if (this.queue.length >= this.maxQueue) {
      this.dropped++;
      return;
    }
    this.queue.push(span);
    if (this.queue.length >= this.maxBatch) void this.exportNext();
  }

  /** Exports the next batch, unless an export is under way (then it waits its turn). */
  private exportNext(): Promise<void> {
    if (this.exporting !== undefined || this.queue.length === 0)
      return this.exporting ?? Promise.resolve();
    const batch = this.queue.splice(0, this.maxBatch);
    this.exporting = new Promise<void>((done) => {
      try {
        this.exporter.export(batch, (result) => {
          if (result.code !== ExportResultCode.SUCCESS) this.dropped += batch.length;
          done();
        });
      } catch {
        this.dropped += batch.length;
        done();
      }
    }).finally(() => {
      this.exporting = undefined;
    });
    return this.exporting;
  }

  async forceFlush(): Promise<void> {
    while (this.queue.length > 0 || this.exporting !== undefined) {
      await (this.exporting ?? this.exportNext());
    }
  }

  async shutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.forceFlush();
    await this.exporter.shutdown();
  }
}
