#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self and inclusive time per function,
// and self time per file. Usage: node bench/lib/profile-summary.mjs FILE.cpuprofile [top=25]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/lib/profile-summary.mjs FILE.cpuprofile [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// In an esbuild bundle (cli/dist/bundle), a `// path/of/module.js` comment opens each module:
// name the module a bundled function came from instead of the chunk.
const bundleModules = new Map();
function moduleAt(url, line) {
  if (!/\/dist\/bundle\/[^/]+\.mjs$/.test(url)) return undefined;
  if (!bundleModules.has(url)) {
    const starts = [];
    try {
      readFileSync(fileURLToPath(url), 'utf8')
        .split('\n')
        .forEach((text, i) => {
          const m = /^\/\/ ((?:node_modules|packages|cli)\/\S+\.[cm]?js)$/.exec(text);
          if (m) starts.push([i, m[1]]);
        });
    } catch {
      // the bundle was rebuilt or removed since the profile was taken
    }
    bundleModules.set(url, starts);
  }
  let found;
  for (const [start, path] of bundleModules.get(url)) {
    if (start > line) break;
    found = path;
  }
  return found;
}

const short = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')
    .replace(/^\/work\/main\//, '');
const key = (n) => {
  const f = n.callFrame;
  const module = moduleAt(f.url, f.lineNumber);
  const where = module
    ? `${short(module)} (${short(f.url)}:${f.lineNumber + 1})`
    : `${short(f.url) || '(native)'}:${f.lineNumber + 1}`;
  return `${f.functionName || '(anonymous)'}  ${where}`;
};

const self = new Map();
const inclusive = new Map();
const files = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = (profile.timeDeltas[i] ?? 0) / 1000;
  total += dt;
  const leaf = byId.get(id);
  self.set(key(leaf), (self.get(key(leaf)) ?? 0) + dt);
  const url =
    short(moduleAt(leaf.callFrame.url, leaf.callFrame.lineNumber) ?? leaf.callFrame.url) ||
    `(${leaf.callFrame.functionName})`;
  files.set(url, (files.get(url) ?? 0) + dt);
  const seen = new Set();
  for (let n = id; n != null; n = parent.get(n)) {
    const k = key(byId.get(n));
    if (!seen.has(k)) {
      seen.add(k);
      inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
    }
  }
});

const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${k}`,
    );
  }
};
console.log(`total sampled: ${total.toFixed(0)} ms`);
print('self time per function', self);
print('inclusive time per function', inclusive);
print('self time per file', files);
