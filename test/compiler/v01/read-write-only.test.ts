import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { emitTypes } from '@specl/compiler';
import type { LoadedContracts } from '@specl/verify';
import { loadContracts } from '@specl/verify';
import { lowerSource } from '../../helpers/lower.js';
import { repoRoot } from '../../helpers/run-cli.js';
import type { GeneratedModule } from '../typescript/typescript-helpers.js';
import { load, validatorOf } from '../typescript/typescript-helpers.js';

// readOnly fields are answered but never sent; writeOnly fields sent but never answered. The
// generated requests leave readOnly fields out (nested records too), request bodies are
// checked without them required, and responses without writeOnly ones required.

const source = readFileSync(join(repoRoot, 'test/fixtures/v01-read-write-only.specl'), 'utf8');
let contracts: LoadedContracts;
let types: GeneratedModule;

beforeAll(async () => {
  const ir = await lowerSource(source);
  contracts = await loadContracts(ir);
  types = await load('read-write-only', emitTypes(ir, {})[0]!.content);
});

const sample = (name: string) =>
  fc.sample(contracts.endpoints[name]!.requests as fc.Arbitrary<{ body: unknown }>, {
    seed: 7,
    numRuns: 40,
  });

const ID = '0b9e4a52-8f6d-4a36-9a5c-1f3c2b7d9e10';

describe('readOnly and writeOnly fields', () => {
  it('are left out of generated request bodies, at any depth', () => {
    const accounts = sample('createAccount').map((r) => r.body as Record<string, unknown>);
    expect(accounts.some((a) => 'id' in a)).toBe(false);
    expect(accounts.every((a) => typeof a['password'] === 'string')).toBe(true);
    const teams = sample('createTeam').map((r) => r.body as { owner: object; members: object[] });
    const nested = teams.flatMap((t) => [t.owner, ...t.members]);
    expect(nested.length).toBeGreaterThan(40);
    expect(nested.some((a) => 'id' in a)).toBe(false);
  });

  it('are not required in requests (readOnly) and responses (writeOnly)', () => {
    const create = contracts.endpoints['createAccount']!;
    const response = create.responses[0] as { validate: (v: unknown) => { ok: boolean } };
    expect(create.validateBody!({ password: 'long enough', name: 'a' }).ok).toBe(true);
    expect(create.validateBody!({ id: ID, name: 'a' }).ok).toBe(false);
    expect(response.validate({ id: ID, name: 'a' }).ok).toBe(true);
    expect(response.validate({ password: 'long enough', name: 'a' }).ok).toBe(false);
    const team = contracts.endpoints['createTeam']!;
    const owner = { password: 'long enough', name: 'a' };
    expect(team.validateBody!({ name: 't', owner, members: [owner] }).ok).toBe(true);
  });

  it('are both required by the plain validator, which checks a value wherever it is', () => {
    const validate = validatorOf(types, 'Account');
    expect(validate({ password: 'long enough', name: 'a' })).toMatchObject({
      ok: false,
      path: '$.id',
    });
    expect(validate({ id: ID, password: 'long enough', name: 'a' })).toEqual({ ok: true });
  });
});
