import type { ConditionIR, SourceLocation } from '../ir/spec-ir.js';
import type { ChangeLog } from './change-log.js';
import { exprKey, implies, sameExpr } from './condition-implication.js';
import type { Judgement } from './judgement.js';
import { compatible, undecided } from './judgement.js';

/** Where a list of conditions stands and what a stronger or a weaker one means there. */
export interface ConditionSite {
  readonly role: 'requires' | 'ensures' | 'invariant';
  /** The endpoint or the type that holds the conditions. */
  readonly owner: string;
  /** The owner in each version (where an added or removed condition is placed on the other side). */
  readonly old: SourceLocation;
  readonly new: SourceLocation;
  /** The verdict on a condition that now allows fewer cases (added, strengthened). */
  readonly stronger: Judgement;
  /** The verdict on a condition that now allows more cases (removed, weakened). */
  readonly weaker: Judgement;
}

interface Entry {
  readonly condition: ConditionIR;
  readonly index: number;
  readonly key: string;
}

const same = compatible('the condition means the same, written differently');

/**
 * Whether two lists of conditions are the same, condition by condition (text and meaning):
 * then {@link compareConditions} finds nothing, and a caller need not make its site.
 */
export function sameConditions(
  before: readonly ConditionIR[],
  after: readonly ConditionIR[],
): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) {
    const [a, b] = [before[i]!, after[i]!];
    if (a.source !== b.source || !sameExpr(a.expr, b.expr)) return false;
  }
  return true;
}

/**
 * Compares an owner's conditions of one role. Conditions equal in meaning are matched first
 * (a different text is `-reworded`); of the rest, those at the same place in both lists are
 * one condition changed (strengthened or weakened when one implies the other, reworded when
 * both do, else undecided); the others were added (stronger, unless the old conditions
 * already imply it) or removed (weaker, unless the new conditions still imply it).
 */
export function compareConditions(
  before: readonly ConditionIR[],
  after: readonly ConditionIR[],
  site: ConditionSite,
  log: ChangeLog,
): void {
  if (sameConditions(before, after)) return;
  const entries = (list: readonly ConditionIR[]) =>
    list.map((condition, index) => ({ condition, index, key: exprKey(condition.expr) }));
  const olds = entries(before);
  const news = entries(after);
  const take = (list: Entry[], found: (entry: Entry) => boolean) => {
    const index = list.findIndex(found);
    return index < 0 ? undefined : list.splice(index, 1)[0];
  };
  const pairs: [Entry, Entry][] = [];
  // Equal text first, then equal meaning, then the same place in the list.
  const matchers: ((a: Entry) => (b: Entry) => boolean)[] = [
    (a) => (b) => b.key === a.key && b.condition.source === a.condition.source,
    (a) => (b) => b.key === a.key,
    (a) => (b) => b.index === a.index,
  ];
  for (const matcher of matchers) {
    for (const a of [...olds]) {
      const b = take(news, matcher(a));
      if (b) {
        olds.splice(olds.indexOf(a), 1);
        pairs.push([a, b]);
      }
    }
  }
  const text = (c: ConditionIR) => `\`${site.role} ${c.source}\``;
  for (const [a, b] of pairs) {
    if (a.condition.source === b.condition.source && a.key === b.key) continue;
    const stronger = implies([b.condition.expr], [a.condition.expr]);
    const weaker = implies([a.condition.expr], [b.condition.expr]);
    const [change, judgement] =
      stronger && weaker
        ? (['reworded', same] as const)
        : stronger
          ? (['strengthened', site.stronger] as const)
          : weaker
            ? (['weakened', site.weaker] as const)
            : ([
                'changed',
                undecided(
                  'whether the new condition is stronger or weaker is not decided; review it',
                ),
              ] as const);
    log.add(
      {
        kind: `${site.role}-${change}`,
        subject: `${site.owner} ${site.role}`,
        message: `${text(a.condition)} of \`${site.owner}\` ${change === 'changed' ? 'changed' : `was ${change}`}: ${text(b.condition)}`,
        old: a.condition.location,
        new: b.condition.location,
      },
      judgement,
      change === 'reworded',
    );
  }
  const allBefore = before.map((c) => c.expr);
  const allAfter = after.map((c) => c.expr);
  for (const { condition } of news) {
    const implied = implies(allBefore, [condition.expr]);
    log.add(
      {
        kind: `${site.role}-added`,
        subject: `${site.owner} ${site.role}`,
        message: `${text(condition)} was added to \`${site.owner}\``,
        old: site.old,
        new: condition.location,
      },
      implied ? compatible('the old conditions already imply it') : site.stronger,
      implied,
    );
  }
  for (const { condition } of olds) {
    const implied = implies(allAfter, [condition.expr]);
    log.add(
      {
        kind: `${site.role}-removed`,
        subject: `${site.owner} ${site.role}`,
        message: `${text(condition)} was removed from \`${site.owner}\``,
        old: condition.location,
        new: site.new,
      },
      implied ? compatible('the new conditions still imply it') : site.weaker,
      implied,
    );
  }
}
