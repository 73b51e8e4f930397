import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatSource } from '@specl/language';
import { CliError, ExitCode } from '../cli-error.js';
import { collectSpecFiles } from '../collect-spec-files.js';
import { displayFile, plural } from '../report/check-report.js';
import { codeFrame } from '../report/code-frame.js';
import { noColors } from '../report/colors.js';
import { rewriteUserFile } from '../rewrite-user-file.js';
import { sizeOfFiles, withRunOnceFlags } from '../run-once-flags.js';
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
  const { changed, broken } = await withRunOnceFlags(sizeOfFiles(files), () =>
    formatFiles(files, check, context),
  );
  context.stdout.write(summary(files.length, changed, broken, check));
  return broken > 0 || (check && changed.length > 0) ? ExitCode.failed : ExitCode.ok;
}

/** Formats `files` (or, with `check`, reports those not formatted); tells which changed. */
async function formatFiles(
  files: readonly string[],
  check: boolean,
  context: CommandContext,
): Promise<{ changed: string[]; broken: number }> {
  const changed: string[] = [];
  let broken = 0;
  for (const path of files) {
    const shown = displayFile(path, context.cwd);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      throw new CliError(
        `cannot read \`${shown}\` (${(error as NodeJS.ErrnoException).code}); check its permissions`,
      );
    }
    const text = decodeUtf8(bytes);
    if (text === undefined) {
      // Decoding would put U+FFFD in place of the bytes, and writing it back lose them.
      broken++;
      context.stdout.write(`${shown}: not formatted: it is not valid UTF-8 text\n\n`);
      continue;
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
    else rewriteUserFile(path, result.text, shown);
  }
  return { changed, broken };
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
  const formatted = total - changed.length - broken;
  if (check) {
    if (changed.length === 0 && broken === 0) return `${files} checked: all formatted\n`;
    const fix = changed.length > 0 ? '; run `specl fmt` to format them' : '';
    if (broken === 0) return `${changed.length} of ${files} not formatted${fix}\n`;
    return `${files} checked: ${formatted} formatted, ${changed.length} not formatted, ${broken} could not be formatted${fix}\n`;
  }
  const unformattable = broken > 0 ? `; ${plural(broken, 'file')} could not be formatted` : '';
  if (changed.length > 0) {
    return `formatted ${changed.length} of ${files}: ${changed.join(', ')}${unformattable}\n`;
  }
  return broken === 0
    ? `${files} checked: all already formatted\n`
    : `${files} checked: ${formatted} already formatted${unformattable}\n`;
}

/** The text of UTF-8 bytes (a leading byte-order mark kept), or undefined when they are not UTF-8. */
function decodeUtf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
