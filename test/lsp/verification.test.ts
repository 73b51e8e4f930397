import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientCapabilities, CodeLens } from 'vscode-languageserver-protocol';
import { CodeLensRequest, ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/run-cli.js';
import { EditorRecorder } from './helpers/editor-recorder.js';
import { LspSession } from './helpers/lsp-session.js';

/** An editor that shows progress, answers settings, and refreshes lenses when asked. */
const capabilities: ClientCapabilities = {
  window: { workDoneProgress: true },
  workspace: { configuration: true, codeLens: { refreshSupport: true } },
};

const declarations = [
  'endpoint createEmployee',
  'endpoint getEmployee',
  'endpoint requestVacation',
  'endpoint listRequests',
  'property balanceDecreasesByDays',
];

let session: LspSession | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** A server on a workspace holding a copy of the vacation example, its spec open. */
async function openVacation(): Promise<{
  session: LspSession;
  editor: EditorRecorder;
  uri: string;
  text: string;
}> {
  const started = await LspSession.start({}, undefined, { capabilities });
  session = started;
  const editor = new EditorRecorder(started);
  cpSync(join(repoRoot, 'examples/vacation'), join(started.root, 'vacation'), { recursive: true });
  const text = readFileSync(join(started.root, 'vacation/vacation.specl'), 'utf8');
  const uri = await started.open('vacation/vacation.specl', text);
  await started.diagnosticsFor(uri);
  return { session: started, editor, uri, text };
}

/** The lenses' titles by line (1-based), as the editor shows them. */
async function lensTitles(s: LspSession, uri: string): Promise<string[]> {
  const lenses: CodeLens[] =
    (await s.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
  return lenses.map((lens) => `${lens.range.start.line + 1}: ${lens.command?.title}`);
}

function statusTitles(titles: string[]): string[] {
  return titles.filter((title) => !title.endsWith(': Verify'));
}

function verifyCommand(s: LspSession, uri: string) {
  return s.connection.sendRequest(ExecuteCommandRequest.type, {
    command: 'specl.verify',
    arguments: [uri],
  });
}

describe('verification in the editor', () => {
  it('announces the specl.verify command', async () => {
    const { session: s } = await openVacation();
    expect(s.initializeResult?.capabilities.executeCommandProvider?.commands).toEqual([
      'specl.verify',
      'specl.importOpenApi',
      'specl.agent.implement',
      'specl.agent.repair',
    ]);
    expect(s.initializeResult?.capabilities.codeLensProvider).toEqual({ resolveProvider: false });
  });

  it('shows results above endpoints and properties, verifies with progress, and reports failing clauses', async () => {
    const { session: s, editor, uri, text } = await openVacation();
    s.settings.set('specl.verify', { runs: 5 });
    expect(await lensTitles(s, uri)).toEqual([
      '42: not verified yet',
      '42: Verify',
      '48: not verified yet',
      '48: Verify',
      '53: not verified yet',
      '53: Verify',
      '65: not verified yet',
      '65: Verify',
      '75: not verified yet',
      '75: Verify',
    ]);

    // The convention: impl/handlers.ts beside the spec.
    expect(await verifyCommand(s, uri)).toEqual({ status: 'verified' });
    const runs = [...editor.progressByToken().values()];
    expect(runs).toHaveLength(1);
    expect(runs[0]![0]).toMatchObject({ kind: 'begin' });
    expect(runs[0]!.at(-1)).toEqual({ kind: 'end' });
    expect(runs[0]!.some((value) => value.kind === 'report')).toBe(true);
    expect(s.lensRefreshes).toBeGreaterThan(0);
    expect(statusTitles(await lensTitles(s, uri))).toEqual([
      '42: ✓ verified, 5 runs',
      '48: ✓ verified, 5 runs',
      '53: ✓ verified, 5 runs',
      '65: ✓ verified, 5 runs',
      '75: ✓ verified, 5 runs',
    ]);

    // A planted defect: requestVacation approves at once, where the spec ensures pending.
    const defect = join(repoRoot, 'test/fixtures/vacation-defects/broken-ensures.ts');
    s.settings.set('specl.verify', { runs: 5, impl: defect });
    expect(await verifyCommand(s, uri)).toMatchObject({ status: 'failed' });
    const failing = (await s.diagnosticsFor(uri)).filter((d) => d.source === 'specl verify');
    // The property and the call sequences both break `ensures response.status == pending`.
    expect(failing.map((d) => d.message.split(':')[0])).toEqual([
      'property balanceDecreasesByDays',
      'stateful',
    ]);
    for (const diagnostic of failing) {
      expect(diagnostic.severity).toBe(1);
      expect(diagnostic.range.start).toEqual({ line: 60, character: 2 });
      expect(diagnostic.message).toContain('ensures failed\ncounterexample: ');
      expect(diagnostic.message).toContain('\n→ POST /employees {');
      expect(diagnostic.message).toMatch(/\n← 201 \{.*"status":"approved"\}\nreplay: /);
    }
    expect(statusTitles(await lensTitles(s, uri))).toEqual([
      '42: ✓ verified, 5 runs',
      '48: ✓ verified, 5 runs',
      '53: ✓ verified, 5 runs',
      '65: ✓ verified, 5 runs',
      '75: ✗ failing: response.status == pending',
    ]);

    // The checker's next publication keeps the verifier's diagnostic.
    s.forget(uri);
    await s.change(uri, text);
    const republished = await s.diagnosticsFor(uri);
    expect(republished.filter((d) => d.source === 'specl verify')).toHaveLength(2);

    // An edit makes the result stale: the diagnostic goes, the lenses forget.
    await s.change(uri, `${text}\n`);
    await s.diagnosticsFor(uri, (d) => d.every((each) => each.source !== 'specl verify'));
    expect(statusTitles(await lensTitles(s, uri))).toEqual(
      declarations.map((_, i) => `${[42, 48, 53, 65, 75][i]}: not verified yet`),
    );
  });

  it('says what to configure when there is no implementation', async () => {
    const started = await LspSession.start({}, undefined, { capabilities });
    session = started;
    const editor = new EditorRecorder(started);
    const text = readFileSync(join(repoRoot, 'examples/vacation/vacation.specl'), 'utf8');
    const uri = await started.open('api/vacation.specl', text);
    await started.diagnosticsFor(uri);
    const outcome = await verifyCommand(started, uri);
    expect(outcome).toMatchObject({ status: 'not-configured' });
    expect(editor.messages.map((m) => m.message)).toEqual([
      expect.stringContaining('set `specl.verify.impl`'),
    ]);
    expect(editor.messages[0]!.message).toContain(join(started.root, 'api/impl/handlers.ts'));
  });

  it('cancels a verification from its progress, and claims nothing', async () => {
    const { session: s, editor, uri } = await openVacation();
    // Enough runs for minutes of work; a cancelled check skips its remaining runs quickly.
    s.settings.set('specl.verify', { runs: 20_000 });
    const outcome = verifyCommand(s, uri);
    await editor.until(() => editor.progressKinds.includes('report'), 'a progress report');
    const token = editor.progress.find((event) => event.value.kind === 'report')!.token;
    await editor.cancel(token);
    expect(await outcome).toMatchObject({ status: 'cancelled' });
    expect(editor.progressByToken().get(token)!.at(-1)).toEqual({ kind: 'end' });
    const titles = statusTitles(await lensTitles(s, uri));
    expect(titles).toHaveLength(declarations.length);
    expect(titles.every((title) => title.endsWith('not verified yet'))).toBe(true);
  });
});
