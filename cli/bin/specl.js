#!/usr/bin/env node
// CommonJS (bin/package.json): runs the CLI's entry as a script of the bundle, so a command
// whose code is all scripts never starts Node's ES module loader (scripts/bundle/code-cache.mjs).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, the point of this file
require('../dist/bundle/cached-script.cjs').runEntry('cli');
