import { cpSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../cli/src/main.js';
import type { CliRun } from '../helpers/run-cli.js';
import { repoRoot, runSpecl, tempProject } from '../helpers/run-cli.js';
import { spawnSync } from 'node:child_process';

/** Runs `specl import` in process (the command as the binary runs it, without a process each). */
async function runImport(args: readonly string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const status = await main(['import', ...args], {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { status, stdout, stderr };
}

const petstore = `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer } }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: 'schemas.yaml#/Pet' }
`;
const schemas = `Pet:
  type: object
  additionalProperties: false
  required: [name]
  properties:
    name: { type: string, minLength: 1 }
`;

function withPaths(paths: string, extra = ''): string {
  return `openapi: 3.1.0\ninfo: { title: T, version: 1.0.0 }\npaths:\n${paths}${extra}`;
}

describe('specl import', () => {
  it('imports a document with relative-file $refs, writes the spec beside it, and summarises', () => {
    const cwd = tempProject({ 'api.yaml': petstore, 'schemas.yaml': schemas });
    const run = runSpecl(['import', 'api.yaml'], cwd);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      'imported OpenAPI 3.0: 1 type, 1 endpoint, no warnings; wrote api.specl\n',
    );
    expect(readFileSync(join(cwd, 'api.specl'), 'utf8')).toBe(
      [
        'spec Pets version "1.0.0"',
        '',
        'type Pet {',
        '  name: String { minLength: 1 }',
        '}',
        '',
        'endpoint getPet GET /pets/{id: Int} {',
        '  response 200 Pet',
        '}',
        '',
      ].join('\n'),
    );
    expect(runSpecl(['check', 'api.specl'], cwd).status).toBe(0);
  });

  it('never overwrites an output without --force, and overwrites it with --force', async () => {
    const cwd = tempProject({ 'api.yaml': petstore, 'schemas.yaml': schemas, 'out.specl': 'mine' });
    const refused = await runImport(['api.yaml', '--out', 'out.specl'], cwd);
    expect(refused).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'specl: `out.specl` exists; pass --force to overwrite it, or name another file with --out\n',
    });
    expect(readFileSync(join(cwd, 'out.specl'), 'utf8')).toBe('mine');
    const forced = await runImport(['api.yaml', '--out', 'out.specl', '--force'], cwd);
    expect(forced.status).toBe(0);
    expect(readFileSync(join(cwd, 'out.specl'), 'utf8')).toMatch(/^spec Pets version "1.0.0"/);
  });

  it('writes to standard output with --out -, the warnings and summary to standard error', async () => {
    const doc = withPaths(`  /a:\n    get:\n      responses: { '204': { description: none } }\n`);
    const cwd = tempProject({ 'api.yaml': doc });
    const run = await runImport(['api.yaml', '--out', '-'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('endpoint getA GET /a {\n  response 204\n}\n');
    expect(run.stderr).toBe(
      'api.yaml#/paths/~1a/get: warning renamed: no operationId: the endpoint is named `getA`\n' +
        'imported OpenAPI 3.1: 0 types, 1 endpoint, 1 warning (1 renamed); wrote standard output\n',
    );
  });

  const refusals: [string, Record<string, string>, string][] = [
    [
      'a document that is not OpenAPI',
      { 'api.yaml': 'name: not an api\n' },
      'specl: api.yaml#: not an OpenAPI document: its root has neither `openapi` nor `swagger`\n',
    ],
    [
      'an unsupported version',
      { 'api.yaml': 'openapi: 4.0.0\ninfo: { title: T, version: "1" }\npaths: {}\n' },
      'specl: api.yaml#/openapi: unsupported OpenAPI version `4.0.0`; specl import reads OpenAPI 3.0.x, 3.1.x and Swagger 2.0\n',
    ],
    [
      'a broken local $ref',
      {
        'api.yaml': withPaths(
          `  /a:\n    get:\n      responses:\n        '200': { description: x, content: { application/json: { schema: { $ref: '#/components/schemas/Nope' } } } }\n`,
        ),
      },
      'specl: api.yaml#/paths/~1a/get/responses/200/content/application~1json/schema/$ref: broken $ref `#/components/schemas/Nope`: the document has nothing there\n',
    ],
    [
      'a remote $ref (without --allow-remote)',
      {
        'api.yaml': withPaths(
          `  /a:\n    get:\n      responses:\n        '200': { $ref: 'https://example.com/r.yaml' }\n`,
        ),
      },
      'specl: api.yaml#/paths/~1a/get/responses/200/$ref: remote $ref `https://example.com/r.yaml` refused: import reads no URL unless asked; pass --allow-remote to fetch it\n',
    ],
    [
      'a cycle of $refs',
      {
        'api.yaml': withPaths(
          '  {}\n',
          `components:\n  schemas:\n    A: { $ref: '#/components/schemas/B' }\n    B: { $ref: '#/components/schemas/A' }\n`,
        ),
      },
      'specl: api.yaml#/components/schemas/A/$ref: a cycle of $refs that names no value: #/components/schemas/B → #/components/schemas/A → #/components/schemas/B\n',
    ],
    [
      'YAML that does not parse',
      { 'api.yaml': 'openapi: 3.1.0\ninfo: [\n' },
      'specl: api.yaml:3:1: not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]\n',
    ],
    [
      'JSON that does not parse',
      { 'api.json': '{\n  "openapi": "3.1.0",\n  "info": }' },
      'specl: api.json:3:11: not valid JSON: Unexpected token \'}\', ..."  "info": }" is not valid JSON\n',
    ],
    ['a missing file', {}, 'specl: cannot read `api.yaml`: no such file\n'],
  ];
  for (const [what, files, message] of refusals) {
    it(`refuses ${what} with a clear message naming the place`, async () => {
      const cwd = tempProject(files);
      const name = Object.keys(files)[0] ?? 'api.yaml';
      const run = await runImport([name], cwd);
      expect(run).toEqual({ status: 2, stdout: '', stderr: message });
    });
  }

  it('refuses a 50 MB document before reading it', async () => {
    const cwd = tempProject({ 'big.json': '' });
    truncateSync(join(cwd, 'big.json'), 50 * 1024 * 1024);
    const run = await runImport(['big.json'], cwd);
    expect(run).toEqual({
      status: 2,
      stdout: '',
      stderr:
        'specl: `big.json` is 50 MB, above the 16 MB import limit; split it into files joined by $refs, or raise the limit with --max-size <MB>\n',
    });
  });

  it('refuses a relative-file $ref that names no file, naming where it stands', async () => {
    const cwd = tempProject({ 'api.yaml': petstore });
    const run = await runImport(['api.yaml'], cwd);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'specl: api.yaml#/paths/~1pets~1{id}/get/responses/200/content/application~1json/schema/$ref: cannot read `schemas.yaml`: no such file\n',
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it("keeps $refs to files inside the project (or the document's folder, or --ref-root), links followed", async () => {
    const api = withPaths(
      `  /a:\n    get:\n      responses:\n        '200': { description: ok, content: { application/json: { schema: { $ref: '../shared/schemas.yaml#/Pet' } } } }\n`,
    );
    const cwd = tempProject({ 'api/api.yaml': api, 'shared/schemas.yaml': schemas });
    // From the project's folder, files anywhere in the project may be brought in.
    const fromProject = await runImport(['api/api.yaml', '--out', '-'], cwd);
    expect(fromProject.stderr).toContain('imported OpenAPI 3.1: 1 type, 1 endpoint');
    expect(fromProject.stdout).toContain('name: String { minLength: 1 }');
    // From the document's folder, only files under it, unless --ref-root widens that.
    const inside = join(cwd, 'api');
    const refused = await runImport(['api.yaml', '--out', '-'], inside);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(
      `specl: api.yaml#/paths/~1a/get/responses/200/content/application~1json/schema/$ref: \`$ref\` to \`../shared/schemas.yaml\` leaves the folder ${inside}: a document may only bring in files under it; copy the file there, or name a wider folder with --ref-root\n`,
    );
    const widened = await runImport(['api.yaml', '--out', '-', '--ref-root', '..'], inside);
    expect(widened.stdout).toBe(fromProject.stdout);
    // A link inside the project to a file outside it is followed, then refused.
    const elsewhere = tempProject({ 'schemas.yaml': schemas });
    const linked = tempProject({ 'api.yaml': petstore });
    symlinkSync(join(elsewhere, 'schemas.yaml'), join(linked, 'schemas.yaml'));
    const viaLink = await runImport(['api.yaml', '--out', '-'], linked);
    expect(viaLink.status).toBe(2);
    expect(viaLink.stderr).toContain('`$ref` to `schemas.yaml` leaves the folder');
  });

  it('brings in a $ref to a file that is not JSON or YAML as text, as Redocly does', async () => {
    const api = `openapi: 3.1.0
info: { title: T, version: 1.0.0 }
tags:
  - name: items
    description: { $ref: 'docs/items.md' }
paths:
  /items:
    get:
      operationId: listItems
      description: { $ref: 'docs/list.md' }
      responses: { '204': { description: none } }
`;
    const cwd = tempProject({
      'api.yaml': api,
      'docs/items.md': '# Items\n\nThe things: a list, not: a map.\n',
      'docs/list.md': 'Lists *every* item.\n',
    });
    const run = await runImport(['api.yaml', '--out', '-'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('/// Lists *every* item.');
  });

  it('imports string enums whose values are no names as a pattern that matches exactly them', async () => {
    const values = ['MM / DD / YYYY', 'change-field', 'a.b', 'x|y', '(1)'];
    const api = withPaths(
      `  /a:\n    get:\n      operationId: getA\n      parameters:\n        - { name: f, in: query, schema: { type: string, enum: ${JSON.stringify(values)} } }\n      responses: { '204': { description: none } }\n`,
    );
    const cwd = tempProject({ 'api.yaml': api });
    const run = await runImport(['api.yaml', '--out', '-'], cwd);
    expect(run.status).toBe(0);
    const pattern = JSON.parse(/pattern: ("(?:[^"\\]|\\.)*")/.exec(run.stdout)![1]!) as string;
    const regExp = new RegExp(pattern, 'u');
    for (const value of values) expect(regExp.test(value)).toBe(true);
    for (const other of ['MM / DD', 'change_field', 'axb', 'x', '1'])
      expect(regExp.test(other)).toBe(false);
  });

  it('lists a warning said at many places at its first three, then counts the rest; --all-warnings lists all', async () => {
    const fields = Array.from(
      { length: 6 },
      (_, i) => `        u${i}: { type: string, format: iri-reference }`,
    ).join('\n');
    const api = `openapi: 3.0.3
info: { title: T, version: 1.0.0 }
paths: {}
components:
  schemas:
    Links:
      type: object
      properties:
${fields}
        size: { type: integer, maxProperties: 2 }
`;
    const cwd = tempProject({ 'api.yaml': api });
    const grouped = await runImport(['api.yaml', '--out', 'a.specl'], cwd);
    expect(grouped.status).toBe(0);
    const warningLines = (run: CliRun) => run.stdout.split('\n').filter((l) => / warning /.test(l));
    const uri = (lines: string[]) => lines.filter((l) => l.includes('iri-reference'));
    expect(uri(warningLines(grouped)).map((l) => l.split(': warning')[0])).toEqual([
      'api.yaml#/components/schemas/Links/properties/u0/format',
      'api.yaml#/components/schemas/Links/properties/u1/format',
      'api.yaml#/components/schemas/Links/properties/u2/format',
      'api.yaml',
    ]);
    expect(uri(warningLines(grouped)).at(-1)).toMatch(
      /^api\.yaml: warning widened: format `iri-reference` left out: any string is accepted: and at 3 more places \(--all-warnings lists them\)$/,
    );
    // A warning said once is listed as before, and the summary still counts every warning.
    expect(warningLines(grouped).filter((l) => !l.includes('iri-reference'))).toHaveLength(1);
    expect(grouped.stdout).toMatch(/7 warnings \(6 widened, 1 left-out\)/);
    // Every place stays in the spec as a comment.
    expect(readFileSync(join(cwd, 'a.specl'), 'utf8').match(/iri-reference/g)).toHaveLength(6);

    const all = await runImport(['api.yaml', '--out', 'b.specl', '--all-warnings'], cwd);
    expect(uri(warningLines(all))).toHaveLength(6);
    expect(all.stdout).not.toMatch(/more places/);
  });

  it('imports a nullable object schema as its record or null', async () => {
    const api = `openapi: 3.0.3
info: { title: T, version: 1.0.0 }
paths:
  /team:
    get:
      operationId: getTeam
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Parent' } } } }
components:
  schemas:
    Parent:
      description: The parent team, or null.
      type: object
      nullable: true
      properties:
        name: { type: string }
`;
    const cwd = tempProject({ 'api.yaml': api });
    const run = await runImport(['api.yaml', '--out', '-'], cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('type Parent = ParentValue?');
    expect(run.stdout).toContain('/// The parent team, or null.\ntype ParentValue {');
  });

  it('keeps a path parameter whose pattern holds braces, and copies the fields of a nullable record in allOf', async () => {
    const api = `openapi: 3.0.3
info: { title: T, version: 1.0.0 }
paths:
  /digests/{digest}:
    get:
      operationId: getDigest
      parameters:
        - { name: digest, in: path, required: true, schema: { type: string, minLength: 71, pattern: '^sha256:[a-f0-9]{64}$' } }
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Run' } } } }
components:
  schemas:
    App:
      type: object
      nullable: true
      properties:
        slug: { type: string }
    Run:
      allOf:
        - $ref: '#/components/schemas/App'
        - type: object
          properties:
            id: { type: integer }
`;
    const cwd = tempProject({ 'api.yaml': api });
    const run = await runImport(['api.yaml', '--out', '-'], cwd);
    expect(run.stderr).toContain('imported OpenAPI 3.0');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'GET /digests/{digest: String { minLength: 71, pattern: "^sha256:[a-f0-9]{64}$" }}',
    );
    expect(run.stdout).not.toContain('...App');
  });

  it('imports Swagger 2.0', async () => {
    const swagger = {
      swagger: '2.0',
      info: { title: 'Old', version: '2.1' },
      paths: {
        '/items': {
          get: {
            operationId: 'listItems',
            parameters: [{ name: 'limit', in: 'query', type: 'integer', minimum: 1 }],
            responses: {
              200: { description: 'ok', schema: { type: 'array', items: { type: 'string' } } },
            },
          },
        },
      },
    };
    const cwd = tempProject({ 'old.json': JSON.stringify(swagger) });
    writeFileSync(join(cwd, 'old.json'), JSON.stringify(swagger));
    const run = await runImport(['old.json'], cwd);
    expect(run.status).toBe(0);
    expect(readFileSync(join(cwd, 'old.specl'), 'utf8')).toContain(
      'endpoint listItems GET /items {\n  query limit?: Int { min: 1 }\n  response 200 List<String>\n}',
    );
    expect(run.stdout).toContain(
      'old.json#/info/version: warning approximated: version `2.1` is not semver: imported as `2.1.0`',
    );
  });

  it('works from the bundled CLI with only the dependencies the specl package declares', () => {
    const cwd = tempProject({ 'api.yaml': petstore, 'schemas.yaml': schemas });
    cpSync(join(repoRoot, 'cli/dist/bundle'), join(cwd, 'bundle'), { recursive: true });
    // The bundle holds the import and its parsers; the package's own dependencies (esbuild,
    // tsx, fast-check, ...) are installed beside it, as npm installs them.
    const declared = JSON.parse(readFileSync(join(repoRoot, 'cli/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(declared.dependencies)) {
      mkdirSync(join(cwd, 'node_modules', name, '..'), { recursive: true });
      symlinkSync(join(repoRoot, 'node_modules', name), join(cwd, 'node_modules', name), 'dir');
    }
    const run = spawnSync(process.execPath, ['bundle/cli.mjs', 'import', 'api.yaml'], {
      cwd,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('1 type, 1 endpoint, no warnings; wrote api.specl');
  });
});
