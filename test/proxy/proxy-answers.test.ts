import { createHash } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyViolation, RunningProxy } from '@specl/proxy';
import { closeBoth, proxyInFront } from './proxy-in-front.js';

const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const employee = { id, name: 'Ada', email: 'ada@example.com', balance: 3, tags: [] };
/** Bytes the target streams on GET /download: 64 MiB, far more than the sockets on the way hold. */
const DOWNLOAD = 64 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'x');

/** What the target did with GET /download: bytes written, and whether it waits for a drain. */
const download = { written: 0, waiting: false, finished: false };
const received: { method: string; url: string; headers: IncomingMessage['headers'] }[] = [];

/** Streams /download, honouring backpressure, so that `download` says how far it got. */
function streamDownload(res: ServerResponse) {
  res.writeHead(200, { 'content-type': 'application/octet-stream' });
  const pump = () => {
    download.waiting = false;
    while (download.written < DOWNLOAD) {
      download.written += CHUNK.length;
      if (!res.write(CHUNK)) {
        download.waiting = true;
        return void res.once('drain', pump);
      }
    }
    download.finished = true;
    res.end();
  };
  pump();
}

/**
 * A Vacation target: `GET /employees/{id}` answers an employee, after a 103 Early Hints when
 * asked; `?padded` pads its name past the proxy's cap; POST /employees answers 201; `GET
 * /download` streams bytes.
 */
const target = createServer((req, res) => {
  received.push({ method: req.method!, url: req.url!, headers: req.headers });
  req.resume();
  req.on('end', () => {
    if (req.url === '/download') return streamDownload(res);
    const json = { 'content-type': 'application/json' };
    if (req.method === 'POST')
      return res.writeHead(201, json).end(JSON.stringify({ ...employee, name: 'Grace' }));
    if (req.url!.endsWith('?hints')) res.writeEarlyHints({ link: '</style.css>; rel=preload' });
    const name = req.url!.endsWith('?padded') ? 'A'.repeat(4096) : 'Ada';
    res.writeHead(200, json).end(JSON.stringify({ ...employee, name }));
  });
});

const violations: ProxyViolation[] = [];
const targetErrors: string[] = [];
let proxy: RunningProxy;

beforeAll(async () => {
  proxy = await proxyInFront(target, {
    maxBodyBytes: 1024,
    onViolation: (report) => violations.push(report),
    onTargetError: (message) => targetErrors.push(message),
  });
});

afterAll(() => closeBoth(proxy, target));

const reset = () => {
  violations.length = 0;
  targetErrors.length = 0;
  received.length = 0;
};

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("specl proxy: the target's answers", () => {
  it('checks and forwards a JSON answer, byte for byte', async () => {
    reset();
    const answer = await fetch(`${proxy.url}/employees/${id}`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json');
    expect(await answer.text()).toBe(JSON.stringify(employee));
    expect(violations).toEqual([]);
    expect(targetErrors).toEqual([]);
  });

  it('streams a JSON answer over the cap through unchecked, whole, and says so', async () => {
    reset();
    const answer = await fetch(`${proxy.url}/employees/${id}?padded`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ...employee, name: 'A'.repeat(4096) });
    expect(targetErrors).toEqual([
      `GET /employees/${id}?padded: a JSON answer over 1024 bytes streams through unchecked`,
    ]);
  });

  it('forwards the final answer after an interim 103', async () => {
    reset();
    const answer = await fetch(`${proxy.url}/employees/${id}?hints`);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual(employee);
    expect(targetErrors).toEqual([]);
  });

  it('forwards a request sent with expect: 100-continue, its body after the proxy asked', async () => {
    reset();
    const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 });
    const status = await new Promise<number>((resolve, reject) => {
      const sent = request(`${proxy.url}/employees`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', expect: '100-continue' },
      });
      sent.on('continue', () => sent.end(body));
      sent.on('response', (res) => resolve(res.statusCode!)).on('error', reject);
      sent.flushHeaders();
    });
    expect(status).toBe(201);
    expect(received.map((r) => [r.method, r.url, r.headers.expect])).toEqual([
      ['POST', '/employees', undefined],
    ]);
    expect(targetErrors).toEqual([]);
  });

  it('forwards a body it read with one length of its own, whether it came with one or chunked', async () => {
    reset();
    const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 });
    const post = (chunked: boolean) =>
      new Promise<number>((resolve, reject) => {
        const headers = chunked
          ? { 'content-type': 'application/json' }
          : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) };
        const sent = request(`${proxy.url}/employees`, { method: 'POST', headers });
        sent.on('response', (res) => resolve(res.resume().statusCode!)).on('error', reject);
        // Written in two pieces: without a length, node:http sends them as chunks.
        sent.write(body.slice(0, 10));
        sent.end(body.slice(10));
      });
    expect([await post(false), await post(true)]).toEqual([201, 201]);
    const length = String(Buffer.byteLength(body));
    expect(
      received.map((r) => [r.headers['content-length'], r.headers['transfer-encoding']]),
    ).toEqual([
      [length, undefined],
      [length, undefined],
    ]);
    expect(targetErrors).toEqual([]);
  });

  it('streams a body it does not read with backpressure: a client that stops reading stops the target', async () => {
    reset();
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      request(`${proxy.url}/download`).on('response', resolve).on('error', reject).end();
    });
    expect(res.statusCode).toBe(200);
    res.pause();
    // The client reads nothing: the target fills the buffers on the way, then waits for a
    // drain that does not come, far from the end of what it has to send.
    let stalled = 0;
    await until(() => {
      stalled = download.waiting ? stalled + 1 : 0;
      return download.finished || stalled >= 50;
    });
    expect(download.finished).toBe(false);
    expect(download.written).toBeLessThan(DOWNLOAD / 2);
    const hash = createHash('sha256');
    let length = 0;
    res.on('data', (chunk: Buffer) => {
      length += chunk.length;
      hash.update(chunk);
    });
    res.resume();
    await new Promise((resolve) => res.on('end', resolve));
    const expected = createHash('sha256');
    for (let sent = 0; sent < DOWNLOAD; sent += CHUNK.length) expected.update(CHUNK);
    expect(length).toBe(DOWNLOAD);
    expect(hash.digest('hex')).toBe(expected.digest('hex'));
    expect(targetErrors).toEqual([]);
  });
});
