import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SandboxProtection } from './sandbox-protection.js';
import { unshareArguments } from './sandbox-protection.js';

/** Resource limits of one sandboxed run. */
export interface SandboxLimits {
  /** CPU seconds (all threads). */
  readonly cpuSeconds: number;
  /** Megabytes of JavaScript heap; the address space may be twice this plus 1 GiB. */
  readonly memoryMb: number;
  /** Megabytes one file may grow to. */
  readonly fileMb: number;
}

/** The folders a sandboxed run sees. */
export interface SandboxFolders {
  /** The staged copy of the implementation folder: the only place it may write. */
  readonly writable: string;
  /** Folders it may read: the stage, the project it mirrors, Specl's own install. */
  readonly readable: readonly string[];
}

/** The folder Specl's packages are installed in (the one holding fast-check's node_modules). */
export function installRoot(): string {
  const require = createRequire(import.meta.url);
  let dir = dirname(realpathSync(require.resolve('fast-check')));
  while (!dir.endsWith(`${join('/', 'node_modules')}`) && dirname(dir) !== dir) dir = dirname(dir);
  return dirname(dir);
}

/** The sandbox's child program (compiled beside this file). */
export const CHILD_SCRIPT = fileURLToPath(new URL('./sandbox-child.js', import.meta.url));

/** Node's flags: its permission model, the heap limit, source maps, no warnings. */
function nodeArguments(folders: SandboxFolders, limits: SandboxLimits): string[] {
  return [
    '--experimental-permission',
    ...folders.readable.map((folder) => `--allow-fs-read=${folder}`),
    `--allow-fs-write=${folders.writable}`,
    `--max-old-space-size=${limits.memoryMb}`,
    '--enable-source-maps',
    '--disable-warning=ExperimentalWarning',
    CHILD_SCRIPT,
  ];
}

/** `prlimit` arguments: CPU, address space, file size, open files. */
function prlimitArguments(limits: SandboxLimits): string[] {
  const mb = 1024 * 1024;
  return [
    'prlimit',
    // The soft limit sends SIGXCPU; the hard one, a little later, SIGKILL.
    `--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 5}`,
    `--as=${(limits.memoryMb * 2 + 1024) * mb}`,
    `--fsize=${limits.fileMb * mb}`,
    '--nofile=4096',
    '--core=0',
    '--',
  ];
}

/** bubblewrap's arguments: what the sandbox sees of the file system, and its namespaces. */
function bubblewrapArguments(folders: SandboxFolders): string[] {
  const system = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];
  const node = dirname(realpathSync(process.execPath));
  const args = [
    'bwrap',
    '--die-with-parent',
    '--new-session',
    '--unshare-all',
    '--clearenv',
    '--tmpfs',
    '/tmp',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
  ];
  for (const path of system) if (existsSync(path)) args.push('--ro-bind', path, path);
  for (const path of ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/ld.so.conf.d'])
    if (existsSync(path)) args.push('--ro-bind', path, path);
  for (const path of [node, ...folders.readable]) args.push('--ro-bind', path, path);
  args.push('--bind', folders.writable, folders.writable, '--chdir', folders.writable);
  for (const [name, value] of Object.entries(sandboxEnvironment(folders)))
    args.push('--setenv', name, value);
  args.push('--');
  return args;
}

/**
 * The command that runs the sandbox child under `protection`: bubblewrap or unshare around
 * prlimit around Node with its permission model, as available. The environment is given
 * separately (see {@link sandboxEnvironment}).
 */
export function sandboxCommand(
  protection: SandboxProtection,
  folders: SandboxFolders,
  limits: SandboxLimits,
): { command: string; args: string[] } {
  const node = [realpathSync(process.execPath), ...nodeArguments(folders, limits)];
  const limited = protection.limitsResources ? [...prlimitArguments(limits), ...node] : node;
  const full =
    protection.kind === 'bubblewrap'
      ? [...bubblewrapArguments(folders), ...limited]
      : protection.kind === 'unshare'
        ? ['unshare', ...unshareArguments(), '--', ...limited]
        : limited;
  return { command: full[0]!, args: full.slice(1) };
}

/** The sandbox's whole environment: a path to find `prlimit`, a home in the stage, nothing else. */
export function sandboxEnvironment(folders: SandboxFolders): Record<string, string> {
  return {
    PATH: '/usr/local/bin:/usr/bin:/bin',
    HOME: folders.writable,
    TMPDIR: folders.writable,
    NODE_ENV: 'test',
  };
}
