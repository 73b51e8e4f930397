import type { PropertyIR, SourceLocation, SpecIR } from '../ir/spec-ir.js';
import { DiffContext } from './diff-context.js';
import { diffEndpoints } from './diff-endpoints.js';
import { diffTypes } from './diff-types.js';
import { compatible, undecided } from './judgement.js';
import { matchByKey } from './match-by-key.js';
import type { SpecChange, SpecDiff, Verdict } from './spec-change.js';

/**
 * Every change from `before` (the old version of a spec) to `after` (the new one), each
 * classified as breaking, non-breaking or unknown for the API's consumers, with its reason and
 * its place in both versions. Reads the IR only; deterministic; linear in the size of the
 * specs. The rules are in docs/diff.md.
 */
export function diffSpecs(before: SpecIR, after: SpecIR): SpecDiff {
  const ctx = new DiffContext(before, after);
  if (before.name !== after.name) {
    ctx.log.add(
      {
        kind: 'spec-renamed',
        subject: 'spec',
        message: `the spec was renamed: \`${before.name}\` → \`${after.name}\``,
        old: before.location,
        new: after.location,
      },
      compatible('the name is the title of the contracts; no request or response changes'),
      true,
    );
  }
  ctx.log.description(
    'spec',
    before.description,
    after.description,
    before.location,
    after.location,
  );
  diffTypes(ctx);
  diffEndpoints(ctx);
  diffProperties(ctx);
  const changes = [...ctx.log.changes].sort(compareChanges);
  const count = (verdict: Verdict) => changes.filter((c) => c.verdict === verdict).length;
  const side = (spec: SpecIR) => ({
    name: spec.name,
    version: spec.version,
    fingerprint: spec.fingerprint,
  });
  return {
    old: side(before),
    new: side(after),
    changes,
    summary: {
      breaking: count('breaking'),
      nonBreaking: count('non-breaking'),
      unknown: count('unknown'),
    },
  };
}

function diffProperties(ctx: DiffContext): void {
  const promise =
    'a property states behaviour clients may rely on; whether they do is for people to judge';
  const byName = (property: PropertyIR) => property.name;
  for (const { key: name, a, b } of matchByKey(
    ctx.before.properties,
    ctx.after.properties,
    byName,
  )) {
    const subject = `property ${name}`;
    if (!a || !b) {
      const removed = !b;
      ctx.log.add(
        {
          kind: removed ? 'property-removed' : 'property-added',
          subject,
          message: `property \`${name}\` was ${removed ? 'removed' : 'added'}`,
          old: a?.location ?? ctx.before.location,
          new: b?.location ?? ctx.after.location,
        },
        removed ? undecided(promise) : compatible('a new property promises more than before'),
      );
      continue;
    }
    if (statementsKey(a) !== statementsKey(b)) {
      ctx.log.add(
        {
          kind: 'property-changed',
          subject,
          message: `property \`${name}\` changed`,
          old: a.location,
          new: b.location,
        },
        undecided(promise),
      );
    }
    ctx.log.description(subject, a.description, b.description, a.location, b.location);
  }
}

/** A property's statements as JSON, without source locations. */
function statementsKey(property: PropertyIR): string {
  return JSON.stringify(property.statements, (key, value) =>
    key === 'location' ? undefined : value,
  );
}

const verdictOrder: Record<Verdict, number> = { breaking: 0, unknown: 1, 'non-breaking': 2 };

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Breaking first, then unknown, then non-breaking; each by place in the new version, then the old. */
function compareChanges(a: SpecChange, b: SpecChange): number {
  return (
    verdictOrder[a.verdict] - verdictOrder[b.verdict] ||
    compareLocations(a.new, b.new) ||
    compareLocations(a.old, b.old) ||
    compareText(a.kind, b.kind) ||
    compareText(a.subject, b.subject) ||
    compareText(a.message, b.message)
  );
}
