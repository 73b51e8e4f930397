import { describe, expect, it } from 'vitest';
import type { Bump, SpecChange, SpecDiff, Verdict } from '@specl/compiler';
import { checkVersion, failsVersionCheck } from '@specl/compiler';

const here = { file: 'api.specl', line: 1, column: 1 };

/** A diff from version `a` to `b` with one change per verdict and bump given. */
function diffOf(a: string, b: string, changes: [Verdict, Bump][]): SpecDiff {
  const list: SpecChange[] = changes.map(([verdict, bump], i) => ({
    kind: 'field-added',
    verdict,
    subject: `T.f${i}`,
    message: 'm',
    reason: 'r',
    bump,
    old: here,
    new: here,
  }));
  const side = (version: string) => ({ name: 'Api', version, fingerprint: `sha256:${version}` });
  return {
    old: side(a),
    new: side(b),
    changes: list,
    summary: { breaking: 0, nonBreaking: 0, unknown: 0 },
  };
}

const breaking: [Verdict, Bump] = ['breaking', 'major'];
const unknown: [Verdict, Bump] = ['unknown', 'major'];
const addition: [Verdict, Bump] = ['non-breaking', 'minor'];
const docs: [Verdict, Bump] = ['non-breaking', 'patch'];

/** Whether a step fails under each policy: [breaking, any, none]. */
function outcomes(a: string, b: string, changes: [Verdict, Bump][]) {
  const check = checkVersion(diffOf(a, b, changes));
  return {
    carried: check.carried,
    needed: check.needed,
    suggested: check.suggested,
    fails: (['breaking', 'any', 'none'] as const).map((policy) => failsVersionCheck(check, policy)),
  };
}

describe('the version check', () => {
  it('asks a major bump of breaking changes, and --fail-on breaking fails without it', () => {
    expect(outcomes('1.2.0', '2.0.0', [breaking, addition])).toEqual({
      carried: 'major',
      needed: 'major',
      suggested: '2.0.0',
      fails: [false, false, false],
    });
    expect(outcomes('1.2.0', '1.3.0', [breaking])).toMatchObject({
      carried: 'minor',
      fails: [true, true, false],
    });
  });

  it('asks a minor bump of compatible changes of the contract and a patch of doc changes', () => {
    expect(outcomes('1.2.0', '1.3.0', [addition, docs])).toMatchObject({
      needed: 'minor',
      fails: [false, false, false],
    });
    expect(outcomes('1.2.0', '1.2.1', [addition])).toMatchObject({
      carried: 'patch',
      suggested: '1.3.0',
      fails: [false, true, false],
    });
    expect(outcomes('1.2.0', '1.2.0', [docs])).toMatchObject({
      carried: 'none',
      needed: 'patch',
      suggested: '1.2.1',
      fails: [false, true, false],
    });
  });

  it('counts unknown changes as breaking under --fail-on any only', () => {
    expect(outcomes('1.2.0', '1.3.0', [unknown])).toMatchObject({
      needed: 'major',
      fails: [false, true, false],
    });
  });

  it('reads 0.y.z as initial development: a breaking change needs the minor version to go up', () => {
    const step = checkVersion(diffOf('0.3.1', '0.3.2', [breaking, addition]));
    expect(step).toMatchObject({
      initialDevelopment: true,
      needed: 'minor',
      neededForBreaking: 'minor',
      suggested: '0.4.0',
      suggestedForBreaking: '0.4.0',
      carried: 'patch',
    });
    expect(failsVersionCheck(step, 'breaking')).toBe(true);
    expect(outcomes('0.3.1', '0.4.0', [breaking])).toMatchObject({ fails: [false, false, false] });
    expect(outcomes('0.3.1', '0.3.2', [addition])).toMatchObject({
      needed: 'patch',
      fails: [false, false, false],
    });
    expect(outcomes('0.9.0', '1.0.0', [breaking])).toMatchObject({ fails: [false, false, false] });
  });

  it('lets a pre-release move on to a later one or its release with any change', () => {
    expect(outcomes('2.0.0-rc.1', '2.0.0', [breaking])).toMatchObject({ carried: 'major' });
    expect(outcomes('2.0.0-rc.2', '2.0.0-rc.10', [breaking])).toMatchObject({
      carried: 'major',
      fails: [false, false, false],
    });
    expect(outcomes('2.0.0-beta', '2.0.0-alpha', [])).toMatchObject({ carried: 'backwards' });
    expect(outcomes('1.2.0', '2.0.0-rc.1', [breaking])).toMatchObject({ carried: 'major' });
  });

  it('fails a version that went backwards when the changes need a bump, not when nothing changed', () => {
    expect(outcomes('1.3.0', '1.2.0', [breaking])).toMatchObject({
      carried: 'backwards',
      fails: [true, true, false],
    });
    expect(outcomes('1.3.0', '1.2.0', [])).toEqual({
      carried: 'backwards',
      needed: undefined,
      suggested: undefined,
      fails: [false, false, false],
    });
  });

  it('ignores build metadata', () => {
    expect(outcomes('1.2.0+build.1', '1.2.0+build.2', [docs])).toMatchObject({
      carried: 'none',
      fails: [false, true, false],
    });
  });
});
