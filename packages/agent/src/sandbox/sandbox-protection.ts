import { spawnSync } from 'node:child_process';

/**
 * How model-written code is confined on this machine, strongest first:
 * - `bubblewrap`: Linux namespaces through bubblewrap (`bwrap`): a read-only view of the
 *   system, the project and Specl, the staged copy the only writable folder, a network
 *   namespace of its own (loopback only), a pid namespace (its `/proc` shows only itself),
 *   plus everything `permissions` gives and resource limits;
 * - `unshare`: Linux namespaces through `unshare` (network with no interface up, pid, ipc),
 *   plus `permissions` and resource limits; the file system view is not narrowed, reads are
 *   limited by Node's permission model only;
 * - `permissions`: Node's permission model (reads only of the project, the stage and Specl;
 *   writes only to the staged copy; no child processes, workers or native addons), an
 *   environment without secrets, resource limits where `prlimit` exists, killed at the time
 *   limit. The network is not cut: not enough to run without `--unsafe-run`.
 */
export type SandboxKind = 'bubblewrap' | 'unshare' | 'permissions';

/** What the sandbox of this machine is, and whether it cuts the network. */
export interface SandboxProtection {
  readonly kind: SandboxKind;
  readonly isolatesNetwork: boolean;
  /** Whether CPU time, address space and file size are limited (`prlimit`). */
  readonly limitsResources: boolean;
  /** One line that says what the candidate code can and cannot do. */
  readonly description: string;
}

const works = (command: string, args: readonly string[]) => {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 10_000 });
  return result.error === undefined && result.status === 0;
};

/** The `unshare` arguments that make the namespaces (`--map-root-user` when not root). */
export function unshareArguments(): string[] {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return [
    ...(root ? [] : ['--map-root-user']),
    '--net',
    '--ipc',
    '--uts',
    '--pid',
    '--fork',
    '--kill-child',
    '--mount-proc',
  ];
}

const DESCRIPTIONS: Record<SandboxKind, string> = {
  bubblewrap:
    'Linux namespaces (bubblewrap): read-only system and project, writes only to the staged copy, loopback-only network, own /proc; Node permission model; no secrets in the environment; CPU, memory and file-size limits; killed at the time limit',
  unshare:
    'Linux namespaces (unshare): no network, own /proc; Node permission model (reads of the project and Specl only, writes only to the staged copy); no secrets in the environment; CPU, memory and file-size limits; killed at the time limit',
  permissions:
    'Node permission model only (reads of the project and Specl only, writes only to the staged copy, no child processes); no secrets in the environment; CPU, memory and file-size limits where prlimit exists; killed at the time limit; the network is NOT cut',
};

let detected: SandboxProtection | undefined;

/**
 * The strongest sandbox that works here, found by trying each once (`bwrap`, then
 * `unshare`): what exists is not enough, a container may forbid namespaces.
 */
export function detectSandbox(): SandboxProtection {
  if (detected !== undefined) return detected;
  const limitsResources = works('prlimit', ['--cpu=5', '--', 'true']);
  const linux = process.platform === 'linux';
  const kind: SandboxKind =
    linux && works('bwrap', ['--ro-bind', '/', '/', '--unshare-all', '--die-with-parent', 'true'])
      ? 'bubblewrap'
      : linux && works('unshare', [...unshareArguments(), 'true'])
        ? 'unshare'
        : 'permissions';
  detected = {
    kind,
    isolatesNetwork: kind !== 'permissions',
    limitsResources,
    description: DESCRIPTIONS[kind],
  };
  return detected;
}

/** A sandbox of a given kind (for a weaker one than detected, or in tests). */
export function sandboxOfKind(kind: SandboxKind): SandboxProtection {
  const best = detectSandbox();
  const order: SandboxKind[] = ['bubblewrap', 'unshare', 'permissions'];
  if (order.indexOf(kind) < order.indexOf(best.kind))
    throw new Error(`the ${kind} sandbox does not work here (the strongest is ${best.kind})`);
  return {
    kind,
    isolatesNetwork: kind !== 'permissions',
    limitsResources: best.limitsResources,
    description: DESCRIPTIONS[kind],
  };
}
