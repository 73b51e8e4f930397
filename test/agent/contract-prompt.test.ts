import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL, MODEL_PRICES, buildContract, costOf, priceOf } from '@specl/agent';
import { buildSpec } from '@specl/compiler';
import { repoRoot, vacationIr } from '../compiler/typescript/typescript-helpers.js';

const specDir = join(repoRoot, 'examples/vacation');

describe('the contract the model implements', () => {
  it('holds the spec, the endpoints in scope with their clauses, invariants, properties and types', async () => {
    const contract = buildContract({
      ir: await vacationIr(),
      specDir,
      endpoints: ['createEmployee'],
      steering: 'Keep the handlers in one file.\n',
    });
    expect(contract).toMatch(/^# The contract: spec Vacation 1\.2\.0 \(sha256:[0-9a-f]{64}\)\n/);
    expect(contract).toContain('### vacation.specl\n```specl\n/// Employee vacation balances');
    expect(contract).toContain(
      [
        '## The endpoints to implement',
        '',
        '- `createEmployee`: POST /employees  (vacation.specl:42:1)',
        '  response 201 Employee',
        '  ensures response.balance == body.balance  (vacation.specl:45:3)',
      ].join('\n'),
    );
    expect(contract).not.toContain('- `getEmployee`');
    expect(contract).toContain('- NewRequest: end >= start  (vacation.specl:29:3)');
    expect(contract).toContain(
      [
        '- `balanceDecreasesByDays`  (vacation.specl:75:1): Taking vacation never creates days out of thin air.',
        '  expect req.ok implies after.balance == emp.balance - r.days  (vacation.specl:80:3)',
      ].join('\n'),
    );
    expect(contract).toContain('export interface Handlers {');
    expect(contract).not.toContain('export function validateEmployee');
    expect(contract).toMatch(
      /## The project's steering \(\.specl\/steering\.md\)\n\nKeep the handlers in one file\.\n$/,
    );
  });

  it('tells how a paginated endpoint answers in pages', async () => {
    const root = join(repoRoot, 'examples/ach-payments/ach-payments.specl');
    const { ir } = await buildSpec({ root });
    const contract = buildContract({
      ir: ir!,
      specDir: join(repoRoot, 'examples/ach-payments'),
      endpoints: ['listTransfers'],
    });
    expect(contract).toMatch(
      /\n {2}errors 400 InvalidCursor, 404 NotFound\n {2}paginated cursor = response\.nextCursor, items = response\.items\n/,
    );
  });

  it('lists errors with their statuses and every requires clause', async () => {
    const contract = buildContract({
      ir: await vacationIr(),
      specDir,
      endpoints: ['requestVacation'],
    });
    expect(contract).toContain('  errors 404 NotFound, 409 InsufficientBalance');
    expect(contract).toContain('  requires body.days > 0  (vacation.specl:59:3)');
    expect(contract).not.toContain('steering');
  });
});

describe('model prices', () => {
  it('prices a dated model as its family, an unknown one at the highest price', () => {
    expect(priceOf('claude-sonnet-4-5-20250929')).toEqual({
      price: MODEL_PRICES['claude-sonnet-4-5'],
      known: true,
    });
    expect(priceOf(DEFAULT_MODEL).known).toBe(true);
    const unknown = priceOf('claude-future-9');
    expect(unknown.known).toBe(false);
    expect(unknown.price.output).toBe(
      Math.max(...Object.values(MODEL_PRICES).map((p) => p.output)),
    );
  });

  it('charges each kind of token at its price', () => {
    const price = MODEL_PRICES['claude-haiku-4-5']!;
    expect(costOf({ input: 1e6, output: 1e6, cacheWrite: 1e6, cacheRead: 1e6 }, price)).toBeCloseTo(
      1 + 5 + 1.25 + 0.1,
      10,
    );
  });
});
