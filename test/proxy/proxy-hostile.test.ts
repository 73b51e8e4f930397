import { randomUUID } from 'node:crypto';
import { createServer, request } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSpecl, tempProject } from '../helpers/run-cli.js';
import type { ReceivedPoint } from './otlp-receiver.js';
import { startOtlpReceiver } from './otlp-receiver.js';
import type { ProxyProcess } from './proxy-process.js';
import { closeServer, listenLocal, startProxy } from './proxy-process.js';
import { vacationAt } from '../helpers/vacation-lines.js';

const spec = 'examples/vacation/vacation.specl';
const json = { 'content-type': 'application/json' };

/**
 * A hostile Vacation server: POST /employees holds `slow` forever, answers `garbage` with
 * bytes that are not JSON, and `liar` with one day more than asked; GET /employees/{id} answers.
 */
function hostileTarget(): Server {
  return createServer((req, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      if (req.method === 'GET') {
        const id = req.url!.split('/')[2]!;
        const body = { id, name: 'Ada', email: 'ada@example.com', balance: 3, tags: [] };
        return res.writeHead(200, json).end(JSON.stringify(body));
      }
      const asked = JSON.parse(text) as { name: string; balance: number };
      if (asked.name === 'slow') return void held++; // never answers
      if (asked.name === 'garbage') return res.writeHead(201, json).end('{"id": oops');
      const balance = asked.balance + (asked.name === 'liar' ? 1 : 0);
      res
        .writeHead(201, json)
        .end(JSON.stringify({ id: randomUUID(), ...asked, balance, tags: [] }));
    });
  });
}

/** Requests the hostile target holds. */
let held = 0;

/** Waits until `condition` holds, polling, or fails after 30 s saying what it waited for. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; !condition();) {
    if (Date.now() > deadline) throw new Error(`waited 30 s for ${what}`);
    await new Promise((done) => setTimeout(done, 10));
  }
}

function employee(name: string) {
  return {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ name, email: 'a@b.co', balance: 3 }),
  };
}

/** The last (cumulative) value of each metric point with these attributes, summed. */
function total(
  points: readonly ReceivedPoint[],
  metric: string,
  attributes: Record<string, unknown>,
) {
  const last = new Map<string, number>();
  for (const point of points) {
    if (point.metric !== metric) continue;
    if (!Object.entries(attributes).every(([k, v]) => point.attributes[k] === v)) continue;
    last.set(JSON.stringify(point.attributes), point.value);
  }
  return [...last.values()].reduce((a, b) => a + b, 0);
}

