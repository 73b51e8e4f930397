import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import type { EndpointContract } from '@specl/runtime';
import { ContractViolation, DiscardedRun, TargetUnreachable, httpTarget } from '@specl/runtime';
import { TargetLoadError, urlSource } from '@specl/verify';
import { withServer } from './verify-helpers.js';

/** `GET /thing` answering 200 with JSON, a required header `X-Tenant`. */
const endpoint: EndpointContract = {
  name: 'getThing',
  method: 'GET',
  path: '/thing',
  at: 'thing.specl:1:1',
  pathParams: [],
  query: [],
  headers: [{ name: 'tenant', wireName: 'X-Tenant', optional: false }],
  hasBody: false,
  responses: [{ status: 200, validate: () => ({ ok: true }) }],
  requires: [],
  ensures: [],
  requests: undefined as never,
};

const request = { tenant: 't1' };

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

/** Runs `body` against a server of `handler`, counting the requests it received. */
async function against<T>(handler: Handler, body: (base: string) => Promise<T>) {
  return withServer(createServer(handler), body);
}

/** The violation a send rejects with. */
async function violation(promise: Promise<unknown>): Promise<ContractViolation> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ContractViolation);
  return error as ContractViolation;
}

describe('a hostile server never breaks the verifier', () => {
  it('stops reading a body at the cap, declared or streamed', async () => {
    let written = 0;
    await against(
      (req, res) => {
        if (req.url === '/declared') {
          res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1e9 });
          res.write('[');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        // An endless stream: keep writing while the client reads.
        const pump = () => {
          while (!res.destroyed) {
            written += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', pump);
              return;
            }
          }
        };
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
      },
      async (base) => {
        const target = httpTarget(base, { maxBodyBytes: 256 * 1024 });
        const streamed = await violation(target.send(endpoint, request));
        expect(streamed.kind).toBe('body');
        expect(streamed.detail).toBe(
          'GET /thing answered 200 with a body larger than 262144 bytes (the cap, --max-body); reading stopped there',
        );
        const declared = await violation(target.send({ ...endpoint, path: '/declared' }, request));
        expect(declared.detail).toMatch(/^GET \/declared answered 200 with a body larger than/);
      },
    );
    // The server wrote past the cap only as far as socket buffers reach, not without end.
    expect(written).toBeGreaterThan(256 * 1024);
    expect(written).toBeLessThan(64 * 1024 * 1024);
  });

  it('never follows a redirect, to its own origin or another', async () => {
    let elsewhere = 0;
    await against(
      () => elsewhere++,
      (other) =>
        against(
          (req, res) => {
            const to = req.url === '/thing' ? `${other}/stolen` : '/thing';
            res.writeHead(302, { location: to }).end();
          },
          async (base) => {
            const response = await httpTarget(base).send(endpoint, request);
            expect(response.status).toBe(302);
          },
        ),
    );
    expect(elsewhere).toBe(0);
  });

  it('declares a silent server unreachable after three timeouts in a row', async () => {
    let received = 0;
    await against(
      () => received++,
      async (base) => {
        const target = httpTarget(base, { timeoutMs: 100 });
        for (let i = 0; i < 2; i++)
          expect((await violation(target.send(endpoint, request))).detail).toBe(
            'GET /thing: no answer within 100 ms',
          );
        await expect(target.send(endpoint, request)).rejects.toThrow(TargetUnreachable);
      },
    );
    // Under load, the last request may time out before the server sees it.
    expect(received).toBeGreaterThanOrEqual(2);
    expect(received).toBeLessThanOrEqual(3);
  });

  it('counts only timeouts in a row: an answer in between starts the count again', async () => {
    let received = 0;
    await against(
      (_req, res) => {
        if (++received % 2 === 0)
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      },
      async (base) => {
        // 500 ms, not 100: at a load of 20 on two cores, the answered request took over 100 ms.
        const target = httpTarget(base, { timeoutMs: 500, maxTimeouts: 2 });
        for (let i = 0; i < 3; i++) {
          await violation(target.send(endpoint, request));
          expect((await target.send(endpoint, request)).status).toBe(200);
        }
      },
    );
  });

  it('times out a body that trickles in, byte by byte', async () => {
    await against(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 20);
        res.on('close', () => clearInterval(timer));
      },
      async (base) => {
        const target = httpTarget(base, { timeoutMs: 300 });
        expect((await violation(target.send(endpoint, request))).detail).toBe(
          'GET /thing: no answer within 300 ms',
        );
      },
    );
  });

  it('fails a JSON body that is not valid UTF-8, and reads other text leniently', async () => {
    await against(
      (req, res) => {
        const type = req.url === '/text' ? 'text/plain' : 'application/json';
        res.writeHead(200, { 'content-type': type });
        res.end(Buffer.from([0x22, 0xc3, 0x28, 0x22]));
      },
      async (base) => {
        const target = httpTarget(base);
        expect((await violation(target.send(endpoint, request))).detail).toBe(
          'GET /thing answered 200 with a JSON body that is not valid UTF-8',
        );
        const text = await target.send({ ...endpoint, path: '/text' }, request);
        expect(text.body).toBe('"\uFFFD("');
      },
    );
  });

  it('refuses a port fetch blocks, before sending anything', () => {
    expect(() => urlSource('http://127.0.0.1:6000', 1000)).toThrow(TargetLoadError);
    expect(() => urlSource('http://127.0.0.1:6000', 1000)).toThrow(
      'fetch refuses to connect to port 6000 (a port the Fetch standard blocks); run the server on another port',
    );
  });

  it('never sends a required header empty', async () => {
    let received = 0;
    await against(
      (_req, res) => {
        received++;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      },
      async (base) => {
        const target = httpTarget(base);
        await expect(target.send(endpoint, { tenant: '' })).rejects.toThrow(DiscardedRun);
        const optional = { ...endpoint, headers: [{ ...endpoint.headers[0]!, optional: true }] };
        expect((await target.send(optional, { tenant: '' })).status).toBe(200);
      },
    );
    expect(received).toBe(1);
  });
});
