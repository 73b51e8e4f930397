#!/usr/bin/env node
// Summarises a V8 sampling heap profile (from `node --heap-prof`): the bytes of the sampled
// objects still alive when the profile was written, by allocating function (self) and by
// function with its callees (inclusive), and by file. Node writes the profile at exit, so an
// object collected before then is not in it: the figures are what lived to the end, which for
// a check or a compile is nearly all it allocated.
// Usage: node bench/lib/heap-profile-summary.mjs FILE.heapprofile [top=25]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/lib/heap-profile-summary.mjs FILE.heapprofile [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const short = (url) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*\/node_modules\//, 'node_modules/')
    .replace(/^.*\/(cli|packages)\//, '$1/');
const key = (node) => {
  const f = node.callFrame;
  return `${f.functionName || '(anonymous)'}  ${short(f.url) || '(native)'}:${f.lineNumber + 1}`;
};

const self = new Map();
/** Self bytes with a builtin's (Map, Set, push, ...) given to the JavaScript function calling it. */
const byCaller = new Map();
const inclusive = new Map();
const files = new Map();
let total = 0;
const add = (map, k, bytes) => map.set(k, (map.get(k) ?? 0) + bytes);

/** Walks the tree once, each node's self size added to it and (once per key) to its callers. */
function walk(node, open, caller) {
  const k = key(node);
  const native = node.callFrame.url === '';
  const opened = !open.has(k);
  if (opened) open.add(k);
  const bytes = node.selfSize;
  if (bytes > 0) {
    total += bytes;
    add(self, k, bytes);
    add(byCaller, native && caller ? `${node.callFrame.functionName} in ${caller}` : k, bytes);
    add(files, short(node.callFrame.url) || `(${node.callFrame.functionName})`, bytes);
    for (const caller of open) add(inclusive, caller, bytes);
  }
  for (const child of node.children) walk(child, open, native ? caller : k);
  if (opened) open.delete(k);
}
walk(profile.head, new Set());

const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [k, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    const mb = (bytes / 1e6).toFixed(2).padStart(8);
    console.log(`${mb} MB ${((100 * bytes) / total).toFixed(1).padStart(5)}%  ${k}`);
  }
};
console.log(`total sampled: ${(total / 1e6).toFixed(2)} MB`);
print('self bytes per function', self);
print('self bytes per function, a builtin by its caller', byCaller);
print('inclusive bytes per function', inclusive);
print('self bytes per file', files);
