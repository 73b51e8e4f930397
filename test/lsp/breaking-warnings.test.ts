import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import {
  DidChangeConfigurationNotification,
  DiagnosticSeverity,
} from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/run-cli.js';
import { LspSession } from './helpers/lsp-session.js';

const vacation = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');

/** Runs git in a folder, with an identity of its own (the machine's settings do not matter). */
function git(cwd: string, ...args: string[]): void {
  execFileSync(
    'git',
    [
      '-c',
      'user.name=Specl',
      '-c',
      'user.email=specl@example.com',
      '-c',
      'commit.gpgsign=false',
      ...args,
    ],
    { cwd, stdio: 'ignore' },
  );
}

/** A folder made a git repository: a commit `empty` without the spec, then one with it. */
function commitVacation(folder: string): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'README.md'), 'specs\n');
  git(folder, 'init', '-q', '-b', 'main');
  git(folder, 'add', 'README.md');
  git(folder, 'commit', '-q', '-m', 'empty');
  git(folder, 'tag', 'empty');
  writeFileSync(join(folder, 'vacation.specl'), vacation);
  git(folder, 'add', 'vacation.specl');
  git(folder, 'commit', '-q', '-m', 'vacation');
}

/** The vacation spec with one piece of text replaced (which must be there). */
function edited(from: string, to: string, text = vacation): string {
  expect(text).toContain(from);
  return text.replace(from, to);
}

/** The 0-based line of the first line holding `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle));
}

const fromDiff = (diagnostics: Diagnostic[]) =>
  diagnostics.filter((d) => d.source === 'specl diff');

/** Removes `email` from `Employee` (a response type): breaking, placed at the record. */
const withoutEmail = edited(
  '  email: Email\n  balance: Days\n  manager',
  '  balance: Days\n  manager',
);

describe('breaking changes since the git baseline, as warnings', () => {
  let session: LspSession;

  beforeAll(async () => {
    session = await LspSession.start();
    commitVacation(session.root);
  });
  afterAll(() => session.close());

  it('warns at the record when a field of a response type is removed', async () => {
    const uri = await session.open('vacation.specl', vacation);
    await session.diagnosticsFor(uri);
    session.forget(uri);
    await session.change(uri, withoutEmail);
    const warnings = fromDiff(await session.diagnosticsFor(uri, (d) => fromDiff(d).length > 0));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({
      severity: DiagnosticSeverity.Warning,
      code: 'field-removed',
      range: { start: { line: lineOf(withoutEmail, 'type Employee {') } },
    });
    expect(warnings[0]!.message).toContain('field `email` of `Employee` was removed');
    expect(warnings[0]!.message).toContain('(breaking since HEAD)');
  });

  it('warns at a narrowed input constraint, and not at a compatible change', async () => {
    const uri = session.uri('vacation.specl');
    // `NewRequest` is a request body: a lower maximum breaks its clients, a new optional
    // field breaks nobody (nor does it in `VacationRequest`, which spreads it into a response).
    const text = edited(
      '  days: Int { min: 1, max: 30 }\n',
      '  days: Int { min: 1, max: 20 }\n  note?: String\n',
    );
    session.forget(uri);
    await session.change(uri, text);
    const warnings = fromDiff(
      await session.diagnosticsFor(uri, (d) =>
        fromDiff(d).some((w) => w.code === 'constraint-narrowed'),
      ),
    );
    expect(warnings.map((w) => [w.code, w.severity, w.range.start.line])).toEqual([
      ['constraint-narrowed', DiagnosticSeverity.Warning, lineOf(text, 'max: 20')],
    ]);
  });

  it('publishes the warnings together with the checker diagnostics of the document', async () => {
    const uri = session.uri('vacation.specl');
    // `??` on a value that is never absent: a checker warning, in the same document; the
    // rewritten postcondition is a change the diff cannot decide (information).
    const text = edited(
      '  ensures response.days == body.days\n',
      '  ensures response.days == (body.days ?? 0)\n',
      withoutEmail,
    );
    session.forget(uri);
    await session.change(uri, text);
    const all = await session.diagnosticsFor(uri, (d) => fromDiff(d).length > 0);
    expect(fromDiff(all).map((w) => [w.code, w.severity])).toEqual([
      ['field-removed', DiagnosticSeverity.Warning],
      ['ensures-changed', DiagnosticSeverity.Information],
    ]);
    expect(fromDiff(all)[1]!.message).toContain('since HEAD');
    expect(all.filter((d) => d.source !== 'specl diff').map((d) => d.code)).toEqual([
      'specl/redundant-optional-chain',
    ]);
  });

  it('shows nothing for a baseline where the file does not exist', async () => {
    const uri = session.uri('vacation.specl');
    session.forget(uri);
    await session.change(uri, withoutEmail);
    await session.diagnosticsFor(uri, (d) => fromDiff(d).some((w) => w.code === 'field-removed'));
    await session.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { specl: { diff: { baseline: 'empty' } } },
    });
    const after = await session.diagnosticsFor(uri, (d) => fromDiff(d).length === 0);
    expect(fromDiff(after)).toEqual([]);
    expect(session.log).not.toMatch(/\[error\]/);
  });
});

describe('breaking-change warnings outside a git repository', () => {
  it('shows none, and logs no error', async () => {
    const session = await LspSession.start();
    try {
      // The workspace folder is in no repository; `../repo` is one, for comparison.
      commitVacation(join(dirname(session.root), 'repo'));
      const outside = await session.open('vacation.specl', withoutEmail);
      const checked = await session.diagnosticsFor(outside);
      const inside = await session.open('../repo/vacation.specl', vacation);
      await session.diagnosticsFor(inside);
      await session.change(inside, withoutEmail);
      // The diff of the file in the repository was scheduled after the one outside it.
      await session.diagnosticsFor(inside, (d) => fromDiff(d).length > 0);
      expect(fromDiff(session.diagnostics.get(outside) ?? [])).toEqual([]);
      expect(session.diagnostics.get(outside)).toEqual(checked);
      expect(session.log).not.toMatch(/\[error\]/);
    } finally {
      await session.close();
    }
  });
});
