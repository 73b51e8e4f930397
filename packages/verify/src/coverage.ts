import type {
  Clause,
  EndpointContract,
  Exchange,
  PropertyContract,
  SessionObserver,
} from '@specl/runtime';
import { shapeForStatus } from '@specl/runtime';
import type { ClauseCoverage } from './verify-report.js';

interface Tally {
  kind: ClauseCoverage['kind'];
  name: string;
  at: string;
  exercised: number;
  held: number;
}

/**
 * Counts what the runs exercised: every declared status of every endpoint, every `ensures`,
 * every `expect` and every property, each with how often it held. Lists every clause of the
 * spec, so that those never exercised show with zero.
 */
export class CoverageCounter implements SessionObserver {
  private readonly tallies = new Map<string, Tally>();

  constructor(
    private readonly endpoints: Readonly<Record<string, EndpointContract>>,
    properties: Readonly<Record<string, PropertyContract>>,
    invariants: readonly { readonly type: string; readonly source: string; readonly at: string }[],
  ) {
    // An invariant spread into other records is one clause, written once: one entry.
    const types = new Map<string, string[]>();
    for (const invariant of invariants)
      types.set(invariant.at, [...(types.get(invariant.at) ?? []), invariant.type]);
    for (const invariant of invariants) {
      if (this.tallies.has(`invariant:${invariant.at}`)) continue;
      const owners = types.get(invariant.at)!.join(', ');
      this.add(`invariant:${invariant.at}`, {
        kind: 'invariant',
        name: `${owners}: ${invariant.source}`,
        at: invariant.at,
      });
    }
    for (const endpoint of Object.values(endpoints)) {
      for (const shape of endpoint.responses) {
        const name = `${endpoint.name} ${shape.status}${shape.error ? ` ${shape.error}` : ''}`;
        this.add(`status:${endpoint.name}:${shape.status}`, {
          kind: 'status',
          name,
          at: endpoint.at,
        });
      }
      endpoint.ensures.forEach((clause, index) =>
        this.add(`ensures:${endpoint.name}:${index}`, {
          kind: 'ensures',
          name: `${endpoint.name}: ${clause.source}`,
          at: clause.at,
        }),
      );
    }
    for (const property of Object.values(properties)) {
      this.add(`property:${property.name}`, {
        kind: 'property',
        name: property.name,
        at: property.at,
      });
      for (const clause of property.expects)
        this.add(`expect:${clause.at}`, {
          kind: 'expect',
          name: `${property.name}: ${clause.source}`,
          at: clause.at,
        });
    }
  }

  private add(key: string, entry: Omit<Tally, 'exercised' | 'held'>) {
    this.tallies.set(key, { ...entry, exercised: 0, held: 0 });
  }

  private count(key: string, held: boolean) {
    const tally = this.tallies.get(key);
    if (tally === undefined) return;
    tally.exercised++;
    if (held) tally.held++;
  }

  exchanged(exchange: Exchange): void {
    const status = exchange.response?.status;
    if (status === undefined) return;
    const endpoint = this.endpoints[exchange.sent.endpoint];
    const shape = endpoint && shapeForStatus(endpoint.responses, status);
    if (shape) this.count(`status:${exchange.sent.endpoint}:${shape.status}`, true);
  }

  ensured(endpoint: string, index: number, held: boolean): void {
    this.count(`ensures:${endpoint}:${index}`, held);
  }

  expected(clause: Clause, held: boolean): void {
    this.count(`expect:${clause.at}`, held);
  }

  /** An invariant was evaluated on a value the implementation answered. */
  invariantChecked(at: string, held: boolean): void {
    this.count(`invariant:${at}`, held);
  }

  /** A written property's run completed (`held`) or failed. */
  propertyRan(name: string, held: boolean): void {
    this.count(`property:${name}`, held);
  }

  /** The tallies, in the spec's order. */
  results(): ClauseCoverage[] {
    return [...this.tallies.values()].map((tally) => ({ ...tally }));
  }
}
