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
    rules: {
      'specl/import-boundaries': 'error',
      // The fast parse path's nodes keep their defaults on prototypes (SpeclServiceOptions.lazyCst):
      // Langium's copiers of own properties would drop them.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='copyAstNode']",
          message:
            'An AST built with lazyCst keeps its defaults on prototypes, which copyAstNode drops: parse the text again instead.',
        },
        {
          selector: "Identifier[name='JsonSerializer']",
          message:
            "An AST built with lazyCst keeps its defaults on prototypes, which Langium's JsonSerializer drops.",
        },
      ],
    },
  },
);
