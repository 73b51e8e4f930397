import { describe, expect, it } from 'vitest';
import { formatJunitReport, formatSarifReport } from '@specl/verify';
import { crashOnInvalidServer } from '../fixtures/vacation-defects/crash-on-invalid-server.js';
import { jsonServer } from '../../examples/shared/json-server.js';
import { createHandlers } from '../../examples/vacation/impl/handlers.js';
import { vacationRoutes } from '../../examples/vacation/server/http-server.js';
import {
  httpSource,
  vacationImplementation,
  vacationServer,
  verifyModule,
  verifyVacation,
  withServer,
} from './verify-helpers.js';

const SEEDS = [1, 2, 3];

describe('the negative phase: requests that break the spec must be refused with a 4xx', () => {
  it('passes a server that refuses every request breaking the spec (400 or 415)', async () => {
    const report = await withServer(vacationServer(), (base) =>
      verifyVacation(httpSource(base), { phases: ['negative'], runs: 30, seed: 7 }),
    );
    expect(report.checks.map((c) => [c.name, c.status])).toEqual([
      ['endpoint createEmployee with requests that break the spec', 'passed'],
      ['endpoint getEmployee with requests that break the spec', 'passed'],
      ['endpoint listRequests with requests that break the spec', 'passed'],
      ['endpoint requestVacation with requests that break the spec', 'passed'],
    ]);
    expect(report.checks.every((c) => c.runs >= 25)).toBe(true);
  });

  it.each(SEEDS)(
    'catches an input that must be refused but crashes (500), at seed %i',
    async (seed) => {
      const report = await withServer(crashOnInvalidServer(), (base) =>
        verifyVacation(httpSource(base), { phases: ['negative'], runs: 100, seed }),
      );
      const failures = report.checks.flatMap((c) => c.failures ?? []);
      const crash = failures.find((f) => f.exchanges.at(-1)?.response?.status === 500);
      expect(crash).toMatchObject({
        kind: 'negative',
        message: expect.stringMatching(
          /^POST \/employees answered 500 to a request that breaks the spec \(.+\); it crashed on it/,
        ),
        clause: { source: expect.stringMatching(/^negative: /) },
        replay: expect.stringMatching(/^negative:createEmployee:/),
      });
      // The other endpoints validate: only createEmployee fails.
      expect(new Set(failures.map((f) => f.exchanges.at(-1)!.sent.endpoint))).toEqual(
        new Set(['createEmployee']),
      );
      // The failure replays, over HTTP, to the same answer.
      const again = await withServer(crashOnInvalidServer(), (base) =>
        verifyVacation(httpSource(base), { seed: crash!.seed, replay: crash!.replay }),
      );
      expect(again.checks[0]!.failures!.map((f) => f.message)).toEqual([crash!.message]);
    },
  );

  it('lists each way a lenient server accepts what it must refuse, once, in every reporter', async () => {
    const lenient = jsonServer(vacationRoutes, createHandlers()); // no contract: nothing refused
    const report = await withServer(lenient, (base) =>
      verifyVacation(httpSource(base), {
        phases: ['negative'],
        runs: 100,
        seed: 1,
        endpoints: ['createEmployee'],
      }),
    );
    const [check] = report.checks;
    const kinds = check!.failures!.map((f) => f.clause!.source);
    expect(new Set(kinds).size).toBe(kinds.length);
    // Among them: accepted (201) and crashed (500: a body that is not an object).
    expect(kinds).toEqual(
      expect.arrayContaining([
        'negative: unknown field',
        'negative: value outside its constraints',
        'negative: missing required field',
      ]),
    );
    const accepted = check!.failures!.find((f) => f.clause!.source === 'negative: unknown field')!;
    expect(accepted.message).toMatch(/answered 201 .* it accepted it, where a 4xx must refuse it$/);
    expect(accepted.exchanges.at(-1)!.sent.breaks).toMatch(/^unknown field: body: with a field/);
    const locate = (at: string) => `examples/vacation/${at}`;
    const junit = formatJunitReport(report, locate);
    expect(junit).toContain('<testsuite name="negative" tests="1" failures="1"');
    expect(junit).toContain('breaks the spec: unknown field');
    const sarif = JSON.parse(formatSarifReport(report, '0.0.0', locate)) as {
      runs: { results: { ruleId: string }[] }[];
    };
    expect(sarif.runs[0]!.results.map((r) => r.ruleId)).toEqual(
      kinds.map(() => 'specl-verify/negative'),
    );
  });

  it('is left out in process, and asking for it there is a usage error', async () => {
    const report = await verifyModule(vacationImplementation, { runs: 5, phases: undefined });
    expect(report.phases).not.toContain('negative');
    await expect(verifyModule(vacationImplementation, { phases: ['negative'] })).rejects.toThrow(
      /the negative phase sends requests that break the spec over HTTP; verify a server with --url/,
    );
  });
});
