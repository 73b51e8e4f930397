import type { Judgement } from './judgement.js';
import { breaking, byUsage, compatible, undecided } from './judgement.js';
import type { TypeUsage } from './type-usage.js';

/** How a type, or part of one, changed: the raw material of type and constraint changes. */
export interface TypeDelta {
  readonly kind:
    | 'type-changed'
    | 'type-widened'
    | 'type-narrowed'
    | 'type-rewritten'
    | 'constraint-narrowed'
    | 'constraint-widened'
    | 'constraint-changed'
    | 'example-changed'
    | 'default-changed';
  /** Which part of the type: `''` the type itself, `[]` a list's items, `{}` a map's values. */
  readonly part: string;
  /** What changed: ``` `Int` → `Float` ```, ``` `maxLength: 120` → `maxLength: 100` ```. */
  readonly message: string;
}

const accepted = {
  more: [
    compatible('requests may carry more values than before, and every old request is still valid'),
    breaking('clients may receive values the old spec ruled out'),
  ],
  fewer: [
    breaking('requests that were valid may now be rejected'),
    compatible('responses keep within the values the old spec allowed'),
  ],
  other: [
    breaking('requests written for the old type are rejected'),
    breaking('clients receive values of another type'),
  ],
  undecided: [
    undecided('whether the new pattern accepts more or fewer strings is not decided; review it'),
    undecided('whether the new pattern accepts more or fewer strings is not decided; review it'),
  ],
  example: [
    compatible('an example documents the type and changes no request or response'),
    compatible('an example documents the type and changes no request or response'),
  ],
  default: [
    undecided(
      'the value the server assumes when a request leaves this out changed; clients that leave it out may get other answers; review it',
    ),
    compatible('a default describes requests; answers are unchanged'),
  ],
  same: [
    compatible('the type has the same values, written differently'),
    compatible('the type has the same values, written differently'),
  ],
} as const satisfies Record<string, readonly [Judgement, Judgement]>;

const effect: Record<TypeDelta['kind'], keyof typeof accepted> = {
  'type-changed': 'other',
  'type-widened': 'more',
  'type-narrowed': 'fewer',
  'type-rewritten': 'same',
  'constraint-narrowed': 'fewer',
  'constraint-widened': 'more',
  'constraint-changed': 'undecided',
  'example-changed': 'example',
  'default-changed': 'default',
};

/**
 * The verdict on a type delta where the type travels as `usage` says: a type that accepts more
 * values breaks clients that receive it, one that accepts fewer breaks clients that send it,
 * another type breaks both.
 */
export function judgeDelta(
  delta: TypeDelta,
  usage: TypeUsage,
  owner: string | undefined,
): Judgement {
  const [inRequests, inResponses] = accepted[effect[delta.kind]];
  return byUsage(usage, owner, inRequests, inResponses);
}
