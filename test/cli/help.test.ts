// `specl help <command>` prints the command's help, which main.ts loads only when asked (each
// help text is a module of its own, so that a command starts without loading the others').
import { describe, expect, it } from 'vitest';
import { implementHelp, repairHelp } from '../../cli/src/commands/agent-help.js';
import { checkHelp } from '../../cli/src/commands/check-help.js';
import { compileHelp } from '../../cli/src/commands/compile-help.js';
import { diffHelp } from '../../cli/src/commands/diff-help.js';
import { fmtHelp } from '../../cli/src/commands/fmt-help.js';
import { importHelp } from '../../cli/src/commands/import-help.js';
import { initHelp } from '../../cli/src/commands/init-help.js';
import { lspHelp } from '../../cli/src/commands/lsp-help.js';
import { mcpHelp } from '../../cli/src/commands/mcp-help.js';
import { proxyHelp } from '../../cli/src/commands/proxy-help.js';
import { verifyHelp } from '../../cli/src/commands/verify-help.js';
import { runSpecl, tempProject } from '../helpers/run-cli.js';

const helps: Record<string, string> = {
  check: checkHelp,
  compile: compileHelp,
  verify: verifyHelp,
  diff: diffHelp,
  implement: implementHelp,
  repair: repairHelp,
  fmt: fmtHelp,
  import: importHelp,
  init: initHelp,
  lsp: lspHelp,
  proxy: proxyHelp,
  mcp: mcpHelp,
};

describe('specl help <command>', () => {
  const cwd = tempProject({});
  const mainHelp = runSpecl(['--help'], cwd).stdout;

  it('has the main help to compare with', () => {
    expect(mainHelp).toMatch(/^Usage: specl <command> \[options\]\n/);
  });

  for (const [command, help] of Object.entries(helps)) {
    it(`prints the help of ${command}`, () => {
      expect(help).toMatch(new RegExp(`^Usage: specl ${command} `));
      expect(runSpecl(['help', command], cwd)).toStrictEqual({
        status: 0,
        stdout: help,
        stderr: '',
      });
    });
  }

  it('prints the main help for a topic that is no command, even a name every object has', () => {
    for (const topic of ['nothing', 'constructor', '__proto__']) {
      expect(runSpecl(['help', topic], cwd)).toStrictEqual({
        status: 0,
        stdout: mainHelp,
        stderr: '',
      });
    }
  });
});
