#!/usr/bin/env node
// CommonJS, as every file of bin/ (bin/package.json): the language server is an ES module.
import('../dist/bundle/language-server.mjs');
