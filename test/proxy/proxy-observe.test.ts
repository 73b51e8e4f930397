import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProxyViolation, RunningProxy } from '@specl/proxy';
import { closeBoth, proxyInFront } from './proxy-in-front.js';

const json = { 'content-type': 'application/json' };

/** A target that records what reaches it and answers 418 to every POST, 200 with `{}` to GETs. */
const received: string[] = [];
const target = createServer((req, res) => {
  let text = '';
  req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  req.on('end', () => {
    received.push(`${req.method} ${req.url} ${text}`);
    if (req.method === 'POST') res.writeHead(418, json).end('{"teapot":true}');
    else res.writeHead(200, json).end('{}');
  });
});

const violations: ProxyViolation[] = [];
let proxy: RunningProxy;

beforeAll(async () => {
  proxy = await proxyInFront(target, { onViolation: (report) => violations.push(report) });
});

afterAll(() => closeBoth(proxy, target));

describe('specl proxy in observe mode', () => {
  it('forwards a request that breaks the contract, reporting it before the answer comes', async () => {
    const body = JSON.stringify({ name: 'Ada', email: 'not an email', balance: -1 });
    const response = await fetch(`${proxy.url}/employees`, { method: 'POST', headers: json, body });
    // Reported by the time the client has the answer: checked in the turn it was forwarded in.
    const seen = violations.map((v) => [v.side, v.action, v.endpoint]);
    expect(response.status).toBe(418);
    expect(await response.json()).toEqual({ teapot: true });
    expect(received).toEqual([`POST /employees ${body}`]);
    expect(seen.length).toBeGreaterThan(0);
    expect(
      seen.every(
        ([side, action, endpoint]) =>
          side === 'request' && action === 'forwarded' && endpoint === 'createEmployee',
      ),
    ).toBe(true);
    // The answer to a broken request is not checked: 418 is undeclared, and not reported.
    expect(violations.some((v) => v.side === 'response')).toBe(false);
  });

  it('checks the answer to a request that keeps the contract', async () => {
    violations.length = 0;
    const body = JSON.stringify({ name: 'Ada', email: 'ada@example.com', balance: 3 });
    const response = await fetch(`${proxy.url}/employees`, { method: 'POST', headers: json, body });
    expect(response.status).toBe(418);
    await response.arrayBuffer();
    // An answer is forwarded, then checked in the same turn: reported before the client reads it.
    expect(violations.map((v) => [v.side, v.action, v.violation.kind])).toEqual([
      ['response', 'forwarded', 'status'],
    ]);
  });
});
