import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitTypes, propertiesModule } from '@specl/compiler';
import { lowerSource } from '../../helpers/lower.js';
import { repoRoot } from '../../helpers/run-cli.js';
import { typeCheck } from '../typescript/typescript-helpers.js';

// `types.ts` gives each type that differs by direction a `<Type>Request` (its readOnly fields
// optional, at any depth) and a `<Type>Response` (its writeOnly fields optional): request
// bodies are typed with the first, responses with the second.

const fixture = readFileSync(join(repoRoot, 'test/fixtures/v01-read-write-only.specl'), 'utf8');

/**
 * The fixture, with properties that send `forall` values as bodies (converted as sent), and
 * types with readOnly fields no body holds (their request builders once went unused).
 */
const source = `${fixture}
error Gone 410 { id: Uuid { readOnly: true } }
type Audit { at: DateTime { readOnly: true } }
property keepsName {
  forall account: Account, team: Team
  let created = createAccount(body: account)
  let made = createTeam(body: team)
  expect created.name == account.name and made.owner.name == team.owner.name
}
`;

/** A server written against the generated types, as a user would, in both directions. */
const server = `
import type { Account, AccountRequest, Handlers, TeamRequest } from './types.js';

const stored: Account = { id: '0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10', password: 'secret12', name: 'a' };
const sent: AccountRequest = { password: 'secret12', name: 'a' };
const team: TeamRequest = { name: 't', owner: sent, members: [sent, stored] };

export const handlers: Handlers = {
  async createAccount(request) {
    const password: string = request.body.password;
    return { status: 201, body: { id: stored.id, name: request.body.name + password.length } };
  },
  async createTeam(request) {
    const owner = { id: stored.id, name: request.body.owner.name };
    return { status: 201, body: { name: request.body.name, owner, members: [owner, stored] } };
  },
};
export const examples = [team];
`;

/** A value that must not type-check: the request type still requires the password. */
const missingPassword = `
import type { AccountRequest } from './types.js';
export const sent: AccountRequest = { name: 'a' };
`;

/** A plain `Account` still requires every field. */
const missingId = `
import type { Account } from './types.js';
export const stored: Account = { password: 'secret12', name: 'a' };
`;

describe('types.ts of records with readOnly and writeOnly fields', () => {
  it('types requests without readOnly fields required and responses without writeOnly ones', async () => {
    const ir = await lowerSource(source);
    const types = emitTypes(ir, {})[0]!.content;
    expect(propertiesModule(ir)).toContain('requestValueOfTeam(inputs.team)');
    expect(types).toContain('export interface AccountRequest {');
    expect(types).toContain('export interface TeamResponse {');
    // One tsc run: the server and properties.ts compile, each of the wrong values is one error.
    const files = {
      'server.ts': server,
      'properties.ts': propertiesModule(ir),
      'sent.ts': missingPassword,
      'stored.ts': missingId,
    };
    const errors = typeCheck('rw-types', types, files).split('\n');
    expect(errors.filter((line) => /server\.ts|properties\.ts/.test(line))).toEqual([]);
    expect(errors.filter((line) => /error TS/.test(line))).toEqual([
      expect.stringMatching(/sent\.ts.*error TS2741: Property 'password' is missing/),
      expect.stringMatching(/stored\.ts.*error TS2741: Property 'id' is missing/),
    ]);
  }, 60_000);
});
