import type { Span, Tracer } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { SpecIR } from '@specl/compiler';
import type { TargetSource, VerifyReport } from '@specl/verify';

/** The spec's attributes, as the proxy and the middleware tag spans with them. */
function specAttributes(ir: SpecIR) {
  return {
    'specl.spec.name': ir.name,
    'specl.spec.version': ir.version,
    'specl.spec.fingerprint': ir.fingerprint,
  };
}

/**
 * `specl verify --otel`: the verifier's run as a trace. One span for the run, one per check
 * (its result, runs and failing clause), and one per call a check makes (the endpoint, the
 * status it answered), each call a child of its check.
 */
export function verifyTracing(tracer: Tracer, ir: SpecIR) {
  const spec = specAttributes(ir);
  const root = tracer.startSpan(`specl verify ${ir.name}`, {
    kind: SpanKind.INTERNAL,
    attributes: spec,
  });
  const rootContext = trace.setSpan(context.active(), root);
  const checks: { name: string; span: Span; endedAt?: number }[] = [];
  let current: Span | undefined;
  let index = -1;
  const now = () => performance.timeOrigin + performance.now();

  return {
    /** Told of progress, it opens a check's span when the check starts. */
    onProgress(check: number, _checks: number, name: string) {
      if (check === index) return;
      index = check;
      const previous = checks.at(-1);
      if (previous !== undefined) previous.endedAt = now();
      current = tracer.startSpan(
        `check ${name}`,
        { attributes: { ...spec, 'specl.check': name } },
        rootContext,
      );
      checks.push({ name, span: current });
    },

    /** The target, with every call traced as a child of the check that makes it. */
    traced(source: TargetSource): TargetSource {
      return {
        ...source,
        async open() {
          const target = await source.open();
          return {
            description: target.description,
            async send(endpoint, request, options) {
              const parent = current ? trace.setSpan(rootContext, current) : rootContext;
              const span = tracer.startSpan(
                `call ${endpoint.name}`,
                {
                  kind: SpanKind.CLIENT,
                  attributes: {
                    ...spec,
                    'specl.endpoint': endpoint.name,
                    'http.request.method': endpoint.method,
                    'http.route': endpoint.path,
                  },
                },
                parent,
              );
              try {
                const response = await target.send(endpoint, request, options);
                span.setAttribute('http.response.status_code', response.status);
                return response;
              } catch (error) {
                const message = error instanceof Error ? error.message : String(error);
                span.setStatus({ code: SpanStatusCode.ERROR, message });
                throw error;
              } finally {
                span.end();
              }
            },
          };
        },
      };
    },

    /** Ends the check spans with their results, and the run's span; `report` is absent on error. */
    finish(report: VerifyReport | undefined) {
      for (const { name, span, endedAt } of checks) {
        const result = report?.checks.find((check) => check.name === name);
        if (result !== undefined) {
          span.setAttributes({
            'specl.check.status': result.status,
            'specl.check.runs': result.runs,
            'specl.check.at': result.at,
          });
          if (result.failure?.clause)
            span.addEvent('specl.violation', {
              'specl.violation.kind': result.failure.kind,
              'specl.clause': result.failure.clause.source,
              'specl.clause.at': result.failure.clause.at,
            });
          if (result.status === 'failed') span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end(endedAt ?? now());
      }
      root.setAttribute('specl.verify.ok', report?.ok ?? false);
      if (report?.ok !== true) root.setStatus({ code: SpanStatusCode.ERROR });
      root.end();
    },
  };
}
