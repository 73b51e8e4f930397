import type { Attributes, Counter, Histogram, Meter, Span, Tracer } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode, context, metrics, trace } from '@opentelemetry/api';
import type { ContractViolation } from '../contract/failures.js';
import type { ContractTelemetry, RequestFacts, RequestTelemetry } from './contract-telemetry.js';
import type { CompiledContract } from './exchange-checker.js';

/** The attribute and metric names Specl reports, for dashboards and alerts. */
export const SPECL_ATTRIBUTES = {
  specName: 'specl.spec.name',
  specVersion: 'specl.spec.version',
  specFingerprint: 'specl.spec.fingerprint',
  endpoint: 'specl.endpoint',
  clause: 'specl.clause',
  clauseAt: 'specl.clause.at',
  violationKind: 'specl.violation.kind',
  violationDetail: 'specl.violation.detail',
} as const;

/** The span event of a violation. */
export const VIOLATION_EVENT = 'specl.violation';

/** The metrics: requests and violations (counters), and request duration (seconds). */
export const SPECL_METRICS = {
  requests: 'specl.requests',
  violations: 'specl.violations',
  duration: 'specl.request.duration',
} as const;

/** Options of {@link openTelemetry}. */
export interface OpenTelemetryOptions {
  /** The tracer (default: the global provider's `@specl/runtime` tracer). */
  readonly tracer?: Tracer;
  /** The meter (default: the global provider's `@specl/runtime` meter). */
  readonly meter?: Meter;
  /**
   * Whether to start a server span of Specl's own, with the standard HTTP attributes, when no
   * span is active (default true). With an HTTP instrumentation active, its span is tagged.
   */
  readonly createSpans?: boolean;
  /** Tag Specl's spans, when it starts them, with `server.address` and `server.port`. */
  readonly server?: { readonly address: string; readonly port: number };
}

/** The attributes shared by the requests of one endpoint: span tags, metric tags by status. */
interface EndpointTags {
  readonly tags: Attributes;
  readonly metric: Attributes;
  readonly byStatus: Map<number, Attributes>;
}

function specAttributes(contract: CompiledContract): Attributes {
  return {
    [SPECL_ATTRIBUTES.specName]: contract.spec.name,
    [SPECL_ATTRIBUTES.specVersion]: contract.spec.version,
    [SPECL_ATTRIBUTES.specFingerprint]: contract.spec.fingerprint,
  };
}

function violationAttributes(violation: ContractViolation): Attributes {
  return {
    [SPECL_ATTRIBUTES.violationKind]: violation.kind,
    [SPECL_ATTRIBUTES.clause]: violation.clause?.source ?? violation.kind,
    [SPECL_ATTRIBUTES.clauseAt]: violation.clause?.at ?? '',
  };
}

function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/**
 * Telemetry through `@opentelemetry/api` only (the application's SDK exports it): every
 * request's span gets `specl.spec.name`, `specl.spec.version`, `specl.spec.fingerprint` and
 * `specl.endpoint`; every violation is a `specl.violation` span event with the clause and its
 * place in the spec; metrics count requests and violations per endpoint and clause, and time
 * requests per endpoint.
 */
export function openTelemetry(options: OpenTelemetryOptions = {}): ContractTelemetry {
  const tracer = options.tracer ?? trace.getTracer('@specl/runtime');
  const meter = options.meter ?? metrics.getMeter('@specl/runtime');
  const requests: Counter = meter.createCounter(SPECL_METRICS.requests, {
    description: 'Requests to endpoints of the spec',
  });
  const violations: Counter = meter.createCounter(SPECL_METRICS.violations, {
    description: 'Violations of the spec, by endpoint and clause',
  });
  const duration: Histogram = meter.createHistogram(SPECL_METRICS.duration, {
    description: 'Time to answer a request to an endpoint of the spec',
    unit: 's',
    advice: {
      explicitBucketBoundaries: [
        0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
      ],
    },
  });
  const createSpans = options.createSpans ?? true;
  // The attributes every request of an endpoint shares, made once per contract and endpoint
  // rather than once per request (never changed after: each use copies them or reads them).
  const shared = new WeakMap<CompiledContract, Map<string | undefined, EndpointTags>>();
  const tagsOf = (contract: CompiledContract, endpoint: string | undefined): EndpointTags => {
    let byEndpoint = shared.get(contract);
    if (byEndpoint === undefined) shared.set(contract, (byEndpoint = new Map()));
    let found = byEndpoint.get(endpoint);
    if (found === undefined) {
      const spec = specAttributes(contract);
      const tags: Attributes = { ...spec };
      if (endpoint !== undefined) tags[SPECL_ATTRIBUTES.endpoint] = endpoint;
      found = {
        tags,
        metric: { ...spec, [SPECL_ATTRIBUTES.endpoint]: endpoint ?? '' },
        byStatus: new Map(),
      };
      byEndpoint.set(endpoint, found);
    }
    return found;
  };
  const requestTags = (of: EndpointTags, status: number | undefined): Attributes => {
    if (status === undefined) return of.metric;
    let tags = of.byStatus.get(status);
    if (tags === undefined) {
      tags = { ...of.metric, 'http.response.status_code': status };
      // Statuses are few; a server answering with many odd ones gets them uncached.
      if (of.byStatus.size < 64) of.byStatus.set(status, tags);
    }
    return tags;
  };
  return {
    start(contract: CompiledContract, facts: RequestFacts): RequestTelemetry {
      const endpointTags = tagsOf(contract, facts.endpoint);
      const tags = endpointTags.tags;
      let span: Span | undefined = trace.getSpan(context.active());
      const own = span === undefined && createSpans;
      if (own) {
        span = tracer.startSpan(`${facts.method} ${facts.route ?? pathOf(facts.url)}`, {
          kind: SpanKind.SERVER,
          attributes: {
            'http.request.method': facts.method,
            'url.path': pathOf(facts.url),
            ...(facts.url.includes('?') && {
              'url.query': facts.url.slice(facts.url.indexOf('?') + 1),
            }),
            ...(facts.route !== undefined && { 'http.route': facts.route }),
            ...(options.server && {
              'server.address': options.server.address,
              'server.port': options.server.port,
            }),
            ...tags,
          },
        });
      } else span?.setAttributes(tags);
      const metricTags = endpointTags.metric;
      let violated = 0;
      return {
        violation(violation) {
          violated++;
          const attributes = violationAttributes(violation);
          span?.addEvent(VIOLATION_EVENT, {
            ...attributes,
            [SPECL_ATTRIBUTES.violationDetail]: violation.detail,
          });
          violations.add(1, { ...metricTags, ...attributes });
        },
        end(status, seconds) {
          requests.add(1, requestTags(endpointTags, status));
          duration.record(seconds, metricTags);
          if (!own || span === undefined) return;
          if (status !== undefined) span.setAttribute('http.response.status_code', status);
          if (status === undefined || status >= 500 || violated > 0)
            span.setStatus({
              code: SpanStatusCode.ERROR,
              message:
                violated > 0
                  ? `${violated} violation${violated === 1 ? '' : 's'} of the spec`
                  : status === undefined
                    ? 'no answer'
                    : undefined,
            });
          span.end();
        },
      };
    },
  };
}
