import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { importBoundariesRule } from './scripts/lint/import-boundaries-rule.mjs';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/generated/**',
      '**/node_modules/**',
      'bench/.work/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The architecture's dependency rules: the table is scripts/lint/dependency-rules.mjs.
    files: [
      'packages/**/*.{ts,mts,cts,js,mjs}',
      'cli/**/*.{ts,mts,js,mjs}',
      'editors/**/*.{ts,mjs,js}',
    ],
    plugins: { specl: { rules: { 'import-boundaries': importBoundariesRule } } },
    rules: { 'specl/import-boundaries': 'error' },
  },
);
