import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ciWorkflow } from '../../cli/src/init/init-files.js';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
}

interface Workflow {
  on: Record<string, unknown>;
  env: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

const workflow = parse(
  readFileSync(join(repoRoot, 'examples/ci/specl-ci.yml'), 'utf8'),
) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = steps.map((step) => step.run ?? '');
const indexOf = (pattern: RegExp) => runs.findIndex((run) => pattern.test(run));

/** Runs a step's shell command as the runner would, from the root, with the workflow's env. */
function runStep(command: string, env: Record<string, string>) {
  return spawnSync('bash', ['-e', '-c', command], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
}

describe('the GitHub Actions workflow in examples/ci', () => {
  it('runs on pushes and pull requests, after checking out and installing', () => {
    expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
    expect(steps[0]!.uses).toMatch(/^actions\/checkout@/);
    expect(steps.some((step) => step.uses?.startsWith('actions/setup-node@'))).toBe(true);
    expect(indexOf(/^npm ci$/)).toBeGreaterThan(0);
  });

  it('runs specl check, specl compile --check and specl verify --reporter junit, in that order', () => {
    const check = indexOf(/^npx specl check /);
    const compile = indexOf(/^npx specl compile .* --check$/);
    const verify = indexOf(/^npx specl verify .* --reporter junit --output /);
    expect([check, compile, verify].every((index) => index > indexOf(/^npm ci$/))).toBe(true);
    expect(check).toBeLessThan(compile);
    expect(compile).toBeLessThan(verify);
  });

  it('is the workflow `specl init api` writes', () => {
    const paths = { spec: 'specs/api.specl', generated: 'src/generated', impl: 'src/handlers.ts' };
    const written = parse(ciWorkflow(paths)) as Workflow;
    expect(written).toEqual(workflow);
  });

  it("whose three steps pass on this repository's vacation example, writing a JUnit report", () => {
    const report = join(tempProject({}), 'specl-verify.xml');
    const env = {
      ...workflow.env,
      SPEC: 'examples/vacation/vacation.specl',
      GENERATED: 'examples/vacation/generated',
      IMPL: 'examples/vacation/impl/handlers.ts',
      REPORT: report,
    };
    for (const pattern of [/^npx specl check /, /^npx specl compile /, /^npx specl verify /]) {
      const command = runs[indexOf(pattern)]!;
      const run = runStep(command, env);
      expect(run.status, `${command}\n${run.stdout}${run.stderr}`).toBe(0);
    }
    const xml = readFileSync(report, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="specl verify Vacation" tests="6" failures="0"/,
    );
  });
});
