import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatSource } from '@specl/language';
import { CliError, ExitCode } from '../cli-error.js';
import { collectSpecFiles } from '../collect-spec-files.js';
import { displayFile, plural } from '../report/check-report.js';
import { codeFrame } from '../report/code-frame.js';
import { noColors } from '../report/colors.js';
import { writeFileAtomic } from '../write-file-set.js';
import type { CommandContext } from './command-context.js';
import { fmtHelp } from './fmt-help.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `specl fmt`: formats specs in place, or with `--check` lists those not formatted. */
export async function runFmt(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('fmt', argv, {
    check: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(fmtHelp);
    return ExitCode.ok;
  }
  const check = values.check === true;
  const files = collectSpecFiles(positionals.length > 0 ? positionals : ['.'], context.cwd);
  const changed: string[] = [];
  let broken = 0;
  for (const path of files) {
    const shown = displayFile(path, context.cwd);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new CliError(
        `cannot read \`${shown}\` (${(error as NodeJS.ErrnoException).code}); check its permissions`,
      );
    }
    const uri = pathToFileURL(path).href;
    const result = await formatSource(text, uri);
    if (!result.ok) {
      broken++;
      context.stdout.write(unformattable(shown, text, result.diagnostics, result.reason));
      continue;
    }
    if (result.text === text) continue;
    changed.push(shown);
    if (check) context.stdout.write(`${shown}: not formatted\n`);
    else writeFileAtomic(path, result.text, shown);
  }
  context.stdout.write(summary(files.length, changed, broken, check));
  return broken > 0 || (check && changed.length > 0) ? ExitCode.failed : ExitCode.ok;
}

function unformattable(
  shown: string,
  text: string,
  diagnostics: readonly {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    code: string;
    message: string;
  }[],
  reason: string,
): string {
  if (diagnostics.length === 0) return `${shown}: not formatted: ${reason}\n\n`;
  const blocks = diagnostics.map((d) => {
    const at = `${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
    return `${at}: error ${d.code}: ${d.message}\n${codeFrame(text, d.range.start, d.range.end, noColors)}`;
  });
  return `${blocks.join('\n\n')}\n\n${shown}: not formatted: fix its syntax errors first\n\n`;
}

function summary(
  total: number,
  changed: readonly string[],
  broken: number,
  check: boolean,
): string {
  const files = plural(total, 'file');
  const unformattable = broken > 0 ? `; ${plural(broken, 'file')} could not be formatted` : '';
  if (check) {
    return changed.length === 0
      ? `${files} checked: all formatted${unformattable}\n`
      : `${changed.length} of ${files} not formatted${unformattable}; run \`specl fmt\` to format them\n`;
  }
  return changed.length === 0
    ? `${files} checked: all already formatted${unformattable}\n`
    : `formatted ${changed.length} of ${files}: ${changed.join(', ')}${unformattable}\n`;
}
