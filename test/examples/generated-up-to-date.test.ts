import { describe, expect, it } from 'vitest';
import { repoRoot, runSpecl } from '../helpers/run-cli.js';

describe('examples', () => {
  it('the vacation example commits its compiled outputs up to date', () => {
    const run = runSpecl(
      [
        'compile',
        'examples/vacation/vacation.specl',
        '--out',
        'examples/vacation/generated',
        '--check',
      ],
      repoRoot,
    );
    expect(run.stdout).toBe('examples/vacation/generated is up to date\n');
    expect(run.status).toBe(0);
  });
});
