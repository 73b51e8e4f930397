import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { LspSession } from './helpers/lsp-session.js';

const openApi = `openapi: 3.1.0
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        '200':
          description: ok
          content: { application/json: { schema: { type: array, items: { type: string } } } }
`;

describe('"Import into Specl" over LSP (specl.importOpenApi)', () => {
  let session: LspSession;
  beforeAll(async () => {
    session = await LspSession.start({ 'api.yaml': openApi, 'broken.yaml': 'swagger: "9"\n' });
  });
  afterAll(() => session.close());

  const run = (file: string) =>
    session.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'specl.importOpenApi',
      arguments: [pathToFileURL(join(session.root, file)).href],
    });

  it('is a command of the server', () => {
    expect(session.initializeResult?.capabilities.executeCommandProvider?.commands).toContain(
      'specl.importOpenApi',
    );
  });

  it('writes the spec beside the document, and a new name rather than overwrite it', async () => {
    const first = await run('api.yaml');
    expect(first).toEqual({
      status: 'imported',
      uri: pathToFileURL(join(session.root, 'api.specl')).href,
      warnings: 0,
      summary:
        'imported 0 types and 1 endpoints into api.specl, with 0 warnings (kept as comments in the spec)',
    });
    expect(readFileSync(join(session.root, 'api.specl'), 'utf8')).toContain(
      'endpoint listPets GET /pets {\n  response 200 List<String>\n}',
    );
    const second = (await run('api.yaml')) as { uri: string };
    expect(second.uri).toBe(pathToFileURL(join(session.root, 'api-2.specl')).href);
    expect(existsSync(join(session.root, 'api-2.specl'))).toBe(true);
  });

  it('answers why a document cannot be imported', async () => {
    expect(await run('broken.yaml')).toEqual({
      status: 'error',
      message:
        '#/swagger: unsupported Swagger version `9`; specl import reads Swagger 2.0 and OpenAPI 3.0.x, 3.1.x',
    });
  });
});
