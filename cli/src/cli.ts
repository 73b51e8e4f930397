import { guardWhenBuilt } from './closed-output.js';
import { FdOutput } from './fd-output.js';
import { main } from './main.js';
import { failIfUnsettled } from './unsettled-exit.js';

guardWhenBuilt('stdout');
guardWhenBuilt('stderr');
const stderr = new FdOutput(2, 'stderr', null);
const stdout = new FdOutput(1, 'stdout', stderr);

/**
 * Settles when the command has run and its status is in process.exitCode. No top-level await:
 * the bundle runs this entry as a CommonJS script (scripts/bundle/code-cache.mjs), and its build
 * runs two commands in one process, waiting for each.
 */
export const ran: Promise<void> = main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout,
  stderr,
}).then((code) => {
  process.exitCode = process.exitCode || code;
});
failIfUnsettled(ran, stderr);
