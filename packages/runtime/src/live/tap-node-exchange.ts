import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractMonitor } from './contract-monitor.js';

/** Bytes kept up to a cap: past it, the body is too large to check and is dropped. */
class CappedBytes {
  private chunks: Buffer[] = [];
  private size = 0;
  overflowed = false;

  constructor(private readonly cap: number) {}

  add(chunk: unknown, encoding?: unknown) {
    if (this.overflowed || chunk === undefined || chunk === null || typeof chunk === 'function')
      return;
    const buffer =
      typeof chunk === 'string'
        ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
        : Buffer.isBuffer(chunk)
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
            : undefined;
    if (buffer === undefined) return;
    this.size += buffer.length;
    if (this.size > this.cap) {
      this.overflowed = true;
      this.chunks = [];
      return;
    }
    this.chunks.push(buffer);
  }

  bytes(): Buffer {
    // One chunk (most small bodies) is kept as it is: no copy.
    return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks);
  }
}

/** The headers `writeHead` was given (an object or a flat list), by lower-case name. */
function headersOf(headers: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2)
      result[String(headers[i]).toLowerCase()] = headers[i + 1];
  } else if (typeof headers === 'object' && headers !== null) {
    for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = value;
  }
  return result;
}

function header(value: number | string | readonly string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Options of {@link tapNodeExchange}: a body the framework parsed, read once answered. */
export interface TapOptions {
  /** The request body as the framework parsed it (`req.body`), when it did. */
  readonly parsedBody?: () => unknown;
}

/**
 * Watches one node:http exchange for a monitor, whatever framework serves it: copies of the
 * request's bytes as the application reads them (whoever reads them) and of the response's
 * bytes as it writes them, each up to the monitor's cap, then checks both once the response is
 * finished, off the response's path. Reads no stream itself, so the application's reading is
 * unchanged.
 */
export function tapNodeExchange(
  monitor: ContractMonitor,
  req: IncomingMessage,
  res: ServerResponse,
  options: TapOptions = {},
): void {
  const exchange = monitor.begin(req.method ?? 'GET', req.url ?? '/', req.headers);
  if (exchange === undefined) return;
  const requestBytes = new CappedBytes(monitor.maxBodyBytes);
  const responseBytes = new CappedBytes(monitor.maxBodyBytes);
  let writtenHeaders: Record<string, unknown> = {};
  if (exchange.sampled) {
    const emit = req.emit;
    req.emit = function (this: IncomingMessage, event: string | symbol, chunk?: unknown) {
      if (event === 'data') requestBytes.add(chunk);
      // Every event of the request passes here: handed on as it came, its arguments not copied.
      // eslint-disable-next-line prefer-rest-params
      return Reflect.apply(emit, this, arguments) as boolean;
    } as typeof req.emit;
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      writtenHeaders = headersOf(typeof args[1] === 'string' ? args[2] : args[1]);
      return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof res.writeHead;
    const write = res.write;
    res.write = function (this: ServerResponse, chunk: unknown, ...rest: unknown[]) {
      responseBytes.add(chunk, rest[0]);
      return (write as (...a: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof res.write;
    const end = res.end;
    res.end = function (this: ServerResponse, chunk?: unknown, ...rest: unknown[]) {
      responseBytes.add(chunk, rest[0]);
      return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, ...rest);
    } as typeof res.end;
  }
  res.once('finish', () => {
    if (exchange.sampled && !requestBytes.overflowed && !responseBytes.overflowed) {
      const parsed = options.parsedBody?.();
      const contentType = header(req.headers['content-type']);
      const bytes = requestBytes.bytes();
      exchange.request(
        parsed !== undefined && bytes.length === 0 ? { parsed } : { contentType, bytes },
      );
      exchange.response(
        res.statusCode,
        {
          contentType:
            header(res.getHeader('content-type')) ??
            header(writtenHeaders['content-type'] as string | undefined),
          bytes: responseBytes.bytes(),
        },
        { ...res.getHeaders(), ...writtenHeaders },
      );
    }
    exchange.end(res.statusCode);
  });
  res.once('close', () => exchange.end(res.writableFinished ? res.statusCode : undefined));
}
