import { dropOutputOnClosedPipe } from './closed-output.js';
import { main } from './main.js';

dropOutputOnClosedPipe(process.stdout, 'stdout');
dropOutputOnClosedPipe(process.stderr, 'stderr');
const code = await main(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = process.exitCode || code;
