import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SourceLocation, SpecChange, SpecIR } from '@specl/compiler';
import { allChangeKinds, changeKinds, diffSpecs } from '@specl/compiler';
import { printProject } from '../arbitraries/print-spec.js';
import { buildProject } from '../arbitraries/spec-arbitrary.js';
import { lowerFiles } from '../helpers/lower.js';

/**
 * Two versions of a generated spec: the second is built from the first one's tape of choices
 * with a few choices changed (an early change reshapes much of the spec, a late one a detail),
 * or from a tape of its own.
 */
const tape = fc.array(fc.nat({ max: 0xffff }), { maxLength: 1500, size: 'max' });
const edits = fc.array(fc.tuple(fc.nat({ max: 1499 }), fc.nat({ max: 0xffff })), {
  minLength: 1,
  maxLength: 6,
});
const versions = (multiFile: boolean) =>
  fc
    .tuple(tape, fc.oneof({ weight: 4, arbitrary: edits.map((e) => ({ edits: e })) }, tape))
    .map(([first, second]) => {
      const changed = Array.isArray(second) ? second : [...first];
      if (!Array.isArray(second)) {
        for (const [index, value] of second.edits) {
          if (index < changed.length) changed[index] = value;
        }
      }
      const print = (t: number[]) => {
        const project = buildProject(t, multiFile);
        return { root: project.root, files: printProject(project) };
      };
      const pair = { a: print(first), b: print(changed) };
      const listing = (p: typeof pair.a) =>
        Object.entries(p.files)
          .map(([path, text]) => `---- ${path}\n${text}`)
          .join('\n');
      return Object.assign(pair, {
        [fc.toStringMethod]: () => `\n==== a\n${listing(pair.a)}\n==== b\n${listing(pair.b)}\n`,
      });
    });

type Version = { root: string; files: Record<string, string> };

const lower = (version: Version) => lowerFiles(version.files, version.root);

const selfInverse = (kind: SpecChange['kind']) => changeKinds[kind].inverse === kind;
const place = (at: SourceLocation) => `${at.file}:${at.line}:${at.column}`;

/**
 * A change as its mirror must show it. Mirroring, precisely: diff(b, a) has, for every change
 * of diff(a, b) and no other, a change with the inverse kind (`field-removed` and
 * `field-added`, `constraint-narrowed` and `constraint-widened`, `requires-strengthened` and
 * `requires-weakened`, a self-inverse kind such as `type-changed` itself), the same subject,
 * and the old and new places swapped; a self-inverse change keeps its verdict (a change that
 * breaks one way breaks the other), while a change and its inverse may differ (a removed
 * field breaks, an added optional one does not).
 */
function mirrored(change: SpecChange): string {
  return JSON.stringify([
    changeKinds[change.kind].inverse,
    change.subject,
    place(change.new),
    place(change.old),
    selfInverse(change.kind) ? change.verdict : '',
  ]);
}

function asIs(change: SpecChange): string {
  return JSON.stringify([
    change.kind,
    change.subject,
    place(change.old),
    place(change.new),
    selfInverse(change.kind) ? change.verdict : '',
  ]);
}

/** Whether a place is in one of a version's files (relative to its root's folder), on a line it has. */
function inVersion(at: SourceLocation, version: Version): boolean {
  const folder = version.root.slice(0, version.root.lastIndexOf('/') + 1);
  const parts = (folder + at.file).split('/');
  const path: string[] = [];
  for (const part of parts) {
    if (part === '..') path.pop();
    else path.push(part);
  }
  const text = version.files[path.join('/')];
  return text !== undefined && at.line >= 1 && at.line <= text.split('\n').length;
}

/** The property, counting the kinds of change it meets in `seen` (to show the runs exercise the diff). */
const mirrors = (seen: Set<string>) => async (pair: { a: Version; b: Version }) => {
  const a: SpecIR = await lower(pair.a);
  const b: SpecIR = await lower(pair.b);
  expect(diffSpecs(a, a).changes).toEqual([]);
  const forward = diffSpecs(a, b).changes;
  const backward = diffSpecs(b, a).changes;
  for (const change of forward) seen.add(change.kind);
  expect(backward.map(asIs).sort()).toEqual(forward.map(mirrored).sort());
  for (const change of forward) {
    expect(inVersion(change.old, pair.a), `old place of ${asIs(change)}`).toBe(true);
    expect(inVersion(change.new, pair.b), `new place of ${asIs(change)}`).toBe(true);
  }
  if (a.fingerprint === b.fingerprint) expect(forward).toEqual([]);
};

// Shrinking lowers both versions at every step: cap it, and report the smallest failure found by then.
const settings = { interruptAfterTimeLimit: 60_000, markInterruptAsFailure: false } as const;

describe('diffs of generated specs', () => {
  it('every change kind has an inverse whose inverse is itself', () => {
    for (const kind of allChangeKinds) {
      const inverse = changeKinds[kind].inverse;
      expect(allChangeKinds).toContain(inverse);
      expect(changeKinds[inverse].inverse).toBe(kind);
    }
  });

  it('a spec diffed with itself shows no change, and diff(a, b) mirrors diff(b, a) (one file)', async () => {
    const seen = new Set<string>();
    await fc.assert(fc.asyncProperty(versions(false), mirrors(seen)), {
      seed: 8101,
      numRuns: 80,
      ...settings,
    });
    expect(seen.size).toBeGreaterThanOrEqual(25);
  });

  it('the same for a root importing one or two files', async () => {
    const seen = new Set<string>();
    await fc.assert(fc.asyncProperty(versions(true), mirrors(seen)), {
      seed: 8102,
      numRuns: 40,
      ...settings,
    });
    expect(seen.size).toBeGreaterThanOrEqual(20);
  });
});
