import fc from 'fast-check';
import type { ContractSession, EndpointContract } from '@specl/runtime';
import { DiscardedRun, unobserved } from '@specl/runtime';
import type { CheckPlan } from './run-check.js';

/** Whether a name reads as an identifier's: `id`, `employeeId`, `employee_id`. */
const ID_NAME = /^(id|.*Id|.*_id)$/;

/** The most values kept per name: enough to pick among, bounded for long sequences. */
const PER_NAME = 16;

/**
 * The values seen so far in a sequence: what later calls reuse. Every string and number field
 * an answer returned (ids, but also a `nextCursor`, a version), and every parameter and body
 * field a request sent (a tenant header, a name), by name; ids also in one pool of their own,
 * for path parameters named otherwise.
 */
class ValuePool {
  private readonly byName = new Map<string, { value: unknown; origin: string }[]>();
  private readonly ids: unknown[] = [];

  private add(name: string, value: unknown, origin: string) {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    const values = this.byName.get(name) ?? [];
    if (!values.some((v) => v.value === value) && values.length < PER_NAME)
      values.push({ value, origin });
    this.byName.set(name, values);
    if (ID_NAME.test(name) && !this.ids.includes(value) && this.ids.length < PER_NAME)
      this.ids.push(value);
  }

  /** Collects the fields of an answer of `endpoint` (a few levels deep). */
  learn(endpoint: EndpointContract, body: unknown, depth = 0): void {
    if (depth > 3 || typeof body !== 'object' || body === null) return;
    if (Array.isArray(body)) {
      for (const item of body.slice(0, 20)) this.learn(endpoint, item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(body)) {
      this.add(key, value, depth === 0 ? endpoint.path : '');
      this.learn(endpoint, value, depth + 1);
    }
  }

  /** Collects what a successful request sent: its parameters, and its body's top-level fields. */
  sent(endpoint: EndpointContract, request: Record<string, unknown>): void {
    for (const param of [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers])
      this.add(param.name, request[param.name], '');
    const body = request['body'];
    if (typeof body === 'object' && body !== null && !Array.isArray(body))
      for (const [key, value] of Object.entries(body)) this.add(key, value, '');
  }

  /**
   * The values a parameter may reuse: for a path parameter, those answered at its collection
   * (`/employees` or `/employees/{id}` for `/employees/{id}/requests`) first, else any value
   * of its name, else any id; for others, the values of its name.
   */
  private candidates(endpoint: EndpointContract, name: string, path: boolean): unknown[] {
    const known = this.byName.get(name) ?? [];
    if (!path) return known.map((v) => v.value);
    const collection = endpoint.path
      .slice(0, endpoint.path.indexOf(`{${name}}`))
      .replace(/\/$/, '');
    const rest = (origin: string) => origin.slice(collection.length);
    const item = (origin: string) =>
      origin.startsWith(collection) && /^(\/\{[^/{}]+\})?$/.test(rest(origin));
    const linked = known.filter((v) => item(v.origin)).map((v) => v.value);
    if (linked.length > 0) return linked;
    return known.length > 0 ? known.map((v) => v.value) : this.ids;
  }

  /**
   * A request with parameters and body fields replaced, as picked, by values seen under their
   * name (path parameters also by any id), where the value still has the parameter's type: a
   * pick past the values keeps the generated one.
   */
  patch(endpoint: EndpointContract, request: Record<string, unknown>, picks: readonly number[]) {
    const patched = { ...request };
    let next = 0;
    const choose = (values: readonly unknown[] | undefined) => {
      if (values === undefined || values.length === 0 || next >= picks.length) return undefined;
      const index = picks[next++]! % (values.length + 1);
      return index < values.length ? values[index] : undefined;
    };
    for (const param of [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers]) {
      if (param.optional && patched[param.name] === undefined) continue;
      const path = endpoint.pathParams.includes(param);
      const value = choose(this.candidates(endpoint, param.name, path));
      if (value === undefined) continue;
      // A value of another type (or out of its constraints) is not sent; checking it is a
      // check of the request, not coverage of the answers' invariants.
      if (unobserved(() => param.validate?.(value).ok === false)) continue;
      patched[param.name] = value;
    }
    const body = patched['body'];
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      const fields = { ...(body as Record<string, unknown>) };
      for (const key of Object.keys(fields)) {
        const value = choose(this.byName.get(key)?.map((v) => v.value));
        if (value !== undefined && typeof value === typeof fields[key]) fields[key] = value;
      }
      // Reused values must not take the body out of its type (`from != to`): keep it as generated.
      const fits = unobserved(() => endpoint.validateBody?.(fields).ok !== false);
      if (fits) patched['body'] = fields;
    }
    return patched;
  }
}

