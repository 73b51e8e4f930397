import { describe, expect, it } from 'vitest';
import { TargetUnreachable } from '@specl/runtime';
import { VerifyCancelled } from '@specl/verify';
import {
  defect,
  failures,
  httpSource,
  misbehavingServer,
  vacationImplementation,
  vacationServer,
  verifyModule,
  verifyVacation,
  withServer,
} from './verify-helpers.js';

describe('specl verify on the vacation example', () => {
  it('holds for the in-process implementation, every clause exercised', async () => {
    const report = await verifyModule(vacationImplementation);
    expect(failures(report)).toEqual([]);
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['endpoint createEmployee', 'passed'],
      ['endpoint getEmployee', 'passed'],
      ['endpoint listRequests', 'passed'],
      ['endpoint requestVacation', 'passed'],
      ['property balanceDecreasesByDays', 'passed'],
      ['stateful: call sequences', 'passed'],
    ]);
    const never = report.coverage.filter((entry) => entry.exercised === 0).map((e) => e.name);
    expect(never).toEqual([]);
    expect(report.coverage.every((entry) => entry.held === entry.exercised)).toBe(true);
    expect(report.coverage.filter((entry) => entry.kind === 'invariant')).toEqual([
      {
        kind: 'invariant',
        name: 'NewRequest, VacationRequest: end >= start',
        at: 'vacation.specl:29:3',
        exercised: expect.any(Number),
        held: expect.any(Number),
      },
    ]);
  });

  it('holds for the node:http server, over real HTTP', async () => {
    const report = await withServer(vacationServer(), (base) => verifyVacation(httpSource(base)));
    expect(failures(report)).toEqual([]);
    expect(report.target).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('finds a response missing a field', async () => {
    const [first] = failures(await verifyModule(defect('missing-field')));
    expect(first).toMatchObject({ check: 'endpoint createEmployee', kind: 'body' });
    expect(first!.message).toBe(
      'the body of POST /employees (response 201) does not match its type: $.email: required field is missing',
    );
  });

  it('finds a violated constraint', async () => {
    const [first] = failures(await verifyModule(defect('violated-constraint')));
    expect(first).toMatchObject({ check: 'endpoint createEmployee', kind: 'body' });
    expect(first!.message).toMatch(/\$\.balance: .*-1/);
  });

  it('finds a violated invariant, naming it and where it is written', async () => {
    const found = failures(await verifyModule(defect('violated-invariant')));
    expect(found.length).toBeGreaterThan(0);
    for (const failure of found) {
      expect(failure.kind).toBe('body');
      expect(failure.message).toContain('invariant failed: end >= start (vacation.specl:29:3)');
    }
  });

  it('finds a broken ensures, naming the clause and its place', async () => {
    const found = failures(await verifyModule(defect('broken-ensures')));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatchObject({
      kind: 'ensures',
      clause: { source: 'response.status == pending', at: 'vacation.specl:61:3' },
    });
  });

  it('finds an undeclared status', async () => {
    const [first] = failures(await verifyModule(defect('undeclared-status')));
    expect(first).toMatchObject({ check: 'endpoint getEmployee', kind: 'status' });
    expect(first!.message).toBe(
      'GET /employees/{id} answered 400, which the spec does not declare (declared: 200, 404 NotFound)',
    );
  });

  it('finds a written property broken only by a sequence of calls', async () => {
    const report = await verifyModule(defect('balance-not-deducted'));
    expect(failures(report)).toEqual([
      {
        check: 'property balanceDecreasesByDays',
        kind: 'expect',
        clause: {
          source: 'req.ok implies after.balance == emp.balance - r.days',
          at: 'vacation.specl:80:3',
        },
        message: 'expect failed',
      },
    ]);
    const failure = report.checks.find((c) => c.status === 'failed')!.failure!;
    expect(failure.exchanges.map((e) => e.sent.endpoint)).toEqual([
      'createEmployee',
      'requestVacation',
      'getEmployee',
    ]);
  });

  it('finds a bug that only the stateful phase finds', async () => {
    const report = await verifyModule(defect('leaky-list'));
    expect(failures(report)).toEqual([
      {
        check: 'stateful: call sequences',
        kind: 'ensures',
        clause: { source: 'all r in response: r.employeeId == id', at: 'vacation.specl:70:3' },
        message: 'GET /employees/{id}/requests: ensures failed',
      },
    ]);
    // Shrunk to the few calls that show it: two employees, a request, a list of the other.
    const sequence = report.checks.at(-1)!.failure!.counterexample as string[];
    expect(sequence.length).toBeLessThanOrEqual(6);
    expect(sequence.at(-1)).toMatch(/^listRequests\(/);
    const without = await verifyModule(defect('leaky-list'), {
      phases: ['endpoints', 'properties'],
    });
    expect(failures(without)).toEqual([]);
  });

  it('fails a server that hangs, naming the request, within the timeout', async () => {
    const server = misbehavingServer(
      (request) => request.method === 'POST' && request.url!.includes('/requests'),
      () => {},
    );
    const report = await withServer(server, (base) =>
      verifyVacation(httpSource(base, 200), { runs: 5, phases: ['endpoints'] }),
    );
    const [first] = failures(report);
    expect(first).toMatchObject({ check: 'endpoint requestVacation', kind: 'unreachable' });
    expect(first!.message).toMatch(
      /^POST \/employees\/[^ ]+\/requests.*: no answer within 200 ms$/,
    );
  });

  it('fails a server that closes the connection, naming the request', async () => {
    const server = misbehavingServer(
      (request) => request.method === 'GET' && /^\/employees\/[^/]+$/.test(request.url!),
      (request) => request.socket.destroy(),
    );
    const report = await withServer(server, (base) =>
      verifyVacation(httpSource(base), { runs: 5, phases: ['endpoints'] }),
    );
    const [first] = failures(report);
    expect(first).toMatchObject({ check: 'endpoint getEmployee', kind: 'unreachable' });
    expect(first!.message).toMatch(/^GET \/employees\/[^ ]+: the connection failed/);
  });

  it('stops with TargetUnreachable when nothing listens', async () => {
    const closed = vacationServer();
    const base = await withServer(closed, async (url) => url);
    await expect(verifyVacation(httpSource(base), { runs: 5 })).rejects.toBeInstanceOf(
      TargetUnreachable,
    );
  });

  it('stops between runs when cancelled, and says so', async () => {
    const controller = new AbortController();
    let runsSeen = 0;
    const verifying = verifyModule(vacationImplementation, {
      runs: 1000,
      signal: controller.signal,
      onProgress: (_check, _checks, _name, done) => {
        runsSeen = done;
        if (done === 10) controller.abort();
      },
    });
    await expect(verifying).rejects.toBeInstanceOf(VerifyCancelled);
    expect(runsSeen).toBeLessThan(1000);
  });

  it('shrinks to a minimal counterexample and replays it exactly', async () => {
    const report = await verifyModule(defect('undeclared-status'), { phases: ['endpoints'] });
    const failure = report.checks.find((c) => c.status === 'failed')!.failure!;
    expect(failure.counterexample).toEqual({ id: '00000000-0000-1000-8000-000000000000' });
    const replayed = await verifyModule(defect('undeclared-status'), {
      seed: failure.seed,
      replay: failure.replay,
    });
    const again = replayed.checks.find((c) => c.status === 'failed')!.failure!;
    expect(again.counterexample).toEqual(failure.counterexample);
    expect(again.clause).toEqual(failure.clause);
  });
});
