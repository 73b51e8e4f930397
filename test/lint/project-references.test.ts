import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/run-cli.js';
import { packages as rules } from '../../scripts/lint/dependency-rules.mjs';

function readJson(path: string): Record<string, unknown> {
  // tsconfig files may hold comments and trailing commas; ours hold neither.
  return JSON.parse(readFileSync(join(repoRoot, path), 'utf8')) as Record<string, unknown>;
}

/** The packages of ours a package.json depends on. */
function ourDependencies(dir: string): string[] {
  const json = readJson(`${dir}/package.json`);
  const deps = {
    ...(json['dependencies'] as Record<string, string> | undefined),
    ...(json['devDependencies'] as Record<string, string> | undefined),
    ...(json['peerDependencies'] as Record<string, string> | undefined),
  };
  const names = new Set(rules.map((rule) => rule.name));
  return Object.keys(deps)
    .filter((name) => names.has(name))
    .sort();
}

/** The packages of ours a tsconfig references (`../language/tsconfig.node.json` is the language). */
function referencedPackages(dir: string): string[] {
  const references = (readJson(`${dir}/tsconfig.json`)['references'] ?? []) as { path: string }[];
  const names = references.map((reference) => {
    const target = relative(repoRoot, join(repoRoot, dir, reference.path))
      .split('\\')
      .join('/');
    const folder = target.endsWith('.json') ? dirname(target) : target;
    const rule = rules.find((r) => r.dir === folder);
    if (!rule)
      throw new Error(`${dir}/tsconfig.json references ${reference.path}, no package of ours`);
    return rule.name;
  });
  return [...new Set(names)].sort();
}

describe('project references and dependencies', () => {
  it('the dependency rules have a row for every workspace package', () => {
    const workspaces = (readJson('package.json')['workspaces'] as string[]).slice().sort();
    expect(rules.map((rule) => rule.dir).sort()).toEqual(workspaces);
    for (const rule of rules) expect(readJson(`${rule.dir}/package.json`)['name']).toBe(rule.name);
  });

  for (const rule of rules) {
    it(`${rule.name}: tsconfig references match its dependencies of ours`, () => {
      expect(referencedPackages(rule.dir)).toEqual(ourDependencies(rule.dir));
    });

    it(`${rule.name}: depends on no package of ours the dependency rules forbid it`, () => {
      const forbidden = ourDependencies(rule.dir).filter((name) => !rule.ours.includes(name));
      expect(forbidden).toEqual([]);
    });
  }
});
