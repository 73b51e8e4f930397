import { createServer } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractViolation } from '@specl/runtime';
import { ContractMonitor, ExchangeChecker } from '@specl/runtime';
import { withContract } from '@specl/runtime/node';
import { endpoints, spec } from '../../examples/ach-payments/generated/properties.js';
import type { ProxyProcess } from '../proxy/proxy-process.js';
import { closeServer, listenLocal, startProxy } from '../proxy/proxy-process.js';

// The declared response headers of the ACH example (`Location` on a 201, `with Created`) as
// the live checks see them: the exchange checker the proxy and the middleware share, the
// node:http middleware (headers given to writeHead or set with setHeader), and `specl proxy`.

const contract = { spec, endpoints };
const account = {
  holder: 'Ada',
  routingNumber: '021000021',
  accountNumber: '12345678',
  kind: 'checking',
  openingBalance: 100,
};
const id = '0b0e5c9e-6a0f-4c1e-9a57-3c4f1f0c1d2e';
const created = { id, ...account, openingBalance: undefined, balance: 100 };
const bytes = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const LOCATION =
  'headers Created { location "Location": String { pattern: "^/(accounts|transfers)/[0-9a-f-]{36}$" } }';

describe('the exchange checker on response headers', () => {
  const checker = new ExchangeChecker(contract);
  const routed = checker.route('POST', '/accounts')!;
  const checked = checker.checkRequest(
    routed,
    '/accounts',
    { authorization: 'Bearer t', 'content-type': 'application/json' },
    { contentType: 'application/json', bytes: bytes(account) },
  );
  const answer = (headers?: Record<string, unknown>) =>
    checker
      .checkResponse(
        checked,
        201,
        { contentType: 'application/json', bytes: bytes(created) },
        headers,
      )
      .map((v: ContractViolation) => [v.kind, v.clause?.source, v.detail]);

  it('takes the request', () => {
    expect(checked.violations).toEqual([]);
  });

  it.each([
    ['as written', { Location: `/accounts/${id}` }],
    ['in any case, among others', { location: `/accounts/${id}`, 'x-other': ['a', 'b'] }],
  ])('keeps an answer with the header %s', (_, headers) => {
    expect(answer(headers)).toEqual([]);
  });

  it.each([
    [{}, 'POST /accounts answered 201 without the header Location, which it must carry'],
    [
      { location: 'https://elsewhere.example/x' },
      expect.stringMatching(
        /^the header Location of POST \/accounts \(201\) is "https:\/\/elsewhere.example\/x", which does not match its type/,
      ),
    ],
  ])('reports %j, naming the header and its declaration', (headers, detail) => {
    expect(answer(headers)).toEqual([['header', LOCATION, detail]]);
  });

  it('checks nothing of headers it was not given', () => {
    expect(answer(undefined)).toEqual([]);
  });
});

describe('the node:http middleware and specl proxy on response headers', () => {
  const violations: string[] = [];
  const monitor = new ContractMonitor(contract, {
    onViolation: (violation) => violations.push(`${violation.kind}: ${violation.detail}`),
  });
  let server: Server;
  let base: string;
  let proxy: ProxyProcess;

  /** Answers POST /accounts with a 201, its Location given as `how` says. */
  const answer = (res: ServerResponse, how: string | null) => {
    const json = { 'content-type': 'application/json' };
    const location = { location: `/accounts/${id}` };
    if (how === 'setHeader') res.setHeader('Location', location.location);
    res.writeHead(201, how === 'writeHead' ? { ...json, ...location } : json);
    res.end(JSON.stringify(created));
  };

  beforeAll(async () => {
    server = createServer(
      withContract(monitor, (req, res) => {
        req.resume();
        req.on('end', () => answer(res, new URL(req.url!, 'http://x').searchParams.get('how')));
      }),
    );
    base = await listenLocal(server);
    proxy = await startProxy(['examples/ach-payments/ach-payments.specl', '--target', base]);
  }, 60_000);

  afterAll(async () => {
    await proxy?.stop();
    await closeServer(server);
  });

  const post = (url: string) =>
    fetch(url, {
      method: 'POST',
      headers: { authorization: 'Bearer t', 'content-type': 'application/json' },
      body: JSON.stringify(account),
    });

  it('the middleware sees headers given to writeHead or set before it, and their absence', async () => {
    for (const how of ['writeHead', 'setHeader', 'none'])
      expect((await post(`${base}/accounts?how=${how}`)).status).toBe(201);
    await monitor.flush();
    expect(violations).toEqual([
      'header: POST /accounts answered 201 without the header Location, which it must carry',
    ]);
  });

  it('the proxy reports an answer without its Location, and not one with it', async () => {
    expect((await post(`${proxy.url}/accounts?how=writeHead`)).status).toBe(201);
    expect((await post(`${proxy.url}/accounts?how=none`)).status).toBe(201);
    const line = await proxy.violation((l) => l.kind === 'header');
    expect(line).toMatchObject({
      endpoint: 'openAccount',
      side: 'response',
      clause: LOCATION,
      url: '/accounts?how=none',
    });
    expect(proxy.violations().filter((l) => l.kind === 'header')).toHaveLength(1);
  });
});
