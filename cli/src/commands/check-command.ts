import { resolve } from 'node:path';
import { checkSpecFiles } from '@specl/language/node';
import { CliError, ExitCode } from '../cli-error.js';
import { collectSpecFiles } from '../collect-spec-files.js';
import { displayFile, toCheckReport } from '../report/check-report.js';
import { ansiColors, noColors, useColor } from '../report/colors.js';
import { formatJsonReport } from '../report/json-report.js';
import { formatSarifReport } from '../report/sarif-report.js';
import { formatTextReport } from '../report/text-report.js';
import { cliVersion } from '../version.js';
import { checkHelp } from './check-help.js';
import { writeFileAtomic } from '../write-file-set.js';
import { sizeOfFiles, withRunOnceFlags } from '../run-once-flags.js';
import type { CommandContext } from './command-context.js';
import { parseCommandArgs } from './parse-command-args.js';

const formats = ['text', 'json', 'sarif'] as const;

/** `specl check`: checks specs and reports their diagnostics. */
export async function runCheck(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('check', argv, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(checkHelp);
    return ExitCode.ok;
  }
  const format = values.format as string;
  if (!(formats as readonly string[]).includes(format)) {
    throw new CliError(`unknown format \`${format}\`; use one of ${formats.join(', ')}`);
  }
  const files = collectSpecFiles(positionals.length > 0 ? positionals : ['.'], context.cwd);
  // The report reads the positions of the diagnostics only: each declaration's CST is built
  // when one is read there (or a check reads it), not for every declaration.
  const result = await withRunOnceFlags(sizeOfFiles(files), () =>
    checkSpecFiles(files, undefined, { lazyCst: true }),
  );
  if (result.unreadable.length > 0) {
    const names = result.unreadable.map((uri) => `\`${displayFile(uri, context.cwd)}\``).join(', ');
    throw new CliError(`cannot read ${names}; check its permissions`);
  }
  const report = toCheckReport(result, context.cwd);

  const colorFlag = values['no-color'] ? false : (values.color as boolean | undefined);
  let output: string;
  if (format === 'json') output = formatJsonReport(report, cliVersion());
  else if (format === 'sarif') output = formatSarifReport(report, cliVersion());
  else {
    const colors =
      values.output === undefined && useColor(colorFlag, context.stdout) ? ansiColors : noColors;
    output = formatTextReport(report, colors);
  }
  if (values.output !== undefined)
    writeFileAtomic(resolve(context.cwd, values.output as string), output, values.output as string);
  else context.stdout.write(output);
  return report.errors > 0 ? ExitCode.failed : ExitCode.ok;
}
