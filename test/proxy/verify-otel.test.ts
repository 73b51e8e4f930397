import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runSpeclAsync } from '../helpers/run-cli.js';
import type { CliRun } from '../helpers/run-cli.js';
import { startOtlpReceiver } from './otlp-receiver.js';
import { closeServer } from './proxy-process.js';

describe('specl verify --otel', () => {
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
  let run: CliRun;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
    run = await runSpeclAsync(
      [
        'verify',
        'examples/vacation/vacation.specl',
        '--impl',
        'examples/vacation/impl/handlers.ts',
        '--runs',
        '3',
        '--phases',
        'endpoints',
        '--otel',
      ],
      repoRoot,
      { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url },
    );
  });

  afterAll(async () => {
    await closeServer(receiver.server);
  });

  it('exports the run as a trace: a span for the run, one per check, one per call', () => {
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toContain(`--otel: the run's trace went to ${receiver.url}`);
    const root = receiver.spans.find((s) => s.name === 'specl verify Vacation');
    expect(root?.attributes).toMatchObject({
      'specl.spec.name': 'Vacation',
      'specl.spec.version': '1.2.0',
      'specl.verify.ok': true,
    });
    const checks = receiver.spans.filter((s) => s.parentSpanId === root!.spanId);
    expect(checks.map((s) => [s.name, s.attributes['specl.check.status']]).sort()).toEqual([
      ['check endpoint createEmployee', 'passed'],
      ['check endpoint getEmployee', 'passed'],
      ['check endpoint listRequests', 'passed'],
      ['check endpoint requestVacation', 'passed'],
    ]);
    const create = checks.find((s) => s.name === 'check endpoint createEmployee')!;
    const calls = receiver.spans.filter((s) => s.parentSpanId === create.spanId);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    for (const call of calls)
      expect(call.attributes).toMatchObject({
        'specl.endpoint': 'createEmployee',
        'http.request.method': 'POST',
        'http.response.status_code': 201,
      });
  });
});
