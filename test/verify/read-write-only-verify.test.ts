import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Phase } from '@specl/verify';
import { urlSource, verify } from '@specl/verify';
import { lowerSource } from '../helpers/lower.js';
import { failures, withServer } from './verify-helpers.js';

// readOnly fields are never sent, writeOnly ones never answered, over HTTP: a `forall` value
// passed as a body (nested too) is sent without its readOnly fields, generated bodies meet
// the invariants that do not read them, and an answer without a writeOnly field is checked
// against the invariants that do not read it (and only those).

const SPEC = `spec Accounts version "1.0.0"

type Account {
  id: Uuid { readOnly: true }
  password: String { writeOnly: true, minLength: 8, maxLength: 20 }
  name: String { minLength: 1, maxLength: 12 }
  invariant len(password) > len(name)
  invariant name != "admin"
}

type Team { name: String { maxLength: 6 }, owner: Account, members: List<Account> { maxItems: 2 } }

endpoint createAccount POST /accounts {
  body Account
  response 201 Account
}

endpoint createTeam POST /teams {
  body Team
  response 201 Team
}

property accountKeepsItsName {
  forall account: Account
  let created = createAccount(body: account)
  expect created.name == account.name
}

property teamKeepsItsOwner {
  forall team: Team
  let created = createTeam(body: team)
  expect created.owner.name == team.owner.name
}
`;

const irPromise = lowerSource(SPEC);

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
}

type Sent = { id?: unknown; password: string; name: string };

/**
 * A strict server: it answers 422 (which the spec does not declare) to a body that carries an
 * account's `id` or breaks `len(password) > len(name)`, and answers accounts without their
 * password. `renameTo` answers every account under that name.
 */
function accountsServer(renameTo?: string): Server {
  return createServer((request, response) => {
    void readJson(request).then((body) => {
      const sent =
        request.url === '/teams'
          ? [(body as { owner: Sent }).owner, ...(body as { members: Sent[] }).members]
          : [body as Sent];
      if (sent.some((a) => 'id' in a || [...a.password].length <= [...a.name].length))
        return response.writeHead(422).end();
      const answer = (a: Sent) => ({ id: randomUUID(), name: renameTo ?? a.name });
      const team = body as { name: string; owner: Sent; members: Sent[] };
      const answered =
        request.url === '/teams'
          ? { name: team.name, owner: answer(team.owner), members: team.members.map(answer) }
          : answer(body as Sent);
      response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(answered));
    });
  });
}

async function verifyAgainst(server: Server, phases: Phase[]) {
  const ir = await irPromise;
  return withServer(server, (base) =>
    verify({ ir, source: urlSource(base, { timeoutMs: 5_000 }), runs: 20, seed: 42, phases }),
  );
}

describe('readOnly and writeOnly fields over HTTP', () => {
  it('sends forall values without readOnly fields and checks answers without writeOnly ones', async () => {
    const report = await verifyAgainst(accountsServer(), ['endpoints', 'properties']);
    expect(failures(report)).toEqual([]);
    expect(report.checks.map((check) => [check.name, check.status])).toEqual([
      ['endpoint createAccount', 'passed'],
      ['endpoint createTeam', 'passed'],
      ['property accountKeepsItsName', 'passed'],
      ['property teamKeepsItsOwner', 'passed'],
    ]);
  }, 60_000);

  it('checks the invariants of an answer that do not read its writeOnly fields', async () => {
    const report = await verifyAgainst(accountsServer('admin'), ['endpoints']);
    expect(failures(report).map((f) => [f.check, f.message])).toContainEqual([
      'endpoint createAccount',
      expect.stringContaining('name != "admin"'),
    ]);
  }, 60_000);
});
