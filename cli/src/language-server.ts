// `specl-language-server`: the same as `specl lsp --stdio` (stdio is implied).
import { main } from './main.js';

const args = process.argv.slice(2);
const code = await main(['lsp', ...(args.includes('--stdio') ? args : ['--stdio', ...args])], {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
});
process.exitCode = code;