describe('specl proxy against a hostile target and clients, exporting OTLP', () => {
  let target: Server;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let proxy: ProxyProcess;
  let stopped: Awaited<ReturnType<ProxyProcess['stop']>>;

  beforeAll(async () => {
    target = hostileTarget();
    receiver = await startOtlpReceiver();
    const base = await listenLocal(target);
    proxy = await startProxy(
      [
        spec,
        '--target',
        base,
        // The one request that waits for it is the target's held one: every other answer has
        // 5 s, a thousand times what it takes, to come however busy the machine.
        '--target-timeout',
        '5s',
        '--max-body',
        '64kb',
      ],
      {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_METRIC_EXPORT_INTERVAL: '500',
        OTEL_SERVICE_NAME: 'vacation-proxy',
      },
    );
  });

  afterAll(async () => {
    await proxy.stop();
    await closeServer(receiver.server);
    await closeServer(target);
  });

  it('answers other requests while the target holds one, then answers that one 504', async () => {
    let slowDone = false;
    const slow = fetch(`${proxy.url}/employees`, employee('slow')).then((r) => {
      slowDone = true;
      return r;
    });
    await until(() => held > 0, 'the target to hold the request');
    const fast = await fetch(`${proxy.url}/employees/${randomUUID()}`);
    expect(fast.status).toBe(200);
    expect(slowDone).toBe(false);
    const answer = await slow;
    expect(answer.status).toBe(504);
    expect(answer.headers.get('content-type')).toBe('application/problem+json');
  });

  it('forwards a garbage answer as it came, and reports it', async () => {
    const answer = await fetch(`${proxy.url}/employees`, employee('garbage'));
    expect(answer.status).toBe(201);
    expect(await answer.text()).toBe('{"id": oops');
    const reported = await proxy.violation((v) => v.detail.includes('not JSON'));
    expect(reported).toMatchObject({ endpoint: 'createEmployee', side: 'response', kind: 'body' });
  });

  it('reports a response that breaks an ensures, forwarding it in observe mode', async () => {
    const answer = await fetch(`${proxy.url}/employees`, employee('liar'));
    expect(answer.status).toBe(201);
    const reported = await proxy.violation((v) => v.clause === 'response.balance == body.balance');
    expect([reported.clause, reported.at, reported.action]).toEqual([
      'response.balance == body.balance',
      `examples/vacation/vacation.specl:${vacationAt('ensures response.balance == body.balance')}`,
      'forwarded',
    ]);
  });

  it('refuses a body over the cap at once, announced or streamed, without reading it all', async () => {
    const announced = await new Promise<number>((resolve, reject) => {
      const req = request(`${proxy.url}/employees`, {
        method: 'POST',
        headers: { ...json, 'content-length': String(1024 ** 3) },
      });
      req.on('response', (res) => resolve(res.statusCode!)).on('error', reject);
      req.flushHeaders();
    });
    expect(announced).toBe(413);
    let written = 0;
    // The proxy answers 413 and closes the connection while the client still writes: the
    // client sees the answer, or its connection reset, whichever comes first.
    const streamed = await new Promise<number | string>((resolve) => {
      const req = request(`${proxy.url}/employees`, { method: 'POST', headers: json });
      let answered = false;
      req.on('response', (res) => {
        answered = true;
        resolve(res.statusCode!);
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        answered = true;
        resolve(error.code ?? error.message);
      });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const pump = () => {
        while (!answered && written < 1024 ** 3) {
          written += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', pump);
        }
      };
      pump();
    });
    expect([413, 'EPIPE', 'ECONNRESET']).toContain(streamed);
    expect(written).toBeLessThan(64 * 1024 * 1024); // it stopped reading long before 1 GB
  });

  it('answers 502 with a problem when the target is down', async () => {
    await closeServer(target);
    // The first may meet a kept-alive connection the target reset; the next finds it down.
    for (const code of ['ECONNRE', 'ECONNREFUSED']) {
      const answer = await fetch(`${proxy.url}/employees/${randomUUID()}`);
      expect(answer.status).toBe(502);
      const problem = (await answer.json()) as { detail: string };
      expect(problem.detail).toContain(code);
    }
  });

  describe('OpenTelemetry over OTLP/HTTP', () => {
    beforeAll(async () => {
      stopped = await proxy.stop(); // flushes spans and metrics
    });

    it('stops cleanly on SIGTERM, with no span dropped', () => {
      expect(stopped.code, stopped.stdout + stopped.stderr).toBe(0);
      expect(stopped.stdout).toMatch(
        /stopped \(SIGTERM\) after \d+ requests, 2 violations; 0 spans dropped/,
      );
    });

    it('exports a span per request with the four spec attributes, violations as events', () => {
      const tags = {
        'specl.spec.name': 'Vacation',
        'specl.spec.version': '1.2.0',
        'specl.spec.fingerprint': expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
      };
      const posts = receiver.spans.filter((s) => s.name === 'POST /employees');
      expect(posts.length).toBeGreaterThanOrEqual(4);
      for (const span of receiver.spans.filter((s) => s.attributes['specl.endpoint'] !== undefined))
        expect(span.attributes).toMatchObject({
          ...tags,
          'http.request.method': expect.any(String),
        });
      const liar = posts.find((s) =>
        s.events.some((e) => e.attributes['specl.violation.kind'] === 'ensures'),
      );
      expect(liar?.attributes).toMatchObject({
        ...tags,
        'specl.endpoint': 'createEmployee',
        'http.route': '/employees',
        'http.response.status_code': 201,
      });
      expect(liar?.events).toEqual([
        {
          name: 'specl.violation',
          attributes: {
            'specl.violation.kind': 'ensures',
            'specl.clause': 'response.balance == body.balance',
            'specl.clause.at': `vacation.specl:${vacationAt('ensures response.balance == body.balance')}`,
            'specl.violation.detail': 'POST /employees: ensures failed',
          },
        },
      ]);
      expect(receiver.spans.some((s) => s.attributes['http.response.status_code'] === 504)).toBe(
        true,
      );
    });

    it('exports counts of requests and violations per endpoint and clause, and durations', () => {
      const create = { 'specl.endpoint': 'createEmployee', 'specl.spec.version': '1.2.0' };
      expect(
        total(receiver.points, 'specl.violations', {
          ...create,
          'specl.clause': 'response.balance == body.balance',
        }),
      ).toBe(1);
      expect(total(receiver.points, 'specl.violations', {})).toBe(2);
      expect(
        total(receiver.points, 'specl.requests', { ...create, 'http.response.status_code': 201 }),
      ).toBe(2);
      expect(
        total(receiver.points, 'specl.request.duration', { 'specl.endpoint': 'getEmployee' }),
      ).toBe(3);
    });
  });
});

