import { CliError } from '../cli-error.js';
import { resolveSpecFile } from '../resolve-spec-file.js';
import type { CommandContext } from './command-context.js';

/** The values of a repeatable, comma-separated option (`--endpoint a,b --endpoint c`). */
export function list(values: unknown): string[] | undefined {
  if (values === undefined) return undefined;
  const items = (values as string[]).flatMap((v) => v.split(',')).map((v) => v.trim());
  return items.filter(Boolean);
}

/** An option's whole number (positive, or from zero with `zero`). */
export function positiveInteger(text: unknown, option: string, zero = false): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < (zero ? 0 : 1))
    throw new CliError(
      `\`--${option} ${String(text)}\` is not a ${zero ? 'whole number' : 'positive whole number'}`,
    );
  return value;
}

/** `10s`, `500ms`, `2m`, `2` (seconds) in milliseconds; `fallback` when not given. */
export function duration(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim());
  if (!match || Number(match[1]) <= 0)
    throw new CliError(`\`--${option} ${text}\` is not a duration; write 10s or 500ms`);
  const unit = match[2] === 'ms' ? 1 : match[2] === 'm' ? 60_000 : 1000;
  return Number(match[1]) * unit;
}

/** The one spec a command names, as an absolute path; a usage error when it is not a .specl file. */
export function specArgument(
  positionals: readonly string[],
  context: CommandContext,
  usage: { readonly command: string; readonly missing: string },
): string {
  if (positionals.length !== 1)
    throw new CliError(
      positionals.length === 0
        ? usage.missing
        : `${usage.command} takes one spec (the root; it brings its imports), not ${positionals.length}`,
    );
  const spec = resolveSpecFile(positionals[0]!, context.cwd);
  return spec;
}

/** `4MB`, `512KB`, `1000` (bytes) in bytes; `fallback` when not given. */
export function byteSize(text: string | undefined, option: string, fallback: number): number {
  if (text === undefined) return fallback;
  const match = /^(\d+)\s*(b|kb|mb|gb)?$/i.exec(text.trim());
  const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[
    (match?.[2] ?? 'b').toLowerCase() as 'b'
  ];
  const value = match ? Number(match[1]) * unit : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1)
    throw new CliError(`\`--${option} ${text}\` is not a size; write 4MB, 512KB or bytes`);
  return value;
}
