import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupEndpoints, resourceOf } from '@specl/agent';
import { lowerFiles } from '../helpers/lower.js';
import { repoRoot } from './agent-helpers.js';

const irOf = (example: string) =>
  lowerFiles(
    {
      [`/${example}.specl`]: readFileSync(
        join(repoRoot, `examples/${example}/${example}.specl`),
        'utf8',
      ),
    },
    `/${example}.specl`,
  );

describe('the groups of a parallel run', () => {
  it('names the resource a path acts on', () => {
    expect(resourceOf('/employees')).toBe('/employees');
    expect(resourceOf('/employees/{id}')).toBe('/employees');
    expect(resourceOf('/employees/{id}/requests')).toBe('/employees/{}/requests');
    expect(resourceOf('/a/{x}/{y}')).toBe('/a');
    expect(resourceOf('/')).toBe('/');
  });

  it('groups by resource when endpoints have no tags, never splitting one, the largest first', async () => {
    const ir = await irOf('product-similarity');
    const all = ir.endpoints.map((e) => e.name);
    expect(groupEndpoints(ir, all, 3)).toEqual({
      by: 'resource',
      groups: [
        { name: '/products', endpoints: ['addProduct', 'getProduct'] },
        { name: '/products/{}/photo', endpoints: ['getPhoto', 'uploadPhoto'] },
        { name: '/health + /products/{}/similar', endpoints: ['health', 'similarProducts'] },
      ],
    });
    // More agents than resources: one a resource; one agent: everything.
    expect(groupEndpoints(ir, all, 10).groups).toHaveLength(4);
    expect(groupEndpoints(ir, all, 1).groups).toEqual([
      { name: '/products + /products/{}/photo + /health + /products/{}/similar', endpoints: all },
    ]);
    // Only the endpoints in scope.
    expect(groupEndpoints(ir, ['getPhoto', 'health'], 3).groups).toEqual([
      { name: '/products/{}/photo', endpoints: ['getPhoto'] },
      { name: '/health', endpoints: ['health'] },
    ]);
  });

  it("groups by the spec's own tags when every endpoint has one (its first)", async () => {
    const ir = await irOf('ach-payments');
    const all = ir.endpoints.map((e) => e.name);
    const { by, groups } = groupEndpoints(ir, all, 4);
    expect(by).toBe('tag');
    expect(groups.map((group) => group.name).sort()).toEqual(['Accounts', 'Transfers']);
    const accounts = groups.find((group) => group.name === 'Accounts')!.endpoints;
    // listTransfers is tagged "Accounts, Transfers": it goes with its first tag.
    expect(accounts).toContain('listTransfers');
    expect(groups.flatMap((group) => group.endpoints).sort()).toEqual([...all].sort());
  });
});
