import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runSpecl, tempProject } from '../helpers/run-cli.js';

// Specs found by probing that crashed, hung or misreported; each is checked as a user runs it.
describe('specl on specs found by probing', () => {
  it("reports a spec's own name used as a type, and compiles nothing (no internal error)", () => {
    const cwd = tempProject({ 'shop.specl': 'spec Shop version "1.0.0"\ntype Item { a: Shop }\n' });
    const check = runSpecl(['check', 'shop.specl'], cwd);
    expect(check.stdout).toContain(
      "shop.specl:2:16: error specl/not-a-type: `Shop` is the spec's name, not a type",
    );
    expect(check.status).toBe(1);
    const compile = runSpecl(['compile', 'shop.specl', '--out', 'out'], cwd);
    expect(compile.stderr).toBe('');
    expect(compile.stdout).toContain('nothing written: fix the errors above first');
    expect(compile.status).toBe(1);
  });

  it('reports a member access cut short without a stack trace', () => {
    const cwd = tempProject({
      'r.specl': [
        'spec R version "1.0.0"',
        'enum S { open, closed }',
        'type T { s: S }',
        'endpoint g GET /t {',
        '  response 200 T',
        '  ensures response. == open',
        '}',
        '',
      ].join('\n'),
    });
    const run = runSpecl(['check', 'r.specl'], cwd);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('r.specl:6:21: error specl/syntax-error');
    expect(run.status).toBe(1);
  });

  it('reports a status that is not three digits once, never as "status NaN"', () => {
    const cwd = tempProject({
      'n.specl': [
        'spec N version "1.0.0"',
        'error E 1e308 { m: String }',
        'error F 2e308 { m: String }',
        'endpoint g GET /t {',
        '  response 2e2',
        '  response 2e3',
        '  errors E, F',
        '}',
        '',
      ].join('\n'),
    });
    const run = runSpecl(['check', 'n.specl'], cwd);
    expect(run.stdout).not.toContain('NaN');
    expect(run.stdout).toContain(
      'error specl/status-out-of-range: an error status must be between 400 and 599, not 1e308',
    );
    expect(run.stdout).toContain('4 errors in 1 of 1 file checked');
  });

  it('calls `__proto__` an unknown constraint', () => {
    const cwd = tempProject({
      'p.specl': 'spec P version "1.0.0"\ntype X = Int { __proto__: 1 }\n',
    });
    const run = runSpecl(['check', 'p.specl'], cwd);
    expect(run.stdout).toContain(
      'p.specl:2:16: error specl/unknown-constraint: unknown constraint `__proto__`',
    );
    expect(run.stdout).not.toContain('undefined');
  });

  it('does not wait on a FIFO that an import names, nor on one given as the spec', () => {
    const cwd = tempProject({ 'f.specl': 'spec F version "1.0.0"\nimport "pipe.specl"\n' });
    execFileSync('mkfifo', [join(cwd, 'pipe.specl')]);
    const imported = runSpecl(['check', 'f.specl'], cwd);
    expect(imported.stdout).toContain(
      'f.specl:2:8: error specl/unresolved-import: cannot find `pipe.specl`',
    );
    expect(imported.status).toBe(1);
    const named = runSpecl(['check', 'pipe.specl'], cwd);
    expect(named.stderr).toBe(
      'specl: `pipe.specl` is not a regular file (a pipe or a device?); name a spec file\n',
    );
    expect(named.status).toBe(2);
  });
});
