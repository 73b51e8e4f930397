import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';

const vacation = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');

/** Runs git in `cwd` with a fixed identity and no user or system configuration. */
function git(cwd: string, ...args: string[]): string {
  const result = spawnSync(
    'git',
    [
      '-c',
      'user.name=Specl Test',
      '-c',
      'user.email=test@specl.dev',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    },
  );
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** A git repository whose commits write the given files in turn. */
function repository(commits: Record<string, string>[]): string {
  const cwd = tempProject({});
  git(cwd, 'init', '-q');
  commits.forEach((files, i) => {
    for (const [path, text] of Object.entries(files)) {
      writeFileSync(join(cwd, path), text);
      git(cwd, 'add', path);
    }
    git(cwd, 'commit', '-q', '-m', `commit ${i + 1}`);
  });
  return cwd;
}

/** The vacation example at 1.3.0, without `Employee.manager` and with `NewRequest.reason`. */
const nextVacation = vacation
  .replace('version "1.2.0"', 'version "1.3.0"')
  .replace('  manager?: Uuid                 // optional field\n', '')
  .replace('  end: Date\n', '  end: Date\n  reason?: String\n');

describe('specl diff through git refs', () => {
  it('diffs two commits of the vacation example, each read at its ref', () => {
    const cwd = repository([{ 'vacation.specl': vacation }, { 'vacation.specl': nextVacation }]);
    const run = runSpecl(
      ['diff', 'git:HEAD~1:vacation.specl', 'git:HEAD:vacation.specl', '--format', 'json'],
      cwd,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.old).toMatchObject({
      spec: 'git:HEAD~1:vacation.specl',
      ref: 'HEAD~1',
      version: '1.2.0',
    });
    expect(report.new).toMatchObject({
      spec: 'git:HEAD:vacation.specl',
      ref: 'HEAD',
      version: '1.3.0',
    });
    const at = (l: { file: string; line: number; column: number }) =>
      `${l.file}:${l.line}:${l.column}`;
    expect(
      report.changes.map(
        (c: { kind: string; verdict: string; subject: string; old: never; new: never }) => [
          c.kind,
          c.verdict,
          c.subject,
          at(c.old),
          at(c.new),
        ],
      ),
    ).toEqual([
      [
        'field-removed',
        'breaking',
        'Employee.manager',
        'vacation.specl:15:3',
        'vacation.specl:10:1',
      ],
      [
        'field-added',
        'non-breaking',
        'NewRequest.reason',
        'vacation.specl:25:1',
        'vacation.specl:27:3',
      ],
      [
        'field-added',
        'non-breaking',
        'VacationRequest.reason',
        'vacation.specl:32:1',
        'vacation.specl:27:3',
      ],
    ]);
    expect(report.semver).toMatchObject({ needed: 'major', carried: 'minor', suggested: '2.0.0' });

    const text = runSpecl(['diff', 'git:HEAD~1:vacation.specl', 'git:HEAD:vacation.specl'], cwd);
    expect(text.stdout).toMatch(
      /^HEAD:vacation\.specl:10:1: breaking field-removed: field `manager` of `Employee` was removed\n.*\n {2}old: HEAD~1:vacation\.specl:15:3\n/,
    );
  });

  it('reads the imports of a git side at the same ref, not from the working tree', () => {
    const main =
      'spec Api version "1.0.0"\nimport "lib/common.specl"\nendpoint get GET /x {\n  response 200 Thing\n}\n';
    const common = 'type Thing {\n  id: Uuid\n  label: String\n}\n';
    const cwd = tempProject({});
    git(cwd, 'init', '-q');
    writeFileSync(join(cwd, 'main.specl'), main);
    mkdirSync(join(cwd, 'lib'));
    writeFileSync(join(cwd, 'lib/common.specl'), common);
    git(cwd, 'add', '.');
    git(cwd, 'commit', '-q', '-m', 'one');
    writeFileSync(join(cwd, 'lib/common.specl'), 'type Thing {\n  id: Uuid\n}\n');

    const committed = runSpecl(['diff', 'git:HEAD:main.specl', 'git:HEAD:main.specl'], cwd);
    expect(committed.status).toBe(0);
    expect(committed.stdout).toMatch(/^Api 1\.0\.0 → 1\.0\.0: no changes/);

    const working = runSpecl(['diff', 'git:HEAD:main.specl', 'main.specl'], cwd);
    expect(working.status).toBe(1);
    expect(working.stdout).toMatch(
      /^lib\/common\.specl:1:1: breaking field-removed: field `label` of `Thing` was removed\n.*\n {2}old: HEAD:lib\/common\.specl:3:3\n/,
    );
  });

  it('names the ref or the path that is wrong, and shows the errors of a spec at a ref', () => {
    const cwd = repository([
      { 'api.specl': 'spec Api version "1.0.0"\ntype A { x: Strin }\n' },
      { 'api.specl': 'spec Api version "1.0.0"\ntype A { x: String }\n' },
    ]);
    const badRef = runSpecl(['diff', 'git:nope:api.specl', 'api.specl'], cwd);
    expect(badRef).toMatchObject({ status: 2, stdout: '' });
    expect(badRef.stderr).toBe(
      'specl: unknown git ref `nope` in `git:nope:api.specl`; name a branch, a tag or a commit (`git log` lists them)\n',
    );
    const missing = runSpecl(['diff', 'git:HEAD:gone.specl', 'api.specl'], cwd);
    expect(missing.stderr).toBe(
      'specl: `gone.specl` does not exist at `HEAD` (in `git:HEAD:gone.specl`)\n',
    );
    expect(missing.status).toBe(2);
    const broken = runSpecl(['diff', 'git:HEAD~1:api.specl', 'api.specl'], cwd);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain(
      'HEAD~1:api.specl:2:13: error specl/unknown-type: unknown type `Strin`',
    );
    expect(broken.stderr).toContain(
      'specl: `git:HEAD~1:api.specl` has errors; fix them before diffing it\n',
    );
    const outside = runSpecl(
      ['diff', 'git:HEAD:api.specl', 'api.specl'],
      tempProject({ 'api.specl': '' }),
    );
    expect(outside.status).toBe(2);
    expect(outside.stderr).toMatch(
      /^specl: `git:HEAD:api\.specl` reads from git, but .* is not in a git repository\n$/,
    );
  });
});
