import fc from 'fast-check';
import type { ContractSession, EndpointContract } from '@specl/runtime';
import { DiscardedRun, unobserved } from '@specl/runtime';
import type { CheckPlan } from './run-check.js';

/** Whether a name reads as an identifier's: `id`, `employeeId`, `employee_id`. */
const ID_NAME = /^(id|.*Id|.*_id)$/;

/** The ids answered so far in a sequence: what later calls reuse. */
class IdPool {
  private readonly values: unknown[] = [];

  /** Collects the values of id-named fields in a body (a few levels deep). */
  learn(body: unknown, depth = 0): void {
    if (depth > 3 || typeof body !== 'object' || body === null) return;
    if (Array.isArray(body)) {
      for (const item of body.slice(0, 20)) this.learn(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(body)) {
      if (ID_NAME.test(key) && (typeof value === 'string' || typeof value === 'number')) {
        if (!this.values.includes(value)) this.values.push(value);
      } else this.learn(value, depth + 1);
    }
  }

  /** A request with id-named parameters (and body fields) replaced by ids seen, as picked. */
  patch(endpoint: EndpointContract, request: Record<string, unknown>, picks: readonly number[]) {
    if (this.values.length === 0) return request;
    const patched = { ...request };
    let next = 0;
    const pick = () =>
      next < picks.length ? this.values[picks[next++]! % this.values.length] : undefined;
    const params = [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers];
    for (const param of params) {
      if (!ID_NAME.test(param.name) && !endpoint.pathParams.includes(param)) continue;
      const value = pick();
      if (value !== undefined) patched[param.name] = value;
    }
    const body = patched['body'];
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      const fields = { ...(body as Record<string, unknown>) };
      for (const key of Object.keys(fields).filter((k) => ID_NAME.test(k))) {
        const value = pick();
        if (value !== undefined) fields[key] = value;
      }
      // Reused ids must not take the body out of its type (`from != to`): keep it as generated.
      // (A check of the request: not counted as coverage of the answers' invariants.)
      const fits = unobserved(() => endpoint.validateBody?.(fields).ok !== false);
      if (fits) patched['body'] = fields;
    }
    return patched;
  }
}

/** One call of a sequence: an endpoint, a generated request, and which earlier ids it reuses. */
class CallCommand implements fc.AsyncCommand<IdPool, ContractSession> {
  /** The request as last sent, ids reused: what a report shows. */
  private sent?: Record<string, unknown>;

  constructor(
    private readonly endpoint: EndpointContract,
    private readonly request: Record<string, unknown>,
    private readonly picks: readonly number[],
  ) {}

  check(): boolean {
    return true;
  }

  async run(pool: IdPool, session: ContractSession): Promise<void> {
    const request = pool.patch(this.endpoint, this.request, this.picks);
    this.sent = request;
    try {
      const outcome = await session.attempt(this.endpoint.name, request);
      if (outcome.ok) pool.learn(outcome.value);
    } catch (error) {
      // A call whose `requires` does not hold is skipped; the sequence goes on.
      if (!(error instanceof DiscardedRun)) throw error;
    }
  }

  toString(): string {
    return `${this.endpoint.name}(${JSON.stringify(this.sent ?? this.request)})`;
  }
}

/**
 * The stateful phase: random sequences of calls (fast-check model-based commands) against one
 * instance, whose requests reuse the ids that earlier answers returned, so that bugs that only
 * show after other calls, or once data exists, are found. Every answer is checked against its
 * endpoint's contract; a failing sequence shrinks to the fewest calls that still fail.
 */
export function statefulPlan(
  endpoints: Readonly<Record<string, EndpointContract>>,
  names: readonly string[],
  at: string,
): CheckPlan {
  const commands = names.map((name) => {
    const endpoint = endpoints[name]!;
    return fc
      .record({
        request: endpoint.requests as fc.Arbitrary<Record<string, unknown>>,
        picks: fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 4 }),
      })
      .map(({ request, picks }) => new CallCommand(endpoint, request, picks));
  });
  return {
    id: 'stateful',
    name: 'stateful: call sequences',
    phase: 'stateful',
    at,
    arbitrary: fc.commands(commands, { maxCommands: 30, size: 'medium' }),
    async run(input, session) {
      const sequence = input as Iterable<fc.AsyncCommand<IdPool, ContractSession>>;
      await fc.asyncModelRun(() => ({ model: new IdPool(), real: session }), sequence);
    },
  };
}