/** One call of a sequence: an endpoint, a generated request, and which earlier ids it reuses. */
class CallCommand implements fc.AsyncCommand<ValuePool, ContractSession> {
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

  async run(pool: ValuePool, session: ContractSession): Promise<void> {
    const request = pool.patch(this.endpoint, this.request, this.picks);
    this.sent = request;
    try {
      const outcome = await session.attempt(this.endpoint.name, request);
      // What a successful call sent and answered is worth reusing (not an id that 404'd).
      if (outcome.ok) {
        pool.sent(this.endpoint, request);
        pool.learn(this.endpoint, outcome.value);
      }
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
 * What a stateful replay needs besides fast-check's path: which commands of each shrinking step
 * ran (fast-check's `replayPath`, printed with the commands), so that the shrinks are walked
 * again without depending on where the server's answers ended the sequences: `@<replayPath>`.
 */
function commandsReplaySuffix(counterexample: unknown): string {
  const replayPath = /\/\*replayPath="([^"]*)"\*\/$/.exec(String(counterexample))?.[1];
  return replayPath === undefined || replayPath === '' ? '' : `@${replayPath}`;
}

/** A stateful replay's fast-check path and the commands' replay path (`0:3:1@CB:A`). */
export function splitStatefulReplay(replay: string): { path: string; commands?: string } {
  const at = replay.indexOf('@');
  return at < 0 ? { path: replay } : { path: replay.slice(0, at), commands: replay.slice(at + 1) };
}

/**
 * The stateful phase: random sequences of calls (fast-check model-based commands) against one
 * instance, whose requests reuse the values earlier answers returned (ids, cursors) and earlier
 * requests sent (a tenant header, a name), so that state builds up under one scope and bugs that only
 * show after other calls, or once data exists, are found. Every answer is checked against its
 * endpoint's contract; a failing sequence shrinks to the fewest calls that still fail.
 */
export function statefulPlan(
  endpoints: Readonly<Record<string, EndpointContract>>,
  names: readonly string[],
  at: string,
  commandsReplayPath?: string,
): CheckPlan {
  const commands = names.map((name) => {
    const endpoint = endpoints[name]!;
    return fc
      .record({
        request: endpoint.requests as fc.Arbitrary<Record<string, unknown>>,
        picks: fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 8 }),
      })
      .map(({ request, picks }) => new CallCommand(endpoint, request, picks));
  });
  return {
    id: 'stateful',
    name: 'stateful: call sequences',
    phase: 'stateful',
    at,
    // Long enough to create several items, then read, page, update and delete them.
    arbitrary: fc.commands(commands, {
      maxCommands: 30,
      size: 'medium',
      ...(commandsReplayPath !== undefined && { replayPath: commandsReplayPath }),
    }),
    replaySuffix: commandsReplaySuffix,
    async run(input, session) {
      const sequence = input as Iterable<fc.AsyncCommand<ValuePool, ContractSession>>;
      await fc.asyncModelRun(() => ({ model: new ValuePool(), real: session }), sequence);
    },
  };
}
