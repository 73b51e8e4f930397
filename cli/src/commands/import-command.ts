import { existsSync } from 'node:fs';
import { basename, extname, join, dirname, resolve } from 'node:path';
import type { ImportOptions, ImportResult } from '@specl/import';
import { defaultRefRoot, ImportError, importOpenApi, warningKinds } from '@specl/import';
import { CliError, ExitCode } from '../cli-error.js';
import { displayFile, plural } from '../report/check-report.js';
import {
  makeFolder,
  writeFileAtomic,
  writeFileSet,
  writeNewFileAtomic,
} from '../write-file-set.js';
import type { CommandContext } from './command-context.js';
import { importWarningLines } from '../report/import-warnings.js';
import { sizeOfFiles, withRunOnceFlags } from '../run-once-flags.js';
import { importHelp } from './import-help.js';
import { parseCommandArgs } from './parse-command-args.js';

/** `specl import`: writes a Specl spec for an OpenAPI or Swagger document. */
export async function runImport(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('import', argv, {
    out: { type: 'string' },
    force: { type: 'boolean' },
    split: { type: 'boolean' },
    'allow-remote': { type: 'boolean' },
    'max-size': { type: 'string' },
    'ref-root': { type: 'string' },
    'all-warnings': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(importHelp);
    return ExitCode.ok;
  }
  if (positionals.length !== 1) {
    throw new CliError(
      'name one OpenAPI or Swagger document: `specl import <openapi.yaml> [--out <file.specl>]`',
    );
  }
  const source = resolve(context.cwd, positionals[0]!);
  const shown = displayFile(source, context.cwd);
  const toStdout = values.out === '-';
  const out = toStdout
    ? undefined
    : resolve(context.cwd, (values.out as string | undefined) ?? defaultOut(source));
  if (out !== undefined && out === source)
    throw new CliError(`the output \`${shown}\` is the document itself; name another with --out`);
  const split = values.split === true;
  if (split && out === undefined)
    throw new CliError(
      '--split writes several files, not standard output: name the root with --out <file.specl>',
    );
  // The files the root imports go in a folder named after it, beside it.
  const folder = out === undefined ? undefined : basename(out, extname(out));
  if (out !== undefined && values.force !== true && existsSync(out)) {
    throw new CliError(
      `\`${displayFile(out, context.cwd)}\` exists; pass --force to overwrite it, or name another file with --out`,
    );
  }
  // The document's size stands for the import's (its $refs' files are found as it is read).
  const result = await withRunOnceFlags(sizeOfFiles([source]), () =>
    importOrExplain(source, shown, {
      allowRemote: values['allow-remote'] === true,
      maxBytes: megabytes(values['max-size'] as string | undefined),
      refRoot:
        values['ref-root'] === undefined
          ? defaultRefRoot(source, context.cwd)
          : resolve(context.cwd, values['ref-root'] as string),
      ...(split && { split: folder }),
    }),
  );
  const report = toStdout ? context.stderr : context.stdout;
  for (const line of importWarningLines(result.warnings, shown, values['all-warnings'] === true)) {
    report.write(`${line}\n`);
  }
  if (out === undefined) context.stdout.write(result.text);
  else if (split) writeSplit(out, result, values.force === true, context.cwd);
  else if (values.force === true) writeFileAtomic(out, result.text, displayFile(out, context.cwd));
  else writeNewFileAtomic(out, result.text, displayFile(out, context.cwd));
  report.write(
    summary(
      result,
      out === undefined
        ? 'standard output'
        : `${displayFile(out, context.cwd)}${split ? ` and ${plural(result.parts?.length ?? 0, 'file')} in ${displayFile(join(dirname(out), folder!), context.cwd)}/` : ''}`,
    ),
  );
  return ExitCode.ok;
}

/**
 * Writes a split spec as one set: the root at `out`, the files it imports beside it. An
 * existing file is overwritten only with `--force`.
 */
function writeSplit(out: string, result: ImportResult, force: boolean, cwd: string): void {
  const files = [
    { path: out, content: result.text },
    ...(result.parts ?? []).map((part) => ({
      path: join(dirname(out), ...part.path.split('/')),
      content: part.text,
    })),
  ].map((file) => ({ ...file, shown: displayFile(file.path, cwd) }));
  const existing = files.find((file) => existsSync(file.path));
  if (!force && existing) {
    throw new CliError(
      `\`${existing.shown}\` exists; pass --force to overwrite it, or name another file with --out`,
    );
  }
  for (const folder of new Set(files.map((file) => dirname(file.path))))
    makeFolder(folder, displayFile(folder, cwd));
  writeFileSet(files);
}

function defaultOut(source: string): string {
  const name = basename(source, extname(source));
  return join(dirname(source), `${name}.specl`);
}

function megabytes(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new CliError(`\`--max-size ${text}\` is not a positive number of megabytes`);
  return Math.floor(value * 1024 * 1024);
}

async function importOrExplain(
  source: string,
  shown: string,
  options: ImportOptions,
): Promise<ImportResult> {
  try {
    return await importOpenApi(source, shown, options);
  } catch (error) {
    if (error instanceof ImportError) {
      // A pointer reads as a place in the file: `api.yaml#/paths/~1pets/get`.
      throw new CliError(error.pointer === undefined ? error.message : `${shown}${error.message}`);
    }
    throw error;
  }
}

function summary(result: ImportResult, where: string): string {
  const { types, endpoints, warnings } = result.summary;
  const counts = warningKinds
    .filter((kind) => warnings[kind] > 0)
    .map((kind) => `${warnings[kind]} ${kind}`);
  const total = warningKinds.reduce((sum, kind) => sum + warnings[kind], 0);
  const warned = total === 0 ? 'no warnings' : `${plural(total, 'warning')} (${counts.join(', ')})`;
  return `imported OpenAPI ${result.sourceVersion === '2.0' ? '(Swagger 2.0)' : result.sourceVersion}: ${plural(types, 'type')}, ${plural(endpoints, 'endpoint')}, ${warned}; wrote ${where}\n`;
}
