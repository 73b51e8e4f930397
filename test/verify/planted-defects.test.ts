import { describe, expect, it } from 'vitest';
import { defect, failures, verifyModule } from './verify-helpers.js';

const SEEDS = [1, 2, 3];

/** The checks that failed, their kinds and messages, for a planted defect at one seed. */
async function found(name: string, seed: number, phases: string[], runs = 100) {
  return failures(await verifyModule(defect(name), { seed, runs, phases: phases as never }));
}

describe('the verifier finds planted defects that need the edges of the search', () => {
  it.each(SEEDS)('a 50-character boundary (the spec allows 120), at seed %i', async (seed) => {
    const failed = await found('long-name', seed, ['endpoints']);
    expect(failed).toContainEqual(
      expect.objectContaining({
        check: 'endpoint createEmployee',
        kind: 'status',
        message: expect.stringMatching(/^POST \/employees answered 500, which the spec does not/),
      }),
    );
  });

  it.each(SEEDS)('an equal-value collision between two fields, at seed %i', async (seed) => {
    const failed = await found('same-day', seed, ['properties']);
    expect(failed).toContainEqual(
      expect.objectContaining({ check: 'property balanceDecreasesByDays', kind: 'status' }),
    );
    expect(failed[0]!.message).toMatch(/requests answered 500/);
  });
});

describe('the verifier reports every distinct failure of a check', () => {
  it.each(SEEDS)(
    'two faults of one endpoint, each shrunk and replayable, at seed %i',
    async (seed) => {
      const report = await verifyModule(defect('two-faults'), {
        seed,
        runs: 200,
        phases: ['endpoints'],
        endpoints: ['createEmployee'],
      });
      const [check] = report.checks;
      const found = check!.failures!.map((f) => [f.kind, f.message]);
      expect(found).toHaveLength(2);
      expect(found).toContainEqual([
        'status',
        expect.stringMatching(/^POST \/employees answered 500, which the spec does not declare/),
      ]);
      expect(found).toContainEqual([
        'body',
        'the body of POST /employees (response 201) does not match its type: $.email: required field is missing',
      ]);
      // Each replays on its own, to the same failure.
      for (const failure of check!.failures!) {
        const again = await verifyModule(defect('two-faults'), {
          seed: failure.seed,
          replay: failure.replay,
        });
        expect(again.checks[0]!.failures!.map((f) => f.message)).toEqual([failure.message]);
      }
    },
  );

  it('stops at --max-failures', async () => {
    const report = await verifyModule(defect('two-faults'), {
      seed: 1,
      runs: 200,
      phases: ['endpoints'],
      maxFailures: 1,
    });
    expect(report.checks.flatMap((check) => check.failures ?? [])).toHaveLength(1);
  });
});

describe('the stateful phase builds state that planted defects need', () => {
  it.each(SEEDS)('a fault after several items under one employee, at seed %i', async (seed) => {
    const failed = await found('third-request', seed, ['stateful']);
    expect(failed).toEqual([
      expect.objectContaining({
        check: 'stateful: call sequences',
        kind: 'status',
        message: expect.stringMatching(/requests answered 500, which the spec does not declare/),
      }),
    ]);
  });

  it('replays a sequence that failed before its end to the same failure', async () => {
    const report = await verifyModule(defect('third-request'), { seed: 1, phases: ['stateful'] });
    const failure = report.checks[0]!.failure!;
    // The commands that ran in each shrinking step travel with the replay (`@`): without
    // them fast-check cannot walk the shrinks of a sequence again ("got wrong path").
    expect(failure.replay).toMatch(/^stateful:[\d:]+@[A-Za-z0-9+/]+:[A-Za-z0-9+/]*$/);
    const again = await verifyModule(defect('third-request'), {
      seed: failure.seed,
      replay: failure.replay,
    });
    const calls = (f: { counterexample: unknown }) =>
      (f.counterexample as string[]).map((call) => call.slice(0, call.indexOf('(')));
    expect(again.checks[0]!.failures!.map((f) => [f.message, calls(f)])).toEqual([
      [failure.message, calls(failure)],
    ]);
  });
});
