import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import type { ContractViolation, MonitorOptions } from '@specl/runtime';
import { ContractMonitor } from '@specl/runtime';
import { withContract } from '@specl/runtime/node';
import { contractMiddleware as expressContract } from '@specl/runtime/express';
import { contractPlugin } from '@specl/runtime/fastify';
import { contractMiddleware as koaContract } from '@specl/runtime/koa';
import { openTelemetry } from '@specl/runtime/otel';
import { endpoints, spec } from '../../examples/vacation/generated/properties.js';
import { employeeApp } from './employee-app.js';
import { vacationAt } from '../helpers/vacation-lines.js';

const contract = { spec, endpoints };

/** A metric reader collected on demand. */
class TestReader extends MetricReader {
  protected async onForceFlush() {}
  protected async onShutdown() {}
}

/** Spans, metrics and violations of one server, with the OpenTelemetry SDK in memory. */
function telemetryKit() {
  const spans = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(spans)],
  }).getTracer('test');
  const reader = new TestReader();
  const meter = new MeterProvider({ readers: [reader] }).getMeter('test');
  const violations: string[] = [];
  const options: MonitorOptions = {
    telemetry: openTelemetry({ tracer, meter }),
    onViolation: (v: ContractViolation, endpoint: string) =>
      violations.push(`${endpoint} ${v.kind} ${v.clause?.source} ${v.clause?.at}`),
  };
  return { spans, reader, violations, options };
}

/** A monitor of the contract with these options: adapters take it in place of the contract. */
const monitorWith = (options: MonitorOptions) => new ContractMonitor(contract, options);

async function readJson(req: NodeJS.ReadableStream): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

type Start = (monitor: ContractMonitor) => Promise<Server>;

const frameworks: Record<string, Start> = {
  'node:http': async (monitor) => {
    const app = employeeApp();
    return createServer(
      withContract(monitor, async (req, res) => {
        const answer = app.answer(req.method!, req.url!, await readJson(req));
        res.writeHead(answer.status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(answer.body));
      }),
    );
  },
  express: async (monitor) => {
    const app = employeeApp();
    const server = express();
    server.use(expressContract(monitor));
    server.use(express.json());
    server.use((req, res) => {
      const answer = app.answer(req.method, req.path, req.body);
      res.status(answer.status).json(answer.body);
    });
    return createServer(server);
  },
  fastify: async (monitor) => {
    const app = employeeApp();
    const server = Fastify();
    await server.register(contractPlugin(monitor));
    server.all('/*', async (request, reply) => {
      const answer = app.answer(request.method, request.url, request.body);
      return reply.code(answer.status).send(answer.body);
    });
    await server.ready();
    return server.server;
  },
  koa: async (monitor) => {
    const app = employeeApp();
    const server = new Koa();
    server.use(koaContract(monitor));
    server.use(async (ctx) => {
      const answer = app.answer(ctx.method, ctx.path, await readJson(ctx.req));
      ctx.status = answer.status;
      ctx.body = answer.body;
    });
    return createServer(server.callback());
  },
};

