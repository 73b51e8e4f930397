import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end suites: real editors (Neovim, Emacs, VS Code in Chromium), the examples verified
 * over HTTP, the packed tarballs installed in a project of their own, and real servers written
 * by others verified from their own OpenAPI documents. `npm run test:e2e`
 * runs them (after scripts/install-test-tools.sh); `npm run test:unit` runs the rest.
 */
const endToEnd = [
  'test/editors/**/*.test.ts',
  'test/examples/**/*.test.ts',
  'test/packaging/**/*.test.ts',
  'test/real-servers/**/*.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on the 2-core machines CI
    // and new users run. Most of our files wait on processes they start (the CLI, servers,
    // editors), so one worker leaves a core idle for much of the suite: two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: endToEnd },
      },
      { extends: true, test: { name: 'e2e', include: endToEnd } },
    ],
  },
});
