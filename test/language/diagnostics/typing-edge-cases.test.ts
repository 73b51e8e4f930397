import { describe, expect, it } from 'vitest';
import { check, error, warning } from '../../helpers/check.js';

describe('typing edge cases', () => {
  it('an alias used twice in one type is the same type, not a cycle', async () => {
    const source =
      'type Id = Uuid\ntype Ids = Id | List<Id>\ntype R { x: Ids, invariant x == [true] }';
    expect(await check(source)).toEqual([
      error(
        '4:33',
        '[true]',
        'specl/type-mismatch',
        'expected a value comparable with a Uuid | List<Uuid>, but `[true]` is a List<Bool>',
      ),
    ]);
  });

  it('a field read on a union has the type it has in every option', async () => {
    const source =
      'type A { f: Int }\ntype B { f: Float }\ntype R { x: A | B, invariant x.f == 1.5 }';
    expect(await check(source)).toEqual([]);
  });

  it('a quantifier variable that shadows a tested path is not narrowed by the test', async () => {
    const source =
      'type M { name: String }\ntype E2 { m?: M }\n' +
      'type E { x: E2, xs: List<E2>, invariant x.m != null and all x in xs: x.m.name == "n" }';
    expect(await check(source)).toEqual([
      error('4:74', 'name', 'specl/optional-access', '`x.m` may be absent; write `x.m?.name`'),
    ]);
  });

  it('a record reached twice through spreads (a diamond) brings its fields once', async () => {
    const source =
      'type D { id: Int }\ntype B { ...D, b: Int }\ntype C { ...D, c: Int }\ntype A { ...B, ...C }';
    expect(await check(source)).toEqual([]);
  });

  it('`A? | B` may be absent as a whole, and takes null', async () => {
    const source =
      'type A { f: Int }\ntype B { f: Int }\ntype R { x: A? | B, y: Int? | String, invariant y != 1 or y == null }\n' +
      'type S { r: R, invariant r.x.f > 0 }';
    expect(await check(source)).toEqual([
      error('5:30', 'f', 'specl/optional-access', '`r.x` may be absent; write `r.x?.f`'),
    ]);
  });

  it('an alias that reaches itself through a union or a list is recursive', async () => {
    expect(await check('type A = A | Int\ntype T = List<T>')).toEqual([
      error(
        '2:6',
        'A',
        'specl/recursive-alias',
        'alias `A` refers to itself; an alias must end in a type (use a record for recursive data)',
      ),
      error(
        '3:6',
        'T',
        'specl/recursive-alias',
        'alias `T` refers to itself; an alias must end in a type (use a record for recursive data)',
      ),
    ]);
  });

  it('`null ?? 1` is an Int', async () => {
    expect(await check('type R { n: Int, invariant (null ?? 1) + n > 0 }')).toEqual([]);
  });

  it('a quantifier whose collection is unknown still checks its predicate', async () => {
    expect(await check('type R { n: Int, invariant all x in nope: 5 }')).toEqual([
      error('2:37', 'nope', 'specl/unknown-name', 'unknown name `nope`'),
      error('2:43', '5', 'specl/type-mismatch', 'expected a condition (Bool), but `5` is an Int'),
    ]);
  });

  it('an expression over several lines is quoted on one line', async () => {
    const findings = await check('type R { n: Int, invariant (n\n + 1) }');
    expect(findings.map((f) => f.message)).toEqual([
      'expected a condition (Bool), but `(n + 1)` is an Int',
    ]);
  });

  it('an empty enum says it has no members', async () => {
    expect(await check('enum E {}\ntype R { e: E, invariant e == x }')).toEqual([
      error(
        '3:31',
        'x',
        'specl/unknown-name',
        '`x` is not a member of `E`, the enum expected here; it has no members yet: add `x` to it',
      ),
    ]);
  });

  it('a redundant `?.` is one warning, not also an error', async () => {
    expect(await check('type B { x: Int }\ntype A { b: B, invariant b?.x > 0 }')).toEqual([
      warning(
        '3:27',
        '?.',
        'specl/redundant-optional-chain',
        '`b` is never absent; write `.` instead of `?.`',
      ),
    ]);
  });
});

describe('endpoint edge cases', () => {
  it('a nullable path parameter', async () => {
    expect(await check('endpoint g GET /a/{id: Uuid?} { response 204 }')).toEqual([
      error(
        '2:24',
        'Uuid?',
        'specl/invalid-parameter-type',
        'path parameter `id` is always present; remove the `?`',
      ),
    ]);
  });

  it('a status written other than as three digits', async () => {
    expect(await check('endpoint g GET /a { response 2e2 }')).toEqual([
      error(
        '2:30',
        '2e2',
        'specl/status-out-of-range',
        'a response status must be 2xx or 3xx, not 2e2; declare failures as `error`s and list them in `errors`',
      ),
    ]);
  });
});
