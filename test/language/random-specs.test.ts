import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSources } from '@specl/language';
import type { SpecDiagnostic } from '@specl/language';
import { printProject } from '../arbitraries/print-spec.js';
import { multiFileSpecArbitrary, specArbitrary } from '../arbitraries/spec-arbitrary.js';
import type { SpecProject } from '../arbitraries/spec-model.js';

/** A project with its printed files; fast-check shows it as the files' text. */
interface Printed {
  root: string;
  files: Record<string, string>;
}

function listing(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([path, text]) => {
      const lines = text.split('\n').map((line, i) => `${String(i + 1).padStart(4)} | ${line}`);
      return `---- ${path}\n${lines.join('\n')}`;
    })
    .join('\n');
}

function printed(project: SpecProject): Printed {
  const value = { root: project.root, files: printProject(project) };
  return Object.assign(value, { [fc.toStringMethod]: () => `\n${listing(value.files)}\n` });
}

/** A diagnostic with the line it points at (the whole text is the counterexample fast-check prints). */
function describeDiagnostic(files: Record<string, string>, d: SpecDiagnostic): string {
  const path = decodeURIComponent(new URL(d.uri).pathname);
  const line = (files[path] ?? '').split('\n')[d.range.start.line] ?? '';
  const at = `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
  return `${at} ${d.severity} ${d.code}: ${d.message}\n    ${line}\n    ${' '.repeat(d.range.start.character)}^`;
}

/** Checks a generated project and fails with every diagnostic unless it is clean. */
async function expectClean(project: Printed): Promise<void> {
  const result = await checkSources(project.files, [project.root]);
  if (result.diagnostics.length === 0) return;
  const found = result.diagnostics.map((d) => describeDiagnostic(project.files, d)).join('\n');
  throw new Error(
    `a generated valid spec (the counterexample) got ${result.diagnostics.length} diagnostic(s):\n${found}`,
  );
}

// Shrinking re-checks the spec at every step: cap it, and report the smallest failure found by then.
const settings = { interruptAfterTimeLimit: 10_000, markInterruptAsFailure: false } as const;

describe('generated valid specs', () => {
  it('check with no diagnostics (one file)', async () => {
    await fc.assert(fc.asyncProperty(specArbitrary.map(printed), expectClean), {
      seed: 42,
      numRuns: 150,
      ...settings,
    });
  });

  it('check with no diagnostics (a root importing one or two files, cycles allowed)', async () => {
    await fc.assert(fc.asyncProperty(multiFileSpecArbitrary.map(printed), expectClean), {
      seed: 4242,
      numRuns: 80,
      ...settings,
    });
  });
});

/** What of response headers and 3xx responses a generated project holds. */
function headerUses(project: SpecProject) {
  const decls = Object.values(project.files).flatMap((f) => f.declarations);
  const responses = decls.flatMap((d) =>
    d.kind === 'endpoint' ? d.clauses.filter((c) => c.kind === 'response') : [],
  );
  const carried = new Set([
    ...responses.flatMap((r) => r.headers ?? []),
    ...decls.flatMap((d) => (d.kind === 'error' ? (d.headers ?? []) : [])),
  ]);
  const sets = decls.filter((d) => d.kind === 'headers');
  return {
    sets: sets.length > 0,
    unused: sets.some((s) => !carried.has(s.name)),
    onResponse: responses.some((r) => r.headers !== undefined),
    onError: decls.some((d) => d.kind === 'error' && d.headers !== undefined),
    twoSets: responses.some((r) => (r.headers?.length ?? 0) > 1),
    redirect: responses.some((r) => r.status >= 300),
    redirectWithBody: responses.some((r) => r.status >= 300 && r.type !== undefined),
    bodylessError: decls.some((d) => d.kind === 'error' && d.bodyless === true),
  };
}

// The share of specs holding each construct (of 150 sampled): between 5 and 120, so that the
// properties above see each often and the other constructs still get room.
describe('the generator', () => {
  it('writes sets of response headers (used and not), 3xx responses and bodyless errors in some specs, not all', () => {
    const projects = fc.sample(specArbitrary, { seed: 42, numRuns: 150 });
    const counts: Record<string, number> = {};
    for (const uses of projects.map(headerUses))
      for (const [key, present] of Object.entries(uses))
        counts[key] = (counts[key] ?? 0) + +present;
    for (const [key, count] of Object.entries(counts)) {
      expect(count, key).toBeGreaterThanOrEqual(5);
      expect(count, key).toBeLessThan(120);
    }
  });
});
