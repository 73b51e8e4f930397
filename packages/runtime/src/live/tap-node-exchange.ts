import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ContractMonitor, MonitoredExchange } from './contract-monitor.js';

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

/** The tap of a request and its response: the first tap of an exchange, which patched them. */
const TAP = Symbol('specl.tap');

interface Tapped {
  [TAP]?: ExchangeTap;
}

/**
 * One monitor's watch over one exchange: its copies of the bodies and the headers written, in
 * fields of one object (no closures per request). A second monitor of the same exchange (two
 * middlewares) is linked after the first, whose patches feed both.
 */
class ExchangeTap {
  readonly requestBytes: CappedBytes;
  readonly responseBytes: CappedBytes;
  writtenHeaders: Record<string, unknown> | undefined = undefined;
  next: ExchangeTap | undefined = undefined;
  // The methods replaced, kept by the first tap of the exchange (once one is sampled).
  emit: IncomingMessage['emit'] | undefined = undefined;
  writeHead: ServerResponse['writeHead'] | undefined = undefined;
  write: ServerResponse['write'] | undefined = undefined;
  end: ServerResponse['end'] | undefined = undefined;

  constructor(
    readonly exchange: MonitoredExchange,
    readonly req: IncomingMessage,
    readonly parsedBody: (() => unknown) | undefined,
    cap: number,
  ) {
    this.requestBytes = new CappedBytes(cap);
    this.responseBytes = new CappedBytes(cap);
  }

  /** The response is sent: both sides are reported, checked later. */
  finished(res: ServerResponse) {
    const exchange = this.exchange;
    if (exchange.sampled && !this.requestBytes.overflowed && !this.responseBytes.overflowed) {
      const parsed = this.parsedBody?.();
      const contentType = header(this.req.headers['content-type']);
      const bytes = this.requestBytes.bytes();
      exchange.request(
        parsed !== undefined && bytes.length === 0 ? { parsed } : { contentType, bytes },
      );
      const written = this.writtenHeaders ?? {};
      exchange.response(
        res.statusCode,
        {
          contentType:
            header(res.getHeader('content-type')) ??
            header(written['content-type'] as string | undefined),
          bytes: this.responseBytes.bytes(),
        },
        { ...res.getHeaders(), ...written },
      );
    }
    exchange.end(res.statusCode);
  }
}

function tapOf(message: IncomingMessage | ServerResponse): ExchangeTap {
  return (message as Tapped)[TAP]!;
}

// The patches, one function each for every exchange: each finds its taps on the request or
// response it is called on, and hands its arguments on as they came (not copied).
/* eslint-disable prefer-rest-params */
function tappedEmit(this: IncomingMessage, event: string | symbol, chunk?: unknown): boolean {
  const first = tapOf(this);
  if (event === 'data')
    for (let tap: ExchangeTap | undefined = first; tap; tap = tap.next)
      if (tap.exchange.sampled) tap.requestBytes.add(chunk);
  return Reflect.apply(first.emit!, this, arguments) as boolean;
}

function tappedWriteHead(this: ServerResponse, _status: number, second?: unknown, third?: unknown) {
  const first = tapOf(this);
  const headers = headersOf(typeof second === 'string' ? third : second);
  for (let tap: ExchangeTap | undefined = first; tap; tap = tap.next) tap.writtenHeaders = headers;
  return Reflect.apply(first.writeHead!, this, arguments) as ServerResponse;
}

function tappedWrite(this: ServerResponse, chunk: unknown, encoding?: unknown): boolean {
  const first = tapOf(this);
  for (let tap: ExchangeTap | undefined = first; tap; tap = tap.next)
    if (tap.exchange.sampled) tap.responseBytes.add(chunk, encoding);
  return Reflect.apply(first.write!, this, arguments) as boolean;
}

function tappedEnd(this: ServerResponse, chunk?: unknown, encoding?: unknown): ServerResponse {
  const first = tapOf(this);
  for (let tap: ExchangeTap | undefined = first; tap; tap = tap.next)
    if (tap.exchange.sampled) tap.responseBytes.add(chunk, encoding);
  return Reflect.apply(first.end!, this, arguments) as ServerResponse;
}
/* eslint-enable prefer-rest-params */

function onFinish(this: ServerResponse) {
  for (let tap: ExchangeTap | undefined = tapOf(this); tap; tap = tap.next) tap.finished(this);
}

function onClose(this: ServerResponse) {
  const status = this.writableFinished ? this.statusCode : undefined;
  for (let tap: ExchangeTap | undefined = tapOf(this); tap; tap = tap.next)
    tap.exchange.end(status);
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
  const tap = new ExchangeTap(exchange, req, options.parsedBody, monitor.maxBodyBytes);
  const first = (res as Tapped)[TAP];
  if (first === undefined) {
    (req as Tapped)[TAP] = tap;
    (res as Tapped)[TAP] = tap;
    res.on('finish', onFinish);
    res.on('close', onClose);
  } else {
    let last = first;
    while (last.next !== undefined) last = last.next;
    last.next = tap;
  }
  // The bodies are copied only for a sampled exchange: the first such tap patches the methods.
  const patched = first ?? tap;
  if (!exchange.sampled || patched.emit !== undefined) return;
  patched.emit = req.emit;
  req.emit = tappedEmit as typeof req.emit;
  patched.writeHead = res.writeHead;
  res.writeHead = tappedWriteHead as typeof res.writeHead;
  patched.write = res.write;
  res.write = tappedWrite as typeof res.write;
  patched.end = res.end;
  res.end = tappedEnd as typeof res.end;
}
