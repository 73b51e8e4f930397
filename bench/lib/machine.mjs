// Describes the machine a benchmark ran on.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

function osName() {
  try {
    const release = readFileSync('/etc/os-release', 'utf8');
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(release);
    if (pretty) return `${pretty[1]} (${os.type()} ${os.release()})`;
  } catch {
    // not Linux, or no os-release
  }
  return `${os.type()} ${os.release()}`;
}

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    ramGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    os: `${osName()}, ${os.arch()}`,
  };
}

/** The commit the measured build comes from, marked when the work tree has changes. */
export function revision(ROOT) {
  const git = (args) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' });
  const head = git(['rev-parse', '--short', 'HEAD']);
  if (head.status !== 0) return 'unknown';
  const dirty = git([
    'status',
    '--porcelain',
    '--untracked-files=no',
    '--',
    'packages',
    'cli',
  ]).stdout.trim();
  return `${head.stdout.trim()}${dirty ? ' + uncommitted changes in packages/ or cli/' : ''}`;
}
