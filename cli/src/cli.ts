import { dropOutputOnClosedPipe } from './closed-output.js';
import { main } from './main.js';

dropOutputOnClosedPipe(process.stdout, 'stdout');
dropOutputOnClosedPipe(process.stderr, 'stderr');

/**
 * Settles when the command has run and its status is in process.exitCode. No top-level await:
 * the bundle runs this entry as a CommonJS script (scripts/bundle/code-cache.mjs), and its build
 * runs two commands in one process, waiting for each.
 */
export const ran: Promise<void> = main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
}).then((code) => {
  process.exitCode = process.exitCode || code;
});
