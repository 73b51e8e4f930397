import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CodeAction, CreateFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import {
  CodeActionKind,
  CodeActionRequest,
  ExecuteCommandRequest,
  MessageType,
} from 'vscode-languageserver-protocol';
import { TEST_KEY, correctHandlers, repoRoot, wrongHandlers } from '../agent/agent-helpers.js';
import type { FakeMessagesApi } from '../agent/fake-messages-api.js';
import { startFakeMessagesApi, toolCalls } from '../agent/fake-messages-api.js';
import { EditorRecorder } from './helpers/editor-recorder.js';
import type { SessionOptions } from './helpers/lsp-session.js';
import { LspSession, serverCommands } from './helpers/lsp-session.js';

const vacation = join(repoRoot, 'examples/vacation');
const specText = readFileSync(join(vacation, 'vacation.specl'), 'utf8');

/** The vacation spec and its compiled types, as a workspace's files. */
const vacationFiles = (): Record<string, string> => ({
  'vacation.specl': specText,
  ...Object.fromEntries(
    readdirSync(join(vacation, 'generated')).map((file) => [
      `generated/${file}`,
      readFileSync(join(vacation, 'generated', file), 'utf8'),
    ]),
  ),
});

/** The environment of a server whose agent talks to the stand-in (without a key: none). */
function agentEnv(api: FakeMessagesApi | undefined, key: string | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ANTHROPIC_BASE_URL: api?.baseURL ?? 'http://127.0.0.1:9',
  };
  delete env['ANTHROPIC_API_KEY'];
  return key === undefined ? env : { ...env, ANTHROPIC_API_KEY: key };
}

/** 20 runs per check keeps each verification short. */
const settings = { 'specl.agent': { runs: 20 } };

let session: LspSession | undefined;
let api: FakeMessagesApi | undefined;
afterEach(async () => {
  await session?.close();
  await api?.close();
  session = undefined;
  api = undefined;
});

async function startVacation(
  options: SessionOptions,
): Promise<{ uri: string; editor: EditorRecorder }> {
  session = await LspSession.start(vacationFiles(), serverCommands.bin, options);
  const editor = new EditorRecorder(session);
  const uri = await session.open('vacation.specl', specText);
  await session.diagnosticsFor(uri);
  return { uri, editor };
}

/** The position of the first occurrence of `text` in the spec, plus `shift` characters. */
function positionOf(text: string, shift = 0) {
  const offset = specText.indexOf(text) + shift;
  const before = specText.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

async function actionsAt(uri: string, position: { line: number; character: number }) {
  const actions = (await session!.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: { start: position, end: position },
    context: { diagnostics: [] },
  })) as CodeAction[];
  return actions.map((action) => ({
    title: action.title,
    kind: action.kind,
    command: action.command?.command,
    arguments: action.command?.arguments,
  }));
}

const implementCreateEmployee = (uri: string) =>
  session!.connection.sendRequest(ExecuteCommandRequest.type, {
    command: 'specl.agent.implement',
    arguments: [{ specUri: uri, endpoint: 'createEmployee' }],
  });

