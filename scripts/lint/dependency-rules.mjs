/**
 * The dependency rules of the architecture (docs: ../shared/design/architecture.md, "Dependency
 * rules"), in the one place the lint reads them from. `eslint.config.js` turns them into
 * `no-restricted-imports` and `specl/no-import-outside-package` rules, so `npm run lint` fails
 * on any import they forbid; test/lint/import-boundaries.test.ts runs the real lint on
 * forbidden imports to show it.
 *
 * To add a package: give it a row in `packages` (its folder, its npm name, the packages of
 * ours it may import). Packages of ours it does not list are forbidden to it. Rules for a part
 * of a package (emitters, the browser-safe part of the language) go in `areas`.
 */
import { builtinModules } from 'node:module';

/**
 * @typedef {object} PackageRule
 * @property {string} dir the package's folder, relative to the repository
 * @property {string} name its npm name
 * @property {string[]} ours the packages of ours it may import (any other is forbidden)
 * @property {{ regex: string, message: string }[]} [forbid] other imports it may never use
 */

/** @type {PackageRule[]} */
export const packages = [
  { dir: 'packages/language', name: '@specl/language', ours: [] },
  { dir: 'packages/compiler', name: '@specl/compiler', ours: ['@specl/language'] },
  {
    dir: 'packages/runtime',
    name: '@specl/runtime',
    ours: [],
    forbid: [
      {
        regex: '^(langium|vscode-languageserver[^/]*|chevrotain)(/|$)',
        message: 'the runtime is what generated code imports: keep it light, without Langium',
      },
      {
        regex: '^@opentelemetry/(?!api$)',
        message:
          "the runtime takes telemetry through @opentelemetry/api only (an optional peer); the SDK is the application's",
      },
    ],
  },
  {
    dir: 'packages/import',
    name: '@specl/import',
    ours: ['@specl/language'],
  },
  { dir: 'packages/verify', name: '@specl/verify', ours: ['@specl/compiler', '@specl/runtime'] },
  {
    dir: 'packages/proxy',
    name: '@specl/proxy',
    ours: ['@specl/compiler', '@specl/runtime'],
  },
  {
    dir: 'packages/agent',
    name: '@specl/agent',
    ours: ['@specl/compiler', '@specl/verify', '@specl/runtime'],
  },
  {
    dir: 'packages/lsp',
    name: '@specl/lsp',
    ours: [
      '@specl/language',
      '@specl/compiler',
      '@specl/verify',
      '@specl/agent',
      '@specl/runtime',
      '@specl/import',
    ],
  },
  {
    dir: 'packages/mcp',
    name: '@specl/mcp',
    ours: [
      '@specl/language',
      '@specl/compiler',
      '@specl/import',
      '@specl/verify',
      '@specl/agent',
      '@specl/runtime',
    ],
  },
  {
    dir: 'cli',
    name: 'specl',
    ours: [
      '@specl/language',
      '@specl/compiler',
      '@specl/runtime',
      '@specl/import',
      '@specl/verify',
      '@specl/agent',
      '@specl/lsp',
      '@specl/proxy',
      '@specl/mcp',
    ],
  },
  { dir: 'editors/vscode', name: 'specl-vscode', ours: [] },
];

const nodeBuiltins = [...new Set(builtinModules.map((name) => name.replace(/^node:/, '')))];

/**
 * @typedef {object} AreaRule
 * @property {string} dir the folder the rule is for, relative to the repository
 * @property {string[]} [except] folders inside it the rule is not for
 * @property {{ regex: string, message: string }[]} forbid
 */

/** @type {AreaRule[]} */
export const areas = [
  {
    dir: 'packages/compiler/src/emit',
    forbid: [
      {
        regex: '^(@specl/language|langium)(/|$)',
        message: 'emitters read the IR only, never the AST: take what you need from the IR',
      },
      {
        regex: '(^|/)(lower|pipeline)/',
        message: 'emitters read the IR only: lowering and the check are for the stages before them',
      },
    ],
  },
  {
    dir: 'packages/language/src',
    except: ['packages/language/src/node'],
    forbid: [
      {
        regex: `^(node:.*|(${nodeBuiltins.map((name) => name.replace(/[/]/g, '\\/')).join('|')})(/.*)?)$`,
        message:
          'the language runs outside Node too: node: builtins belong in its node entry (src/node)',
      },
    ],
  },
];

/** Every npm name of ours, the names of workspace packages an import may name. */
export const ourNames = packages.map((rule) => rule.name);
