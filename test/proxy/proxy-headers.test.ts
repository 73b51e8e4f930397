import { request } from 'node:http';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo, Server, Socket } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProxy } from '@specl/proxy';
import { closeBoth, proxyInFront } from './proxy-in-front.js';

const id = '3fa85f64-5717-4562-b3fc-2c963f66afa6';
const employee = JSON.stringify({ id, name: 'Ada', email: 'ada@example.com', balance: 3 });

/**
 * The head the target answers with: headers of its connection to the proxy (hop-by-hop ones, one
 * its `connection` header names), repeated ones, names in mixed case, one named like a property
 * of every object, and a chunked body.
 */
const ANSWER_HEAD = [
  'HTTP/1.1 200 OK',
  'Content-Type: application/json',
  'Connection: keep-alive, X-Hop',
  'X-Hop: of the connection',
  'Proxy-Authenticate: Basic',
  'Trailer: x-checksum',
  'Set-Cookie: a=1',
  'Set-Cookie: b=2',
  'Constructor: c',
  'Transfer-Encoding: chunked',
];

/** The request heads the target saw, as text. */
const heads: string[] = [];

/** A raw target: it keeps each request's head and answers with {@link ANSWER_HEAD}. */
function rawTarget(): Server {
  return createServer((socket: Socket) => {
    let buffered = '';
    socket.on('error', () => {});
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      buffered += chunk;
      for (let end = buffered.indexOf('\r\n\r\n'); end >= 0; end = buffered.indexOf('\r\n\r\n')) {
        heads.push(buffered.slice(0, end));
        buffered = buffered.slice(end + 4);
        const size = Buffer.byteLength(employee).toString(16);
        socket.write(`${ANSWER_HEAD.join('\r\n')}\r\n\r\n${size}\r\n${employee}\r\n0\r\n\r\n`);
      }
    });
  });
}

/** GET `path` through the proxy with `headers`: the answer's raw headers and body. */
function get(
  proxy: RunningProxy,
  path: string,
  headers: Record<string, string | string[]>,
): Promise<{ res: IncomingMessage; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${proxy.url}${path}`, { headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ res, body }));
    });
    req.on('error', reject).end();
  });
}

/** A message's headers as `name: value` lines, names in lower case, in their order. */
function lines(raw: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) out.push(`${raw[i]!.toLowerCase()}: ${raw[i + 1]}`);
  return out;
}

describe('specl proxy forwards the headers of a message, not of its connection', () => {
  const target = rawTarget();
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await proxyInFront(target);
  });
  afterAll(() => closeBoth(proxy, target));

  it("sends the client's headers on without those of its connection, with X-Forwarded-Host", async () => {
    heads.length = 0;
    await get(proxy, `/employees/${id}`, {
      Host: 'api.example.com',
      Connection: 'keep-alive, X-Secret',
      'X-Secret': 'of the connection',
      TE: 'trailers',
      'Proxy-Authorization': 'Basic eA==',
      Upgrade: 'websocket',
      'X-Kept': ['a', 'b'],
      Accept: 'application/json',
    });
    const sent = heads[0]!.split('\r\n').slice(1);
    const names = sent.map((line) => line.slice(0, line.indexOf(':')).toLowerCase());
    expect(sent).toContain('accept: application/json');
    // A repeated header goes on as its lines or as one list (RFC 9110 5.3): the same values.
    const kept = sent.filter((line) => line.startsWith('x-kept: '));
    expect(kept.flatMap((line) => line.slice('x-kept: '.length).split(', '))).toEqual(['a', 'b']);
    expect(sent).toContain('x-forwarded-host: api.example.com');
    expect(sent).toContain('x-forwarded-proto: http');
    expect(sent).toContain(`host: 127.0.0.1:${(target.address() as AddressInfo).port}`);
    for (const gone of ['x-secret', 'te', 'proxy-authorization', 'upgrade'])
      expect(names).not.toContain(gone);
    expect(names.filter((name) => name === 'host')).toHaveLength(1);
  });

  it("sends its own X-Forwarded-Host and X-Forwarded-Proto, never the client's beside them", async () => {
    heads.length = 0;
    await get(proxy, `/employees/${id}`, {
      Host: 'api.example.com',
      'X-Forwarded-Host': 'evil.example',
      'X-Forwarded-Proto': 'https',
    });
    const sent = heads[0]!.split('\r\n').slice(1);
    expect(sent.filter((line) => /^x-forwarded-(host|proto):/i.test(line))).toEqual([
      'x-forwarded-host: api.example.com',
      'x-forwarded-proto: http',
    ]);
  });

  for (const [what, path] of [
    ['a checked answer, read whole', `/employees/${id}`],
    ['an unchecked answer, streamed', '/not-in-the-spec'],
  ] as const) {
    it(`answers ${what} without the target's connection headers, repeated ones kept`, async () => {
      const { res, body } = await get(proxy, path, {});
      expect(body).toBe(employee);
      const got = lines(res.rawHeaders);
      expect(got).toEqual(
        expect.arrayContaining([
          'content-type: application/json',
          'set-cookie: a=1',
          'set-cookie: b=2',
          'constructor: c',
        ]),
      );
      const names = got.map((line) => line.slice(0, line.indexOf(':')));
      for (const gone of ['x-hop', 'proxy-authenticate', 'trailer'])
        expect(names).not.toContain(gone);
      // The read answer goes out with its length; the streamed one as it came, in chunks.
      if (path === '/not-in-the-spec') expect(res.headers['transfer-encoding']).toBe('chunked');
      else expect(res.headers['content-length']).toBe(String(Buffer.byteLength(employee)));
    });
  }
});

describe('specl proxy and an answer without a body', () => {
  // A target that answers every request 304 Not Modified with the length of what the client
  // holds (RFC 9110 8.6), as a cache-validating server does.
  const target = createServer((socket: Socket) => {
    socket.on('error', () => {});
    socket.setEncoding('latin1').on('data', (chunk: string) => {
      if (!chunk.includes('\r\n\r\n')) return;
      socket.write(
        'HTTP/1.1 304 Not Modified\r\nContent-Type: application/json\r\nContent-Length: 1234\r\nETag: "v1"\r\n\r\n',
      );
    });
  });
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await proxyInFront(target);
  });
  afterAll(() => closeBoth(proxy, target));

  for (const [what, path] of [
    ['checked', `/employees/${id}`],
    ['streamed through', '/not-in-the-spec'],
  ] as const) {
    it(`keeps a 304's content-length, ${what}, and sends no body`, async () => {
      const { res, body } = await get(proxy, path, { 'If-None-Match': '"v1"' });
      expect(res.statusCode).toBe(304);
      expect(res.headers['content-length']).toBe('1234');
      expect(body).toBe('');
    });
  }
});
