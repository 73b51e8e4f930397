import { describe, expect, it } from 'vitest';
import { mergeEdits } from '../../packages/agent/src/parallel/merge-edits.js';

const base = [
  "import { a } from './a.js';",
  '',
  'export function one() {',
  '  return 1;',
  '}',
  '',
  'export function two() {',
  '  return 2;',
  '}',
  '',
  'export function three() {',
  '  return 3;',
  '}',
  '',
].join('\n');

const edit = (relative: string, before: string | null, after: string) => ({
  path: `/impl/${relative}`,
  relative,
  before,
  after,
});

describe("merging the work of a parallel run's groups", () => {
  it('takes a file changed by one group, or by several alike', () => {
    const result = mergeEdits([
      { agent: 'group-1', edits: [edit('a.ts', null, 'A'), edit('same.ts', 'x', 'y')] },
      { agent: 'group-2', edits: [edit('b.ts', 'old', 'B'), edit('same.ts', 'x', 'y')] },
    ]);
    expect(result).toEqual({
      merged: [
        { relative: 'a.ts', after: 'A' },
        { relative: 'b.ts', after: 'B' },
        { relative: 'same.ts', after: 'y' },
      ],
      combined: [],
      conflicts: [],
    });
  });

  it('merges line by line the changes of several groups to different places of one file', () => {
    const first = base.replace(
      "import { a } from './a.js';",
      "import { a } from './a.js';\nimport { b } from './b.js';",
    );
    const third = base.replace('  return 3;', '  return b(3);');
    const result = mergeEdits([
      { agent: 'group-1', edits: [edit('handlers.ts', base, first)] },
      { agent: 'group-3', edits: [edit('handlers.ts', base, third)] },
    ]);
    expect(result.conflicts).toEqual([]);
    expect(result.combined).toEqual([{ relative: 'handlers.ts', agents: ['group-1', 'group-3'] }]);
    expect(result.merged[0]!.after).toBe(
      base
        .replace(
          "import { a } from './a.js';",
          "import { a } from './a.js';\nimport { b } from './b.js';",
        )
        .replace('  return 3;', '  return b(3);'),
    );
  });

  it('calls a conflict what changed one place differently, what was added at one place, and new files that differ', () => {
    const result = mergeEdits([
      {
        agent: 'group-1',
        edits: [
          edit('line.ts', base, base.replace('  return 2;', '  return 22;')),
          edit('end.ts', base, `${base}// one\n`),
          edit('new.ts', null, 'one'),
        ],
      },
      {
        agent: 'group-2',
        edits: [
          edit('line.ts', base, base.replace('  return 2;', '  return -2;')),
          edit('end.ts', base, `${base}// two\n`),
          edit('new.ts', null, 'two'),
        ],
      },
    ]);
    expect(result.merged).toEqual([]);
    expect(result.conflicts.map((c) => [c.relative, c.versions.map((v) => v.agent)])).toEqual([
      ['end.ts', ['group-1', 'group-2']],
      ['line.ts', ['group-1', 'group-2']],
      ['new.ts', ['group-1', 'group-2']],
    ]);
    expect(result.conflicts[2]!.versions.map((v) => v.text)).toEqual(['one', 'two']);
  });
});
