import { request } from 'node:http';
import type { Socket } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProxy } from '@specl/proxy';
import { closeBoth, proxyInFront } from './proxy-in-front.js';

/**
 * A target on raw sockets that does what an HTTP server may do to a kept-alive connection: it
 * answers the first request of each connection and closes the connection as the second one
 * comes, unread (as when its idle timeout fires while the request is on its way), and holds
 * `/hold` unanswered. It counts connections, and every request it was sent.
 */
const seen: string[] = [];
let connections = 0;
const held: Socket[] = [];
const employee = JSON.stringify({ id: 1, name: 'Ada', email: 'ada@example.com', balance: 20 });
const target = createServer((socket) => {
  connections++;
  let buffered = '';
  let served = 0;
  socket.setEncoding('latin1').on('data', (chunk: string) => {
    buffered += chunk;
    for (;;) {
      const headEnd = buffered.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const length = Number(
        /\r\ncontent-length: *(\d+)/i.exec(buffered.slice(0, headEnd))?.[1] ?? 0,
      );
      if (buffered.length < headEnd + 4 + length) return;
      const line = buffered.slice(0, buffered.indexOf('\r\n'));
      buffered = buffered.slice(headEnd + 4 + length);
      seen.push(line);
      if (line.includes(' /hold ')) {
        held.push(socket);
        return;
      }
      if (++served > 1) {
        socket.destroy();
        return;
      }
      socket.write(
        `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${employee.length}\r\n\r\n${employee}`,
      );
    }
  });
  socket.on('error', () => {});
});

const targetErrors: string[] = [];
let proxy: RunningProxy;

beforeAll(async () => {
  proxy = await proxyInFront(target, { onTargetError: (message) => targetErrors.push(message) });
});

afterAll(() => {
  held.forEach((socket) => socket.destroy());
  return closeBoth(proxy, target);
});

const reset = () => {
  seen.length = 0;
  connections = 0;
  targetErrors.length = 0;
};

describe('specl proxy: connections to the target', () => {
  it('sends a GET again, on a new connection, when the target closed the kept-alive one under it', async () => {
    reset();
    const first = await fetch(`${proxy.url}/employees/1`);
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ name: 'Ada' });
    const second = await fetch(`${proxy.url}/employees/1`);
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ name: 'Ada' });
    // The second GET reached the target twice: on the first connection, closed unread, then
    // on a second one.
    expect(seen).toEqual([
      'GET /employees/1 HTTP/1.1',
      'GET /employees/1 HTTP/1.1',
      'GET /employees/1 HTTP/1.1',
    ]);
    expect(connections).toBe(2);
    expect(targetErrors).toEqual([]);
  });

  it('answers 502 to a POST the target dropped that way, without sending it twice', async () => {
    reset();
    expect((await fetch(`${proxy.url}/employees/1`)).status).toBe(200);
    const posted = await fetch(`${proxy.url}/employees`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 }),
    });
    expect(posted.status).toBe(502);
    expect(posted.headers.get('content-type')).toBe('application/problem+json');
    expect(await posted.json()).toMatchObject({
      status: 502,
      detail: 'POST /employees: ECONNRESET',
    });
    expect(seen).toEqual(['GET /employees/1 HTTP/1.1', 'POST /employees HTTP/1.1']);
    expect(targetErrors).toHaveLength(1);
  });

  it('closes the request to the target when the client goes away before the answer', async () => {
    reset();
    const client = request(`${proxy.url}/hold`);
    client.on('error', () => {});
    client.end();
    await until(() => seen.includes('GET /hold HTTP/1.1'));
    const holding = held.at(-1)!;
    const closed = new Promise<void>((resolve) => holding.once('close', () => resolve()));
    client.destroy();
    await closed;
    expect(targetErrors).toEqual([]);
  });
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}
