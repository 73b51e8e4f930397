import type { Bump, SpecDiff } from './spec-change.js';

/** When `specl diff` fails: on breaking changes the version does not carry, on any, or never. */
export type FailOn = 'breaking' | 'any' | 'none';

/** The failure policies, for option parsing. */
export const failOnValues: readonly FailOn[] = ['breaking', 'any', 'none'];

/** What the step from the old version to the new one carries. */
export type CarriedBump = Bump | 'none' | 'backwards';

/** Whether a diff's new version carries the bump its changes need. */
export interface VersionCheck {
  readonly old: string;
  readonly new: string;
  /** The old version is 0.y.z: initial development, read as Cargo and npm's `^` read it. */
  readonly initialDevelopment: boolean;
  /** The bump all the changes need (breaking and unknown ones count as major), if any. */
  readonly needed?: Bump;
  /** The bump the breaking changes need, if there are any. */
  readonly neededForBreaking?: Bump;
  /** The smallest version after the old one that carries `neededForBreaking`. */
  readonly suggestedForBreaking?: string;
  /** What the step from the old version to the new one carries. */
  readonly carried: CarriedBump;
  /** The smallest version after the old one that carries `needed`. */
  readonly suggested?: string;
}

interface Semver {
  readonly major: number;
  readonly minor: number;
  readonly patch: number;
  readonly prerelease: readonly string[];
}

/** Parses `MAJOR.MINOR.PATCH[-pre][+build]` (the checker has already rejected other text). */
export function parseSemver(text: string): Semver | undefined {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(text);
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] ? match[4].split('.') : [],
  };
}

/**
 * Semver precedence of two versions' pre-release identifiers, positive when `b`'s is later: a
 * release is later than its pre-releases; numeric identifiers compare as numbers and come
 * before text ones; a longer list is later when the shorter is its start.
 */
function comparePrerelease(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return a.length - b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    const xNumeric = /^\d+$/.test(x);
    const yNumeric = /^\d+$/.test(y);
    if (xNumeric && yNumeric) return Number(y) - Number(x);
    if (xNumeric !== yNumeric) return xNumeric ? 1 : -1;
    return x < y ? 1 : -1;
  }
  return b.length - a.length;
}

const rank: Record<CarriedBump, number> = { backwards: -1, none: 0, patch: 1, minor: 2, major: 3 };

/**
 * What going from `a` to `b` carries: the highest part of the core version that went up; a step
 * from a pre-release to a later pre-release or to the release of the same version carries
 * everything (semver: a pre-release promises no compatibility); `backwards` when `b` is older.
 */
export function carriedBump(a: Semver, b: Semver): CarriedBump {
  const core = b.major - a.major || b.minor - a.minor || b.patch - a.patch;
  if (core < 0) return 'backwards';
  if (core > 0) {
    if (b.major > a.major) return 'major';
    return b.minor > a.minor ? 'minor' : 'patch';
  }
  const pre = comparePrerelease(a.prerelease, b.prerelease);
  if (pre < 0) return 'backwards';
  return pre > 0 ? 'major' : 'none';
}

/** In 0.y.z every part moves down one: a breaking change needs the minor, the rest the patch. */
const initialDevelopmentBump: Record<Bump, Bump> = {
  major: 'minor',
  minor: 'patch',
  patch: 'patch',
};

function highest(bumps: readonly Bump[]): Bump | undefined {
  if (bumps.length === 0) return undefined;
  return bumps.reduce((x, y) => (rank[y] > rank[x] ? y : x));
}

function nextVersion(a: Semver, bump: Bump): string {
  if (bump === 'major') return `${a.major + 1}.0.0`;
  if (bump === 'minor') return `${a.major}.${a.minor + 1}.0`;
  return `${a.major}.${a.minor}.${a.patch + 1}`;
}

/** Checks a diff's new version against the bump its changes need. */
export function checkVersion(diff: SpecDiff): VersionCheck {
  const a = parseSemver(diff.old.version) ?? { major: 0, minor: 0, patch: 0, prerelease: [] };
  const b = parseSemver(diff.new.version) ?? a;
  const initialDevelopment = a.major === 0;
  const scale = (bump: Bump | undefined) =>
    bump && initialDevelopment ? initialDevelopmentBump[bump] : bump;
  const needed = scale(highest(diff.changes.map((change) => change.bump)));
  const neededForBreaking = scale(
    diff.changes.some((change) => change.verdict === 'breaking') ? 'major' : undefined,
  );
  return {
    old: diff.old.version,
    new: diff.new.version,
    initialDevelopment,
    ...(needed ? { needed, suggested: nextVersion(a, needed) } : {}),
    ...(neededForBreaking
      ? { neededForBreaking, suggestedForBreaking: nextVersion(a, neededForBreaking) }
      : {}),
    carried: carriedBump(a, b),
  };
}

/** Whether a version step carries a bump. */
export function carries(carried: CarriedBump, needed: Bump | undefined): boolean {
  return needed === undefined || rank[carried] >= rank[needed];
}

/**
 * Whether a diff fails under a policy: `breaking` when there are breaking changes and the
 * version does not carry the bump they need; `any` when any change's bump (unknown changes
 * count as breaking) is not carried; `none` never.
 */
export function failsVersionCheck(check: VersionCheck, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const needed = failOn === 'breaking' ? check.neededForBreaking : check.needed;
  return !carries(check.carried, needed);
}
