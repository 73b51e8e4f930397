import { describe, expect, it } from 'vitest';
import type { ContractViolation } from '@specl/runtime';
import { ContractMonitor } from '@specl/runtime';
import { endpoints, spec } from '../../examples/vacation/generated/properties.js';

const encode = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const json = 'application/json';

/** One POST /employees whose answer breaks `ensures response.balance == body.balance`. */
function breakEnsures(monitor: ContractMonitor, name: string) {
  const body = { name, email: 'ada@example.com', balance: 20 };
  const exchange = monitor.begin('POST', '/employees', { 'content-type': json })!;
  exchange.request({ contentType: json, bytes: encode(body) });
  const answer = { ...body, id: '3f1c2a9e-8a7b-4c1d-9e2f-0a1b2c3d4e5f', balance: 19, tags: [] };
  exchange.response(201, { contentType: json, bytes: encode(answer) });
  exchange.end(201);
}

describe('the monitor checks off the response path', () => {
  it('runs no check while the exchange is reported, all of them in order by flush()', async () => {
    const seen: string[] = [];
    const monitor = new ContractMonitor(
      { spec, endpoints },
      {
        onViolation: (v: ContractViolation) =>
          seen.push(
            `${v.kind} ${(v.exchange?.sent?.request as { body: { name: string } }).body.name}`,
          ),
      },
    );
    for (const name of ['a', 'b', 'c']) breakEnsures(monitor, name);
    expect(seen).toEqual([]);
    await monitor.flush();
    expect(seen).toEqual(['ensures a', 'ensures b', 'ensures c']);
    await monitor.flush(); // nothing pending: resolves at once
  });

  it('skips and counts checks past maxPendingChecks instead of queueing without end', async () => {
    let violations = 0;
    const monitor = new ContractMonitor(
      { spec, endpoints },
      { maxPendingChecks: 4, onViolation: () => violations++ },
    );
    for (let i = 0; i < 5; i++) breakEnsures(monitor, `n${i}`); // 2 checks each
    expect(monitor.skipped).toBe(6);
    await monitor.flush();
    expect(violations).toBe(2);
    breakEnsures(monitor, 'after'); // room again once drained
    await monitor.flush();
    expect(violations).toBe(3);
    expect(monitor.skipped).toBe(6);
  });
});
