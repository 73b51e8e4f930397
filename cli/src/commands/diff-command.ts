import { join, resolve } from 'node:path';
import type { FailOn } from '@specl/compiler';
import { checkVersion, diffSpecs, failOnValues, failsVersionCheck } from '@specl/compiler';
import { CliError, ExitCode } from '../cli-error.js';
import { loadSpecSides } from '../diff/spec-side.js';
import { ansiColors, noColors, useColor } from '../report/colors.js';
import type { DiffReport } from '../report/diff-report.js';
import { formatDiffJson } from '../report/diff-json-report.js';
import { formatDiffMarkdown } from '../report/diff-markdown-report.js';
import { formatDiffSarif } from '../report/diff-sarif-report.js';
import { formatDiffText } from '../report/diff-text-report.js';
import { cliVersion } from '../version.js';
import { sizeOfFiles, withRunOnceFlags } from '../run-once-flags.js';
import { writeFileAtomic } from '../write-file-set.js';
import type { CommandContext } from './command-context.js';
import { diffHelp } from './diff-help.js';
import { parseCommandArgs } from './parse-command-args.js';

const formats = ['text', 'json', 'sarif', 'markdown'] as const;

/** `specl diff`: classifies the changes between two versions of a spec and checks the version. */
export async function runDiff(argv: readonly string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', argv, {
    format: { type: 'string', default: 'text' },
    output: { type: 'string' },
    'fail-on': { type: 'string', default: 'breaking' },
    color: { type: 'boolean' },
    'no-color': { type: 'boolean' },
    cache: { type: 'boolean' },
    parallel: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    context.stdout.write(diffHelp);
    return ExitCode.ok;
  }
  const format = values.format as string;
  if (!(formats as readonly string[]).includes(format)) {
    throw new CliError(`unknown format \`${format}\`; use one of ${formats.join(', ')}`);
  }
  const failOn = values['fail-on'] as string;
  if (!(failOnValues as readonly string[]).includes(failOn)) {
    throw new CliError(`unknown --fail-on \`${failOn}\`; use one of ${failOnValues.join(', ')}`);
  }
  if (positionals.length !== 2) {
    throw new CliError(
      `diff takes two specs, the old and the new (\`specl diff git:main:api.specl api.specl\`), not ${positionals.length}`,
    );
  }
  const colorFlag = values['no-color'] ? false : (values.color as boolean | undefined);
  const errorColors = useColor(colorFlag, context.stderr) ? ansiColors : noColors;
  const sides = [positionals[0]!, positionals[1]!] as const;
  // A `git:<ref>:<path>` side's size is taken from the file at that path now, as near as can be
  // known without reading it.
  const sourceBytes = sizeOfFiles(
    sides.map((side) => resolve(context.cwd, side.replace(/^git:[^:]*:/, ''))),
  );
  const [old, now, diff] = await withRunOnceFlags(sourceBytes, async () => {
    const loaded = await loadSpecSides(sides, context, errorColors, {
      // Serial unless asked: on two idle cores, two threads took longer than one (bench/diff.mjs:
      // N = 5,000 5.40 s against 4.81 s, N = 1,000 2.27 s against 1.99 s), each thread warming
      // its own JIT and the IR crossing between them. SPECL_PARALLEL=1 forces threads (tests).
      parallel: process.env.SPECL_PARALLEL === '1' ? true : values.parallel ? 'auto' : false,
      ...(values.cache ? { cache: join(context.cwd, '.specl', 'cache') } : {}),
    });
    return [...loaded, diffSpecs(loaded[0].ir, loaded[1].ir)] as const;
  });
  const version = checkVersion(diff);
  const report: DiffReport = {
    diff,
    old,
    new: now,
    version,
    failOn: failOn as FailOn,
    failed: failsVersionCheck(version, failOn as FailOn),
  };
  let output: string;
  if (format === 'json') output = formatDiffJson(report, cliVersion());
  else if (format === 'sarif') output = formatDiffSarif(report, cliVersion());
  else if (format === 'markdown') output = formatDiffMarkdown(report);
  else {
    const colors =
      values.output === undefined && useColor(colorFlag, context.stdout) ? ansiColors : noColors;
    output = formatDiffText(report, colors);
  }
  if (values.output !== undefined)
    writeFileAtomic(resolve(context.cwd, values.output as string), output, values.output as string);
  else context.stdout.write(output);
  return report.failed ? ExitCode.failed : ExitCode.ok;
}
