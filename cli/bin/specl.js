#!/usr/bin/env node
// CommonJS (bin/package.json): runs the CLI's entry as a script of the bundle, so a command
// whose code is all scripts never starts Node's ES module loader (scripts/bundle/code-cache.mjs).
//
// When nothing is left to run (Node's 'beforeExit': no handle, request or timer, every command
// settled), the process exits at once, with the status the command set, instead of letting Node
// tear down its heap and environment first, which a short command paid for in system time
// (about 5 ms of a one-endpoint `specl check`'s CPU). The 'exit' event is emitted either way. A
// 'beforeExit' listener added after this one keeps its turn: Node's usual exit is left to it.
process.once('beforeExit', () => {
  if (process.listenerCount('beforeExit') === 0) process.exit();
});
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, the point of this file
require('../dist/bundle/cached-script.cjs').runEntry('cli');
