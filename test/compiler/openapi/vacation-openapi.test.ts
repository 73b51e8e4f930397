import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpenApiDocument } from '@specl/compiler';
import {
  expectValidOpenApi,
  lowerSources,
  openApiOfIr,
  schemaValidator,
} from './openapi-helpers.js';

const path = join(import.meta.dirname, '../../../examples/vacation/vacation.specl');

async function vacation() {
  const ir = await lowerSources(
    { '/vacation.specl': readFileSync(path, 'utf8') },
    '/vacation.specl',
  );
  return { ir, doc: openApiOfIr(ir) };
}

/** A deep copy of the document with the value at `path` replaced, or deleted when `undefined`. */
function edited(doc: OpenApiDocument, path: (string | number)[], value: unknown): OpenApiDocument {
  type Node = Record<string | number, unknown>;
  const copy = structuredClone(doc) as unknown as Node;
  const parent = path.slice(0, -1).reduce<Node>((node, key) => node[key] as Node, copy);
  if (value === undefined) delete parent[path.at(-1)!];
  else parent[path.at(-1)!] = value;
  return copy as unknown as OpenApiDocument;
}

const employee = {
  id: '5f0c7a0e-8a4e-4a4b-9a53-2b1f8e7f2c11',
  name: 'Ada',
  email: 'ada@example.com',
  balance: 20,
  tags: ['a', 'b'],
};

describe('the vacation example', () => {
  it('is valid OpenAPI 3.1 (Swagger Parser, and strict Ajv 2020-12 on every schema)', async () => {
    const { doc } = await vacation();
    await expectValidOpenApi(doc);
  });

  it('fails the validators when broken (they are live)', async () => {
    const { doc } = await vacation();
    const breaks: [(string | number)[], unknown][] = [
      [['paths', '/employees', 'post', 'responses', '201', 'description'], undefined],
      [['paths', '/employees/{id}', 'get', 'parameters', 0, 'name'], 'key'],
      [['components', 'schemas', 'Days', 'exclusiveMinimum'], true],
      [['components', 'schemas', 'Employee', 'properties', 'id', 'type'], 'uuid'],
      [['components', 'schemas', 'Employee', 'properties', 'balance', '$ref'], '#/nowhere'],
      [['components', 'schemas', 'NotFound', 'requires'], []],
    ];
    for (const [path, value] of breaks)
      await expect(expectValidOpenApi(edited(doc, path, value))).rejects.toThrow();
  });

  it('names the spec, its version and its fingerprint', async () => {
    const { ir, doc } = await vacation();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toEqual({
      title: 'Vacation',
      version: '1.2.0',
      description: 'Employee vacation balances for the HR portal.',
      license: { name: 'MIT', identifier: 'MIT' },
      'x-specl-fingerprint': ir.fingerprint,
    });
    expect(ir.fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('has one operation per endpoint, paths sorted, shared paths in one item', async () => {
    const { doc } = await vacation();
    expect(Object.keys(doc.paths)).toEqual([
      '/employees',
      '/employees/{id}',
      '/employees/{id}/requests',
    ]);
    const ids = Object.values(doc.paths).flatMap((item) =>
      Object.entries(item).map(([method, op]) => `${method} ${op.operationId}`),
    );
    expect(ids).toEqual([
      'post createEmployee',
      'get getEmployee',
      'get listRequests',
      'post requestVacation',
    ]);
  });

  it('carries invariants, requires, ensures and properties with their locations', async () => {
    const { doc } = await vacation();
    expect(doc.components.schemas.VacationRequest!['x-specl-invariants']).toEqual([
      { source: 'end >= start', location: 'vacation.specl:29:3' },
    ]);
    const request = doc.paths['/employees/{id}/requests']!.post!;
    expect(request['x-specl-requires']).toEqual([
      { source: 'body.days > 0', location: 'vacation.specl:59:3' },
    ]);
    expect(request['x-specl-ensures']!.map((c) => c.source)).toEqual([
      'response.employeeId == id',
      'response.status == pending',
      'response.days == body.days',
    ]);
    expect(doc['x-specl-properties']).toEqual([
      {
        name: 'balanceDecreasesByDays',
        description: 'Taking vacation never creates days out of thin air.',
        statements: [
          'forall e: NewEmployee, r: NewRequest',
          'let emp = createEmployee(body: e)',
          'let req = try requestVacation(id: emp.id, body: r)',
          'let after = getEmployee(id: emp.id)',
          'expect req.ok implies after.balance == emp.balance - r.days',
          'expect not req.ok implies after.balance == emp.balance',
        ],
        location: 'vacation.specl:75:1',
      },
    ]);
  });

  it('accepts the values the spec allows and rejects the others', async () => {
    const { doc } = await vacation();
    const { fits } = schemaValidator(doc);
    expect(fits('Employee', employee)).toBe(true);
    expect(fits('Employee', { ...employee, manager: employee.id })).toBe(true);
    expect(fits('Employee', { ...employee, extra: 1 })).toBe(false);
    expect(fits('Employee', { ...employee, balance: 367 })).toBe(false);
    expect(fits('Employee', { ...employee, balance: 1.5 })).toBe(false);
    expect(fits('Employee', { ...employee, tags: ['a', 'a'] })).toBe(false);
    expect(fits('Employee', { ...employee, name: '' })).toBe(false);
    const withoutEmail: Partial<typeof employee> = { ...employee };
    delete withoutEmail.email;
    expect(fits('Employee', withoutEmail)).toBe(false);
    expect(fits('RequestStatus', 'approved')).toBe(true);
    expect(fits('RequestStatus', 'cancelled')).toBe(false);
    expect(fits('NotFound', { message: 'no such employee' })).toBe(true);
  });
});
