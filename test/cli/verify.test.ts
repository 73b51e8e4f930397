import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl, runSpeclAsync, tempProject } from '../helpers/run-cli.js';
import { vacationServer, withServer } from '../verify/verify-helpers.js';

const spec = 'examples/vacation/vacation.specl';
const impl = 'examples/vacation/impl/handlers.ts';
const defect = (name: string) => `test/fixtures/vacation-defects/${name}.ts`;

describe('specl verify', () => {
  it('exits 0 and prints every check and the coverage when every check holds', () => {
    const run = runSpecl(['verify', spec, '--impl', impl, '--runs', '20'], repoRoot);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('✓ endpoint createEmployee (20 runs)');
    expect(run.stdout).toContain('✓ stateful: call sequences (20 runs)');
    expect(run.stdout).toMatch(
      /ensures {4}createEmployee: response\.balance == body\.balance +\d+\/\d+ held +examples\/vacation\/vacation\.specl:45:3/,
    );
    expect(run.stdout).toMatch(/all checks held \(\d+\.\d s\)\n$/);
  });

  it('exits 1 and shows the clause, counterexample, exchanges and replay of a failure', () => {
    const run = runSpecl(
      [
        'verify',
        spec,
        '--impl',
        defect('broken-ensures'),
        '--runs',
        '20',
        '--phases',
        'properties',
      ],
      repoRoot,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ property balanceDecreasesByDays');
    expect(run.stdout).toContain(
      'clause: response.status == pending  at examples/vacation/vacation.specl:61:3',
    );
    expect(run.stdout).toMatch(/→ POST \/employees \{"name":/);
    expect(run.stdout).toMatch(/← 201 \{"id":"[0-9a-f-]+","employeeId"/);
    expect(run.stdout).toMatch(
      /replay: --seed \d+ --replay 'property:balanceDecreasesByDays:[\d:]+'/,
    );
    expect(run.stdout).toContain('1 of 1 checks failed');
  });

  it('writes JUnit XML with a failure per failed check', () => {
    const cwd = tempProject({});
    const out = join(cwd, 'verify.xml');
    const run = runSpecl(
      [
        'verify',
        spec,
        '--impl',
        defect('undeclared-status'),
        '--runs',
        '10',
        '--phases',
        'endpoints',
        '--reporter',
        'junit',
        '--output',
        out,
      ],
      repoRoot,
    );
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="specl verify Vacation" tests="4" failures="1"/,
    );
    expect(xml).toContain(
      '<testcase classname="Vacation.endpoints" name="endpoint createEmployee" file="examples/vacation/vacation.specl:42:1"/>',
    );
    expect(xml).toContain(
      '<failure type="status" message="GET /employees/{id} answered 400, which the spec does not declare (declared: 200, 404 NotFound): getEmployee (examples/vacation/vacation.specl:48:1)">',
    );
  });

  it('writes JSON and SARIF reports that locate failures in the spec', () => {
    const args = [
      'verify',
      spec,
      '--impl',
      defect('broken-ensures'),
      '--runs',
      '20',
      '--phases',
      'properties',
    ];
    const json = JSON.parse(runSpecl([...args, '--reporter', 'json'], repoRoot).stdout);
    // The envelope every JSON report shares (check and diff too), first in the document.
    expect(Object.keys(json).slice(0, 2)).toEqual(['version', 'tool']);
    expect(json.version).toBe(1);
    expect(json.tool).toEqual({ name: 'specl', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
    expect(json.ok).toBe(false);
    expect(json.checks[0].failure.clause).toEqual({
      source: 'response.status == pending',
      at: 'examples/vacation/vacation.specl:61:3',
    });
    const sarif = JSON.parse(runSpecl([...args, '--reporter', 'sarif'], repoRoot).stdout);
    const [result] = sarif.runs[0].results;
    expect(result.ruleId).toBe('specl-verify/ensures');
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/vacation/vacation.specl', uriBaseId: '%SRCROOT%' },
      region: { startLine: 61, startColumn: 3 },
    });
  });

  it('verifies a server over HTTP, and exits 3 when nothing listens', async () => {
    const run = await withServer(vacationServer(), (base) =>
      runSpeclAsync(['verify', spec, '--url', base, '--runs', '10'], repoRoot),
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const closed = await withServer(vacationServer(), async (base) => base);
    const refused = runSpecl(['verify', spec, '--url', closed, '--runs', '5'], repoRoot);
    expect(refused.status).toBe(3);
    expect(refused.stderr).toMatch(
      /^specl: cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\) for .*; is the server running\?\n$/,
    );
  });

  it.each([
    [
      ['verify', spec],
      'specl: name one target: `--impl <module>` (in process) or `--url <base>` (a server)\n',
    ],
    [
      ['verify', spec, '--impl', 'nowhere.ts'],
      `specl: cannot find the implementation ${join(repoRoot, 'nowhere.ts')}\n`,
    ],
    [
      ['verify', spec, '--impl', impl, '--shard', '3/2'],
      'specl: `--shard 3/2` is not a share; write i/n with 1 <= i <= n, such as 2/4\n',
    ],
    [
      ['verify', spec, '--impl', impl, '--phases', 'fuzz'],
      'specl: unknown phase `fuzz`; the phases are endpoints, negative, properties, stateful, latency, load\n',
    ],
    [
      ['verify', spec, '--impl', impl, '--endpoint', 'nope'],
      'specl: the spec has no endpoint `nope`; it has createEmployee, getEmployee, listRequests, requestVacation\n',
    ],
    [
      ['verify', spec, '--url', 'localhost:80'],
      'specl: `localhost:80` is not an http or https URL\n',
    ],
    [
      ['verify', spec, '--url', 'http://127.0.0.1:10080'],
      'specl: fetch refuses to connect to port 10080 (a port the Fetch standard blocks); run the server on another port\n',
    ],
    [
      ['verify', spec, '--url', 'http://127.0.0.1:1234', '--max-body', 'lots'],
      'specl: `--max-body lots` is not a size; write 4MB, 512KB or bytes\n',
    ],
  ])('exits 2 for bad usage: %j', (args, message) => {
    const run = runSpecl(args, repoRoot);
    expect(run.stderr).toBe(message);
    expect(run.status).toBe(2);
  });

  it('exits 3 after a few timeouts in a row from a server that never answers', async () => {
    let received = 0;
    const silent = createServer(() => received++);
    const run = await withServer(silent, (base) =>
      runSpeclAsync(['verify', spec, '--url', base, '--timeout', '200ms'], repoRoot),
    );
    expect(run.stderr).toMatch(
      /^specl: http:\/\/127\.0\.0\.1:\d+ gave no answer within 200 ms to 3 requests in a row \(the last POST \/employees\); is the server running\?\n$/,
    );
    expect(run.status).toBe(3);
    // No more than three requests went out (under load, the last may time out unreceived).
    expect(received).toBeGreaterThan(0);
    expect(received).toBeLessThanOrEqual(3);
  });

  it('exits 2 for a spec with errors, verifying nothing', () => {
    const cwd = tempProject({ 'bad.specl': 'spec Bad version "1.0.0"\ntype A { b: Strin }\n' });
    const run = runSpecl(['verify', 'bad.specl', '--impl', join(repoRoot, impl)], cwd);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain('bad.specl:2:13: error specl/unknown-type');
    expect(run.stdout).toContain('nothing verified: fix the errors above first');
  });

  it('shows a progress bar on a terminal (under `script`, a real pseudo-terminal)', () => {
    const command = `node cli/bin/specl.js verify ${spec} --impl ${impl} --runs 5 --no-color`;
    const run = spawnSync('script', ['-q', '-e', '-c', command, '/dev/null'], {
      cwd: repoRoot,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    const frames = run.stdout.split('\r');
    expect(frames).toContain('\u001b[K[1/6] endpoint createEmployee [--------------------] 0/5');
    expect(frames).toContain('\u001b[K[6/6] stateful: call sequences [####################] 5/5');
  });

  it('splits the checks into deterministic shards that together cover them all', () => {
    const names = (shard: string) =>
      JSON.parse(
        runSpecl(
          ['verify', spec, '--impl', impl, '--runs', '3', '--shard', shard, '--reporter', 'json'],
          repoRoot,
        ).stdout,
      ).checks.map((check: { name: string }) => check.name);
    const [first, second] = [names('1/2'), names('2/2')];
    expect(first.length + second.length).toBe(6);
    expect(new Set([...first, ...second]).size).toBe(6);
    expect(names('1/2')).toEqual(first);
  });
});