describe('specl proxy in enforce mode, with an OTLP endpoint that never answers', () => {
  it('replaces a response that breaks the contract by 502, and drops spans with a count', async () => {
    const target = hostileTarget();
    const receiver = await startOtlpReceiver(true);
    const proxy = await startProxy(
      [spec, '--target', await listenLocal(target), '--mode', 'enforce', '--replace-bad-responses'],
      {
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${receiver.url}/v1/traces`,
        OTEL_EXPORTER_OTLP_TIMEOUT: '300',
      },
    );
    const replaced = await fetch(`${proxy.url}/employees`, employee('liar'));
    expect(replaced.status).toBe(502);
    expect(await replaced.json()).toMatchObject({
      clause: 'response.balance == body.balance',
      at: `vacation.specl:${vacationAt('ensures response.balance == body.balance')}`,
    });
    const kept = await fetch(`${proxy.url}/employees`, employee('Ada'));
    expect(kept.status).toBe(201);
    // An export is tried (the receiver holds it): stopping waits for its 300 ms timeout.
    await until(() => receiver.requests() > 0, 'an export to reach the receiver');
    const { code, stdout } = await proxy.stop();
    await closeServer(receiver.server);
    await closeServer(target);
    expect(code).toBe(0);
    expect(stdout).toMatch(/2 requests, 1 violation; 2 spans dropped/);
  });
});

describe('specl proxy with a client that sends part of a request and waits', () => {
  it('closes the connection of a client that holds it, 408', async () => {
    // A proxy of its own: its client timeout would otherwise bound every other request too.
    const target = hostileTarget();
    const proxy = await startProxy([
      spec,
      '--target',
      await listenLocal(target),
      '--client-timeout',
      '1s',
    ]);
    const closed = await new Promise<string>((resolve) => {
      const socket = connect(Number(new URL(proxy.url).port), '127.0.0.1');
      let received = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (received += chunk));
      socket.on('close', () => resolve(received));
      socket.on('error', () => {});
      socket.write(
        'POST /employees HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
      );
    });
    await proxy.stop();
    await closeServer(target);
    expect(closed).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('specl proxy with a spec that has errors', () => {
  it('refuses to start, with the diagnostics', () => {
    const folder = tempProject({
      'bad.specl': 'spec Bad version "1.0.0"\n\ntype T { a: Nope }\n',
    });
    const run = runSpecl(['proxy', 'bad.specl', '--target', 'http://127.0.0.1:9'], folder);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/bad\.specl:3:\d+/);
    expect(run.stdout).toContain('the proxy did not start: fix the errors above first');
  });
});