async function listen(server: Server): Promise<string> {
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function post(base: string, body: unknown) {
  return fetch(`${base}/employees`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The sum of a counter's points that have the given attributes. */
function counted(metrics: ResourceMetrics, name: string, attributes: Record<string, unknown>) {
  const metric = metrics.scopeMetrics
    .flatMap((s) => s.metrics)
    .find((m) => m.descriptor.name === name);
  return (metric?.dataPoints ?? [])
    .filter((point) => Object.entries(attributes).every(([k, v]) => point.attributes[k] === v))
    .reduce((sum, point) => sum + (point.value as number), 0);
}

/** A span's specl attributes and violation events, for exact comparison. */
function speclView(span: ReadableSpan) {
  return {
    name: span.name,
    attributes: Object.fromEntries(
      Object.entries(span.attributes).filter(
        ([key]) => key.startsWith('specl.') || key.startsWith('http.'),
      ),
    ),
    events: span.events.map((event) => ({
      name: event.name,
      clause: event.attributes?.['specl.clause'],
      at: event.attributes?.['specl.clause.at'],
      kind: event.attributes?.['specl.violation.kind'],
    })),
  };
}

const employee = { name: 'Ada', email: 'ada@example.com', balance: 20 };
const specTags = {
  'specl.spec.name': 'Vacation',
  'specl.spec.version': '1.2.0',
  'specl.spec.fingerprint': spec.fingerprint,
};

describe.each(Object.entries(frameworks))('the middleware on %s', (_name, start) => {
  const kit = telemetryKit();
  const monitor = monitorWith(kit.options);
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = await start(monitor);
    base = await listen(server);
    // Three exchanges: one that keeps the contract, a response that breaks an ensures, and a
    // request whose body breaks its type (the app's 400 is then not held against it).
    const created = (await (await post(base, employee)).json()) as { id: string };
    expect((await fetch(`${base}/employees/${created.id}`)).status).toBe(200);
    expect((await post(base, { ...employee, name: 'liar' })).status).toBe(201);
    expect((await post(base, { ...employee, name: '' })).status).toBe(400);
    expect((await fetch(`${base}/health`)).status).toBe(404); // no endpoint of the spec
    await monitor.flush(); // the checks run after the answers, off their path
  });

  afterAll(async () => {
    await new Promise((done) => server.close(done));
  });

  it('reports each violation with its clause and place, none for the good exchanges', () => {
    expect(kit.violations).toEqual([
      `createEmployee ensures response.balance == body.balance vacation.specl:${vacationAt('ensures response.balance == body.balance')}`,
      `createEmployee request body vacation.specl:${vacationAt('endpoint createEmployee')}`,
    ]);
  });

  it('tags every request span with the spec and the endpoint, violations as events', async () => {
    const spans = kit.spans.getFinishedSpans().map(speclView);
    expect(spans).toEqual([
      {
        name: 'POST /employees',
        attributes: {
          'http.request.method': 'POST',
          'http.route': '/employees',
          ...specTags,
          'specl.endpoint': 'createEmployee',
          'http.response.status_code': 201,
        },
        events: [],
      },
      {
        name: 'GET /employees/{id}',
        attributes: {
          'http.request.method': 'GET',
          'http.route': '/employees/{id}',
          ...specTags,
          'specl.endpoint': 'getEmployee',
          'http.response.status_code': 200,
        },
        events: [],
      },
      {
        name: 'POST /employees',
        attributes: {
          'http.request.method': 'POST',
          'http.route': '/employees',
          ...specTags,
          'specl.endpoint': 'createEmployee',
          'http.response.status_code': 201,
        },
        events: [
          {
            name: 'specl.violation',
            clause: 'response.balance == body.balance',
            at: `vacation.specl:${vacationAt('ensures response.balance == body.balance')}`,
            kind: 'ensures',
          },
        ],
      },
      {
        name: 'POST /employees',
        attributes: {
          'http.request.method': 'POST',
          'http.route': '/employees',
          ...specTags,
          'specl.endpoint': 'createEmployee',
          'http.response.status_code': 400,
        },
        events: [
          {
            name: 'specl.violation',
            clause: 'body',
            at: `vacation.specl:${vacationAt('endpoint createEmployee')}`,
            kind: 'request',
          },
        ],
      },
    ]);
  });

  it('counts requests and violations per endpoint and clause, and times requests', async () => {
    const { resourceMetrics } = await kit.reader.collect();
    expect(counted(resourceMetrics, 'specl.requests', { 'specl.endpoint': 'createEmployee' })).toBe(
      3,
    );
    expect(counted(resourceMetrics, 'specl.requests', { 'specl.endpoint': 'getEmployee' })).toBe(1);
    expect(
      counted(resourceMetrics, 'specl.violations', {
        'specl.endpoint': 'createEmployee',
        'specl.clause': 'response.balance == body.balance',
        'specl.clause.at': `vacation.specl:${vacationAt('ensures response.balance == body.balance')}`,
      }),
    ).toBe(1);
    expect(counted(resourceMetrics, 'specl.violations', {})).toBe(2);
    const histogram = resourceMetrics.scopeMetrics
      .flatMap((s) => s.metrics)
      .find((m) => m.descriptor.name === 'specl.request.duration');
    const points = histogram!.dataPoints.map((p) => [
      p.attributes['specl.endpoint'],
      (p.value as { count: number }).count,
    ]);
    expect(points).toEqual([
      ['createEmployee', 3],
      ['getEmployee', 1],
    ]);
  });
});

describe('sampling', () => {
  it('checks the given share of requests, and still counts them all', async () => {
    const kit = telemetryKit();
    const monitor = monitorWith({ ...kit.options, sampleRate: 0.5 });
    const server = await frameworks['node:http']!(monitor);
    const base = await listen(server);
    for (let i = 0; i < 4; i++) await post(base, { ...employee, name: 'liar' });
    await new Promise((done) => server.close(done));
    await monitor.flush();
    expect(kit.violations).toHaveLength(2);
    const { resourceMetrics } = await kit.reader.collect();
    expect(counted(resourceMetrics, 'specl.requests', {})).toBe(4);
    expect(() => withContract(contract, () => {}, { sampleRate: 2 })).toThrow(
      'sampleRate must be from 0 to 1, not 2',
    );
  });
});

describe('two monitors on one exchange (two middlewares in a row)', () => {
  it('each sees the bodies, the first sampling none or all', async () => {
    for (const firstRate of [0, 1]) {
      const outer = telemetryKit();
      const inner = telemetryKit();
      const first = monitorWith({ ...outer.options, sampleRate: firstRate });
      const second = monitorWith(inner.options);
      const app = employeeApp();
      const server = createServer(
        withContract(
          first,
          withContract(second, async (req, res) => {
            const answer = app.answer(req.method!, req.url!, await readJson(req));
            res.writeHead(answer.status, { 'content-type': 'application/json' });
            res.end(JSON.stringify(answer.body));
          }),
        ),
      );
      const base = await listen(server);
      expect((await post(base, { ...employee, name: 'liar' })).status).toBe(201);
      await new Promise((done) => server.close(done));
      await Promise.all([first.flush(), second.flush()]);
      const liar = `createEmployee ensures response.balance == body.balance vacation.specl:${vacationAt('ensures response.balance == body.balance')}`;
      expect(outer.violations).toEqual(firstRate === 1 ? [liar] : []);
      expect(inner.violations).toEqual([liar]);
      const [outerMetrics, innerMetrics] = await Promise.all([
        outer.reader.collect(),
        inner.reader.collect(),
      ]);
      expect(counted(outerMetrics.resourceMetrics, 'specl.requests', {})).toBe(1);
      expect(counted(innerMetrics.resourceMetrics, 'specl.requests', {})).toBe(1);
    }
  });
});