describe('agent code actions over LSP', () => {
  it('offers Implement (and Repair where there is code) on an endpoint, and nothing elsewhere', async () => {
    const { uri } = await startVacation({ env: agentEnv(undefined, TEST_KEY), settings });
    expect(session!.initializeResult?.capabilities.executeCommandProvider?.commands).toEqual(
      expect.arrayContaining(['specl.agent.implement', 'specl.agent.repair']),
    );
    const implement = {
      title: 'Implement `createEmployee` with the agent',
      kind: 'source.specl.agent',
      command: 'specl.agent.implement',
      arguments: [{ specUri: uri, endpoint: 'createEmployee' }],
    };
    // No implementation folder yet: nothing to repair.
    expect(await actionsAt(uri, positionOf('endpoint createEmployee', 12))).toEqual([implement]);
    // Inside the endpoint's body, too.
    expect(await actionsAt(uri, positionOf('ensures response.balance == body.balance'))).toEqual([
      implement,
    ]);
    // Asked for quick fixes only (as a quick-fix menu asks): none.
    const quickFixes = await session!.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: {
        start: positionOf('endpoint createEmployee'),
        end: positionOf('endpoint createEmployee'),
      },
      context: { diagnostics: [], only: [CodeActionKind.QuickFix] },
    });
    expect(quickFixes).toEqual([]);
    // On the spec line, an error, a property: none.
    expect(await actionsAt(uri, positionOf('error NotFound', 3))).toEqual([]);
    expect(await actionsAt(uri, positionOf('property balanceDecreasesByDays', 10))).toEqual([]);
    expect(await actionsAt(uri, { line: 0, character: 0 })).toEqual([]);

    mkdirSync(join(session!.root, 'impl'));
    expect(await actionsAt(uri, positionOf('endpoint getEmployee', 10))).toEqual([
      {
        ...implement,
        title: 'Implement `getEmployee` with the agent',
        arguments: [{ specUri: uri, endpoint: 'getEmployee' }],
      },
      {
        title: 'Repair `getEmployee` from the counterexample',
        kind: 'source.specl.agent',
        command: 'specl.agent.repair',
        arguments: [{ specUri: uri, endpoint: 'getEmployee' }],
      },
    ]);
  });

  it('implements an endpoint with a scripted model and sends the new file through workspace/applyEdit', async () => {
    api = await startFakeMessagesApi([
      toolCalls([
        { name: 'write_file', input: { path: 'handlers.ts', content: correctHandlers } },
        { name: 'verify', input: {} },
      ]),
    ]);
    const { uri, editor } = await startVacation({ env: agentEnv(api, TEST_KEY), settings });
    await implementCreateEmployee(uri);
    await editor.until(() => editor.progressKinds.includes('end'), 'the run ends');
    await editor.until(() => editor.messages.length > 0, 'the user is told');

    expect(api.remaining()).toBe(0);
    expect(
      api.requests[0]!.body.tools.find((t: { name: string }) => t.name === 'verify').input_schema
        .properties.endpoint.enum,
    ).toEqual(['createEmployee']);
    expect(editor.progressKinds[0]).toBe('begin');
    expect(editor.progressKinds.at(-1)).toBe('end');
    expect(editor.progress[0]!.value).toMatchObject({
      title: 'Specl agent: implementing `createEmployee`',
      cancellable: true,
    });
    expect(
      editor.progress.some(
        (event) =>
          event.value.kind === 'report' &&
          /verified: \d+ held, 0 failed/.test(event.value.message ?? ''),
      ),
    ).toBe(true);

    const handlersUri = session!.uri('impl/handlers.ts');
    expect(editor.appliedEdits).toHaveLength(1);
    const changes = editor.appliedEdits[0]!.edit.documentChanges!;
    expect(changes[0]).toEqual<CreateFile>({
      kind: 'create',
      uri: handlersUri,
      options: { overwrite: false, ignoreIfExists: false },
    });
    expect(changes[1]).toEqual<TextDocumentEdit>({
      textDocument: { uri: handlersUri, version: null },
      edits: [
        {
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          newText: correctHandlers,
        },
      ],
    });
    expect(changes).toHaveLength(2);
    // The server staged the change and left writing it to the editor (so that it can be undone).
    expect(existsSync(join(session!.root, 'impl/handlers.ts'))).toBe(false);
    expect(editor.messages).toEqual([
      {
        type: MessageType.Info,
        message: expect.stringMatching(
          /^Specl agent: `createEmployee` verified \(\d+ checks held\); changed handlers\.ts/,
        ),
      },
    ]);
  });

  it('without ANTHROPIC_API_KEY shows an error naming it and applies nothing', async () => {
    const { uri, editor } = await startVacation({ env: agentEnv(undefined, undefined), settings });
    await implementCreateEmployee(uri);
    await editor.until(() => editor.messages.length > 0, 'the user is told');
    expect(editor.messages).toHaveLength(1);
    expect(editor.messages[0]!.type).toBe(MessageType.Error);
    expect(editor.messages[0]!.message).toContain('ANTHROPIC_API_KEY');
    expect(editor.appliedEdits).toEqual([]);
    expect(editor.progress).toEqual([]);
  });

  it('a run stopped by its budget says what held and failed, and applies nothing', async () => {
    api = await startFakeMessagesApi([
      toolCalls([
        { name: 'write_file', input: { path: 'handlers.ts', content: wrongHandlers } },
        { name: 'verify', input: {} },
      ]),
    ]);
    const { editor } = await startVacation({
      env: agentEnv(api, TEST_KEY),
      settings: { 'specl.agent': { runs: 20, maxTurns: 1 } },
    });
    await session!.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'specl.agent.implement',
      arguments: [{ specUri: session!.uri('vacation.specl'), endpoint: 'requestVacation' }],
    });
    await editor.until(() => editor.messages.length > 0, 'the user is told');
    expect(api.remaining()).toBe(0);
    expect(editor.messages).toHaveLength(1);
    expect(editor.messages[0]!.type).toBe(MessageType.Error);
    expect(editor.messages[0]!.message).toMatch(
      /^Specl agent: implementing `requestVacation`: budget reached: .*turn.*Failed: [^.]*property balanceDecreasesByDays.*Nothing was changed\./,
    );
    expect(editor.appliedEdits).toEqual([]);
    expect(editor.progressKinds.at(-1)).toBe('end');
  });

  it('cancelling the progress stops the run, and nothing is applied', async () => {
    api = await startFakeMessagesApi([{ kind: 'silence', ms: 60_000 }]);
    const { uri, editor } = await startVacation({ env: agentEnv(api, TEST_KEY), settings });
    await implementCreateEmployee(uri);
    await editor.until(() => api!.requests.length === 1, 'the model is asked');
    await editor.cancel(editor.progress[0]!.token);
    await editor.until(() => editor.progressKinds.includes('end'), 'the run ends');
    await editor.until(() => editor.messages.length > 0, 'the user is told');
    expect(editor.messages).toEqual([
      {
        type: MessageType.Info,
        message: 'Specl agent: implementing `createEmployee` cancelled; nothing was changed.',
      },
    ]);
    expect(editor.appliedEdits).toEqual([]);
    expect(existsSync(join(session!.root, 'impl/handlers.ts'))).toBe(false);
  });
});
