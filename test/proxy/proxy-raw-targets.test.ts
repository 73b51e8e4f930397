import { Agent, maxHeaderSize, request } from 'node:http';
import type { Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProxy } from '@specl/proxy';
import { closeBoth, proxyInFront } from './proxy-in-front.js';

/** The proxy's timeout for the target, short so that a slow target is seen in the test. */
const TIMEOUT_MS = 300;
const ok = 'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok';

/** What the hostile target writes for a path, on the raw socket of the request. */
const answers: Record<string, (socket: Socket) => void> = {
  '/ok': (socket) => socket.write(ok),
  '/huge-headers': (socket) => {
    const line = `x-pad: ${'p'.repeat(1000)}\r\n`;
    socket.write(`HTTP/1.1 200 OK\r\n${line.repeat(1024)}content-length: 2\r\n\r\nok`);
  },
  '/trickle': (socket) => {
    const bytes = ok;
    let at = 0;
    const timer = setInterval(() => {
      if (at >= bytes.length || socket.destroyed) return clearInterval(timer);
      socket.write(bytes[at++]!);
    }, TIMEOUT_MS / 6);
  },
  '/stall': (socket) =>
    socket.write(
      `HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 100\r\n\r\n${'a'.repeat(50)}`,
    ),
  '/bad-status': (socket) => socket.write('HTTP/1.1 abc\r\ncontent-length: 0\r\n\r\n'),
  '/long-body': (socket) =>
    socket.write(
      'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 2\r\n\r\nok' +
        'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 8\r\n\r\nsmuggled',
    ),
  '/short-body': (socket) =>
    socket.end('HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: 10\r\n\r\nok'),
  '/bad-chunks': (socket) =>
    socket.write(
      'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nok\r\n',
    ),
  '/both-lengths': (socket) =>
    socket.write(
      'HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ntransfer-encoding: chunked\r\ncontent-length: 2\r\n\r\n2\r\nok\r\n0\r\n\r\n',
    ),
  '/redirect': (socket) =>
    socket.write(
      'HTTP/1.1 302 Found\r\nlocation: http://elsewhere.invalid/x\r\ncontent-length: 0\r\n\r\n',
    ),
};

/** A raw TCP server (not yet listening) that hands each request head to `onRequest`. */
function rawTarget(onRequest: (path: string, socket: Socket) => void): Server {
  return createServer((socket) => {
    let buffered = '';
    socket.on('error', () => {});
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        const path = buffered.slice(0, buffered.indexOf('\r\n')).split(' ')[1]!;
        buffered = buffered.slice(end + 4);
        onRequest(path, socket);
      }
    });
  });
}

interface Received {
  status?: number;
  headers?: Record<string, string | string[] | undefined>;
  body: string;
  /** Whether the answer ended whole, or its connection was cut. */
  complete: boolean;
}

/** GET `path` from the proxy; an answer cut short is returned with what came of it. */
function get(url: string, agent: Agent | false = false): Promise<Received> {
  return new Promise((resolve) => {
    const received: Received = { body: '', complete: false };
    const req = request(url, { agent });
    req.on('error', () => resolve(received));
    req.on('response', (res) => {
      received.status = res.statusCode;
      received.headers = res.headers;
      res.setEncoding('latin1').on('data', (chunk: string) => (received.body += chunk));
      res.on('end', () => {
        received.complete = res.complete;
        resolve(received);
      });
      res.on('error', () => resolve(received));
      res.on('aborted', () => resolve(received));
    });
    req.end();
  });
}

describe('specl proxy against raw hostile targets', () => {
  const log: string[] = [];
  const target = rawTarget((path, socket) => answers[path]?.(socket));
  let proxy: RunningProxy;

  beforeAll(async () => {
    proxy = await proxyInFront(target, {
      targetTimeoutMs: TIMEOUT_MS,
      onTargetError: (message) => log.push(message),
    });
  });

  afterAll(() => closeBoth(proxy, target));

  it('answers 502 naming the cause to 1 MB of headers, and goes on serving', async () => {
    const answer = await get(`${proxy.url}/huge-headers`);
    expect(answer.status).toBe(502);
    expect(answer.headers?.['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body)).toMatchObject({
      status: 502,
      detail: `GET /huge-headers: the answer's headers are over the proxy's limit of ${maxHeaderSize} bytes`,
    });
    expect(await get(`${proxy.url}/ok`)).toMatchObject({ status: 200, body: 'ok' });
  });

  it('answers 504 to a head that trickles in slower than the timeout', async () => {
    const answer = await get(`${proxy.url}/trickle`);
    expect(answer.status).toBe(504);
    expect(JSON.parse(answer.body)).toMatchObject({
      detail: `GET /trickle: no answer within ${TIMEOUT_MS} ms`,
    });
  });

  it('cuts the client connection when a body stalls half way, and logs it', async () => {
    log.length = 0;
    const [stalled, other] = await Promise.all([get(`${proxy.url}/stall`), get(`${proxy.url}/ok`)]);
    expect(stalled).toMatchObject({ status: 200, body: 'a'.repeat(50), complete: false });
    expect(other).toMatchObject({ status: 200, body: 'ok', complete: true });
    expect(log).toEqual([`GET /stall: no answer within ${TIMEOUT_MS} ms`]);
  });

  it('answers 502 to a bad status line, and to both a transfer coding and a length', async () => {
    for (const path of ['/bad-status', '/both-lengths']) {
      const answer = await get(`${proxy.url}${path}`);
      expect(answer.status, path).toBe(502);
      expect(answer.headers?.['content-type']).toBe('application/problem+json');
    }
  });

  it('cuts the connection of a body shorter than its length, or of broken chunks', async () => {
    for (const path of ['/short-body', '/bad-chunks']) {
      const answer = await get(`${proxy.url}${path}`);
      expect(answer.complete, path).toBe(false);
    }
  });

  it("never hands bytes past an answer's length to another request", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const answers = [];
    for (const path of ['/long-body', '/ok', '/long-body', '/ok'])
      answers.push(await get(`${proxy.url}${path}`, agent));
    agent.destroy();
    expect(answers.map((a) => [a.status, a.body])).toEqual([
      [200, 'ok'],
      [200, 'ok'],
      [200, 'ok'],
      [200, 'ok'],
    ]);
  });

  it('forwards a redirect as it came, without following it', async () => {
    const answer = await get(`${proxy.url}/redirect`);
    expect(answer.status).toBe(302);
    expect(answer.headers?.['location']).toBe('http://elsewhere.invalid/x');
  });
});

describe('specl proxy against a target that closes every connection it accepts', () => {
  it('answers each of 200 concurrent requests 502, and closes with no socket left', async () => {
    const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap');
    const before = sockets().length;
    const target = createServer((socket) => socket.destroy());
    const log: string[] = [];
    // The default timeout (30 s): 200 connections at once on a loaded machine may take longer
    // than the short one of the other tests, and each is closed, not slow.
    const proxy = await proxyInFront(target, { onTargetError: (message) => log.push(message) });
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => get(`${proxy.url}/employees/${i}`)),
    );
    expect(answers.map((a) => a.status)).toEqual(Array(200).fill(502));
    expect(log).toHaveLength(200);
    await closeBoth(proxy, target);
    await until(() => sockets().length <= before);
    expect(sockets().length).toBe(before);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++)
    await new Promise((resolve) => setTimeout(resolve, 10));
}
