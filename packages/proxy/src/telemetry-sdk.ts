import type { Meter, Tracer } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { BoundedSpanProcessor } from './bounded-span-processor.js';

/** The OpenTelemetry SDK a proxy (or a verifier run) set up, or `undefined` parts for none. */
export interface TelemetrySdk {
  readonly tracer?: Tracer;
  readonly meter?: Meter;
  /** Where spans and metrics go, for the start-up line: `http://127.0.0.1:4318`. */
  readonly destination?: string;
  /** Spans dropped because the OTLP endpoint was down or slow. */
  droppedSpans(): number;
  /** Exports what is left (bounded by the exporters' timeouts) and stops. */
  shutdown(): Promise<void>;
}

/** How long a shutdown waits for the last exports. */
const SHUTDOWN_MS = 3000;

type Env = Readonly<Record<string, string | undefined>>;

function set(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function exporterWanted(env: Env, signal: 'TRACES' | 'METRICS'): boolean {
  if (set(env, 'OTEL_SDK_DISABLED')?.toLowerCase() === 'true') return false;
  const chosen = set(env, `OTEL_${signal}_EXPORTER`)?.toLowerCase();
  if (chosen === 'none') return false;
  if (chosen === 'otlp') return true;
  return (
    set(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') !== undefined ||
    set(env, `OTEL_EXPORTER_OTLP_${signal}_ENDPOINT`) !== undefined
  );
}

/**
 * Sets up the OpenTelemetry SDK from the standard `OTEL_*` environment variables, exporting
 * OTLP over HTTP: traces when `OTEL_EXPORTER_OTLP_ENDPOINT` (or `..._TRACES_ENDPOINT`) is set or
 * `OTEL_TRACES_EXPORTER=otlp`, metrics likewise; nothing at all with none of them set. The
 * exporters read their endpoint, headers and timeout from the environment themselves.
 * Spans wait in a bounded queue and are dropped, counted, while the endpoint is down or slow.
 */
export function startTelemetrySdk(env: Env, serviceName: string): TelemetrySdk {
  const resource = defaultResource().merge(
    resourceFromAttributes({
      'service.name': set(env, 'OTEL_SERVICE_NAME') ?? serviceName,
    }),
  );
  const destination =
    set(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ??
    set(env, 'OTEL_EXPORTER_OTLP_ENDPOINT') ??
    'http://localhost:4318';
  let processor: BoundedSpanProcessor | undefined;
  let tracerProvider: BasicTracerProvider | undefined;
  if (exporterWanted(env, 'TRACES')) {
    processor = new BoundedSpanProcessor(new OTLPTraceExporter());
    tracerProvider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  }
  let meterProvider: MeterProvider | undefined;
  if (exporterWanted(env, 'METRICS')) {
    const interval = Number(set(env, 'OTEL_METRIC_EXPORT_INTERVAL') ?? 60_000);
    const exportIntervalMillis = Number.isFinite(interval) && interval > 0 ? interval : 60_000;
    const reader = new PeriodicExportingMetricReader({
      exporter: new OTLPMetricExporter(),
      exportIntervalMillis,
      exportTimeoutMillis: Math.min(exportIntervalMillis, 10_000),
    });
    meterProvider = new MeterProvider({ resource, readers: [reader] });
  }
  return {
    tracer: tracerProvider?.getTracer('@specl/proxy'),
    meter: meterProvider?.getMeter('@specl/proxy'),
    destination: tracerProvider || meterProvider ? destination : undefined,
    droppedSpans: () => processor?.dropped ?? 0,
    async shutdown() {
      // A slow endpoint gets a few seconds to take what is left, not the exporters' timeouts.
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((done) => (timer = setTimeout(done, SHUTDOWN_MS)));
      const settled = Promise.allSettled([tracerProvider?.shutdown(), meterProvider?.shutdown()]);
      await Promise.race([settled, late]);
      clearTimeout(timer);
    },
  };
}
