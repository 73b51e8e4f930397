// A local OTLP/HTTP receiver for the proxy tests: it keeps what the proxy's OpenTelemetry SDK
// exports (JSON), or, when told to, never answers (a slow collector).
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { listenLocal } from './proxy-process.js';

interface AnyValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
}
interface KeyValue {
  key: string;
  value: AnyValue;
}

/** A span as received: its name, attributes and events, values flattened. */
export interface ReceivedSpan {
  readonly name: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly attributes: Record<string, unknown>;
  readonly events: { name: string; attributes: Record<string, unknown> }[];
}

/** A metric point as received: the metric's name, the point's attributes, and its count. */
export interface ReceivedPoint {
  readonly metric: string;
  readonly attributes: Record<string, unknown>;
  readonly value: number;
}

function flat(attributes: readonly KeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries(
    (attributes ?? []).map(({ key, value }) => [
      key,
      value.stringValue ??
        (value.intValue !== undefined ? Number(value.intValue) : value.boolValue),
    ]),
  );
}

/** Starts a receiver on 127.0.0.1; `hang` makes it take requests and never answer. */
export async function startOtlpReceiver(hang = false) {
  const spans: ReceivedSpan[] = [];
  const points: ReceivedPoint[] = [];
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests++;
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      if (hang) return;
      const body = JSON.parse(text) as Record<string, unknown[]>;
      if (req.url === '/v1/traces')
        for (const resource of body['resourceSpans'] as { scopeSpans: { spans: never[] }[] }[])
          for (const scope of resource.scopeSpans)
            for (const span of scope.spans as {
              name: string;
              spanId: string;
              parentSpanId?: string;
              attributes: KeyValue[];
              events?: { name: string; attributes: KeyValue[] }[];
            }[])
              spans.push({
                name: span.name,
                spanId: span.spanId,
                ...(span.parentSpanId && { parentSpanId: span.parentSpanId }),
                attributes: flat(span.attributes),
                events: (span.events ?? []).map((e) => ({
                  name: e.name,
                  attributes: flat(e.attributes),
                })),
              });
      if (req.url === '/v1/metrics')
        for (const resource of body['resourceMetrics'] as {
          scopeMetrics: { metrics: never[] }[];
        }[])
          for (const scope of resource.scopeMetrics)
            for (const metric of scope.metrics as {
              name: string;
              sum?: {
                dataPoints: {
                  attributes: KeyValue[];
                  asInt?: number | string;
                  asDouble?: number;
                }[];
              };
              histogram?: { dataPoints: { attributes: KeyValue[]; count: number | string }[] };
            }[]) {
              for (const point of metric.sum?.dataPoints ?? [])
                points.push({
                  metric: metric.name,
                  attributes: flat(point.attributes),
                  value: Number(point.asInt ?? point.asDouble),
                });
              for (const point of metric.histogram?.dataPoints ?? [])
                points.push({
                  metric: metric.name,
                  attributes: flat(point.attributes),
                  value: Number(point.count),
                });
            }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  const url = await listenLocal(server);
  return { url, server, spans, points, requests: () => requests };
}
