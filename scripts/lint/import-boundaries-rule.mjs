/**
 * The ESLint rule `specl/import-boundaries`: holds the dependency rules of
 * scripts/lint/dependency-rules.mjs for every file under a package's folder.
 */
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { areas, ourNames, packages } from './dependency-rules.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Whether `path` (relative to the repository, `/` separators) is `folder` or inside it. */
function inside(path, folder) {
  return path === folder || path.startsWith(`${folder}/`);
}

/** The npm name of ours an import names (`@specl/language/node` names `@specl/language`). */
function ourPackage(source) {
  return ourNames.find((name) => source === name || source.startsWith(`${name}/`));
}

/** Why an import from `file` (relative to the repository) is forbidden, or undefined. */
export function forbiddenImport(file, source) {
  const owner = packages
    .filter((rule) => inside(file, rule.dir))
    .sort((a, b) => b.dir.length - a.dir.length)[0];
  if (!owner) return undefined;
  const ours = ourPackage(source);
  if (ours && ours !== owner.name && !owner.ours.includes(ours)) {
    const allowed = owner.ours.length > 0 ? owner.ours.join(', ') : 'none';
    return `${owner.name} may not import ${ours} (packages of ours it may import: ${allowed}; see scripts/lint/dependency-rules.mjs)`;
  }
  if (source.startsWith('.')) {
    const target = relative(repoRoot, join(repoRoot, dirname(file), source))
      .split(sep)
      .join('/');
    if (!inside(target, owner.dir)) {
      return `\`${source}\` leaves ${owner.dir}: import another package by its name, as the dependency rules allow`;
    }
  }
  const rules = [
    ...(owner.forbid ?? []),
    ...areas
      .filter((area) => inside(file, area.dir) && !(area.except ?? []).some((e) => inside(file, e)))
      .flatMap((area) => area.forbid),
  ];
  const broken = rules.find((rule) => new RegExp(rule.regex).test(source));
  return broken ? `\`${source}\`: ${broken.message}` : undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export const importBoundariesRule = {
  meta: {
    type: 'problem',
    docs: { description: 'imports only what the dependency rules of the architecture allow' },
    schema: [],
  },
  create(context) {
    const file = relative(repoRoot, context.filename).split(sep).join('/');
    const check = (node) => {
      if (!node || node.type !== 'Literal' || typeof node.value !== 'string') return;
      const why = forbiddenImport(file, node.value);
      if (why) context.report({ node, message: why });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      TSImportEqualsDeclaration: (node) => check(node.moduleReference?.expression),
      TSImportType: (node) => check(node.argument?.literal ?? node.argument),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require')
          check(node.arguments[0]);
      },
    };
  },
};
