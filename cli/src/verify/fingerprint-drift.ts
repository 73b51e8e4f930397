import { execFile } from 'node:child_process';
import { dirname, relative } from 'node:path';
import { promisify } from 'node:util';
import type { SpecIR } from '@specl/compiler';
import { checkVersion, diffSpecs } from '@specl/compiler';
import type { CommandContext } from '../commands/command-context.js';
import { loadSpecSide } from '../diff/spec-side.js';
import { displayFile } from '../report/check-report.js';
import type { Colors } from '../report/colors.js';
import { formatDiffText } from '../report/diff-text-report.js';
import type { CompiledOutput } from './compiled-imports.js';

const run = promisify(execFile);

/** How many commits of the spec's history are searched for the version an output came from. */
const HISTORY_DEPTH = 30;

const quiet: CommandContext['stderr'] = { write: () => true };

/**
 * The commit at which the spec had a fingerprint, searched in the last commits that touched it
 * (undefined outside a git repository, or when none matches).
 */
async function commitWithFingerprint(
  spec: string,
  fingerprint: string,
  context: CommandContext,
  colors: Colors,
) {
  let commits: string[];
  try {
    const { stdout } = await run('git', ['log', `-n${HISTORY_DEPTH}`, '--format=%H', '--', spec], {
      cwd: dirname(spec),
    });
    commits = stdout.split('\n').filter(Boolean);
  } catch {
    return undefined;
  }
  const silent = { ...context, stderr: quiet };
  // `git show` reads a path relative to the working folder when it starts with ./ or ../.
  const path = relative(context.cwd, spec);
  const shownPath = path.startsWith('..') ? path : `./${path}`;
  for (const commit of commits) {
    const arg = `git:${commit}:${shownPath}`;
    try {
      const side = await loadSpecSide(arg, silent, colors);
      if (side.ir.fingerprint === fingerprint) return { commit, side };
    } catch {
      // A version that does not check or lower is not the one.
    }
  }
  return undefined;
}

/**
 * Says why compiled outputs an implementation uses were compiled from another version of the
 * spec than the one given, and what changed between the two when git history has the older
 * version; answers undefined when every output matches.
 */
export async function describeDrift(
  spec: string,
  ir: SpecIR,
  outputs: readonly CompiledOutput[],
  context: CommandContext,
  colors: Colors,
): Promise<string | undefined> {
  const stale = outputs.filter((output) => output.fingerprint !== ir.fingerprint);
  if (stale.length === 0) return undefined;
  const shown = (path: string) => displayFile(path, context.cwd);
  const lines = stale.map(
    (output) =>
      `${shown(output.file)} was compiled from spec ${output.spec} ${output.version} (${output.fingerprint.slice(0, 19)}), not from ${shown(spec)} (${ir.name} ${ir.version}, ${ir.fingerprint.slice(0, 19)})`,
  );
  const folders = [...new Set(stale.map((output) => shown(dirname(output.file))))];
  lines.push(
    `recompile: ${folders.map((folder) => `specl compile ${shown(spec)} --out ${folder}`).join('; ')}, then update the implementation where the contract changed`,
  );
  const older = await commitWithFingerprint(spec, stale[0]!.fingerprint, context, colors);
  if (older !== undefined) {
    const old = older.side;
    const now = await loadSpecSide(spec, { ...context, stderr: quiet }, colors);
    const diff = diffSpecs(old.ir, now.ir);
    const report = {
      diff,
      old,
      new: now,
      version: checkVersion(diff),
      failOn: 'none' as const,
      failed: false,
    };
    lines.push(
      `what changed since ${older.commit.slice(0, 12)}, the version they were compiled from:`,
      formatDiffText(report, colors).trimEnd(),
    );
  }
  return `${lines.join('\n')}\n`;
}
