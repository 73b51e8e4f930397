import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningProxy } from '@specl/proxy';
import { closeBoth, proxyInFront } from './proxy-in-front.js';

const json = { 'content-type': 'application/json' };

/** A target that counts what reaches it (nothing should). */
let reached = 0;
const target = createServer((req, res) => {
  req.resume().on('end', () => {
    reached++;
    res.writeHead(200, json).end('{}');
  });
});

/** What the proxy logged of its own trouble. */
const logged: string[] = [];
let proxy: RunningProxy;

beforeAll(async () => {
  proxy = await proxyInFront(target, {
    mode: 'enforce',
    // A telemetry that fails for GETs (before any body is read), a violation listener that
    // fails (once the body of a POST was read): failures of the proxy's own code.
    telemetry: {
      start(_contract, facts) {
        if (facts.method === 'GET') throw new Error('telemetry broke');
        return { violation() {}, end() {} };
      },
    },
    onViolation: () => {
      throw new Error('listener broke');
    },
    onTargetError: (message) => logged.push(message),
  });
});

afterAll(() => closeBoth(proxy, target));

describe('a failure of the proxy itself', () => {
  it('answers 500 and logs it, whether it comes before or after the body is read', async () => {
    const got = await fetch(`${proxy.url}/employees/3fa85f64-5717-4562-b3fc-2c963f66afa6`);
    expect(got.status).toBe(500);
    expect(await got.json()).toMatchObject({ title: 'The proxy failed' });
    const body = JSON.stringify({ name: 'Ada', email: 'not an email', balance: -1 });
    const posted = await fetch(`${proxy.url}/employees`, { method: 'POST', headers: json, body });
    expect(posted.status).toBe(500);
    expect(await posted.json()).toMatchObject({ title: 'The proxy failed' });
    expect(logged).toEqual([
      'GET /employees/3fa85f64-5717-4562-b3fc-2c963f66afa6: telemetry broke',
      'POST /employees: listener broke',
    ]);
    expect(reached).toBe(0);
  });
});
