import { describe, expect, it } from 'vitest';
import { check, error, warning } from '../../helpers/check.js';

// Sources without a `spec` header get one as line 1, so their own first line is line 2.

describe('specl/unknown-constraint', () => {
  it('a misspelt constraint, with did-you-mean', async () => {
    expect(
      await check('type A { x: String { minLenght: 1 }, l: List<Int> { maxItem: 1 } }'),
    ).toEqual([
      error(
        '2:22',
        'minLenght',
        'specl/unknown-constraint',
        'unknown constraint `minLenght`; did you mean `minLength`?',
      ),
      error(
        '2:53',
        'maxItem',
        'specl/unknown-constraint',
        'unknown constraint `maxItem`; did you mean `maxItems`?',
      ),
    ]);
  });

  it('a constraint close to none, listing them all', async () => {
    expect(await check('type A { x: Int { foo: 1 } }')).toEqual([
      error(
        '2:19',
        'foo',
        'specl/unknown-constraint',
        'unknown constraint `foo`; the constraints are min, max, exclusiveMin, exclusiveMax, minLength, maxLength, pattern, minItems, maxItems, unique, and the annotations example, examples, default, deprecated, readOnly, writeOnly',
      ),
    ]);
  });
});

describe('specl/constraint-type-mismatch', () => {
  it('constraints on types they do not fit, at the constraint name', async () => {
    const source =
      'enum S { a }\ntype A { s: String { min: 1 }, n: Int { minLength: 1 }, b: Bool { unique: true }, m: Map<Int> { maxItems: 3 }, e: S { max: 1 } }';
    expect(await check(source)).toEqual([
      error(
        '3:22',
        'min',
        'specl/constraint-type-mismatch',
        '`min` applies to Int and Float, not to String',
      ),
      error(
        '3:41',
        'minLength',
        'specl/constraint-type-mismatch',
        '`minLength` applies to String and the string formats, not to Int',
      ),
      error(
        '3:67',
        'unique',
        'specl/constraint-type-mismatch',
        '`unique` applies to List, not to Bool',
      ),
      error(
        '3:97',
        'maxItems',
        'specl/constraint-type-mismatch',
        '`maxItems` applies to List, not to Map<Int>',
      ),
      error(
        '3:119',
        'max',
        'specl/constraint-type-mismatch',
        '`max` applies to Int and Float, not to S',
      ),
    ]);
  });

  it('values of the wrong kind, at the value', async () => {
    const source = `type A {
  a: Int { min: "a" }
  b: Int { max: true }
  c: Int { min: 1.5 }
  d: String { maxLength: -1 }
  e: String { minLength: 1.5 }
  f: List<Int> { unique: 1 }
  g: String { pattern: 1 }
}`;
    expect(await check(source)).toEqual([
      error('3:17', '"a"', 'specl/constraint-type-mismatch', '`min` takes a number'),
      error('4:17', 'true', 'specl/constraint-type-mismatch', '`max` takes a number'),
      error(
        '5:17',
        '1.5',
        'specl/constraint-type-mismatch',
        '`min` takes a whole number, since the type is Int',
      ),
      error(
        '6:26',
        '-1',
        'specl/constraint-type-mismatch',
        '`maxLength` takes a whole number of 0 or more',
      ),
      error(
        '7:26',
        '1.5',
        'specl/constraint-type-mismatch',
        '`minLength` takes a whole number of 0 or more',
      ),
      error('8:26', '1', 'specl/constraint-type-mismatch', '`unique` takes `true` or `false`'),
      error(
        '9:24',
        '1',
        'specl/constraint-type-mismatch',
        '`pattern` takes a regular expression in a string',
      ),
    ]);
  });

  it('string constraints fit the string formats, number constraints fit Float, and constraints fit optional and element types', async () => {
    const source = `type Pos = Int { min: 1 }
type A {
  u: Uuid { maxLength: 36, pattern: "^[0-9a-f-]+$" }
  d: Date { minLength: 10 }
  f: Float { min: 1.5, exclusiveMax: 1e3 }
  o: Int? { min: 1 }
  l: List<Pos> { maxItems: 3 }
  m: Map<String { maxLength: 3 }>
  n: Int { min: 1e2 }
}`;
    expect(await check(source)).toEqual([]);
  });
});

describe('specl/invalid-pattern', () => {
  it('in a `pattern` constraint, at the string', async () => {
    expect(await check('type A { x: String { pattern: "[a-" } }')).toEqual([
      error(
        '2:31',
        '"[a-"',
        'specl/invalid-pattern',
        'invalid regular expression: /[a-/u: Unterminated character class',
      ),
    ]);
  });
});

describe('specl/duplicate-constraint', () => {
  it('at the second name', async () => {
    expect(await check('type A { x: Int { min: 1, min: 2 } }')).toEqual([
      error('2:27', 'min', 'specl/duplicate-constraint', '`min` is already given; remove one'),
    ]);
  });

  it('one diagnostic for one repeated constraint, not a conflict pinned on another', async () => {
    expect(await check('type A { x: Int { min: 1, max: 3, min: 5 } }')).toEqual([
      error('2:35', 'min', 'specl/duplicate-constraint', '`min` is already given; remove one'),
    ]);
  });
});

describe('specl/constraint-conflict', () => {
  it('numeric bounds with nothing between them, at the later constraint', async () => {
    const source = `type A {
  a: Int { min: 5, max: 1 }
  b: Int { min: -3, max: -5 }
  c: Int { exclusiveMin: 1, exclusiveMax: 2 }
  d: Float { min: 1, exclusiveMax: 1 }
  e: Float { min: 1.5, max: 1.25 }
  f: List<Int { min: 3, max: 1 }>
}`;
    expect(await check(source)).toEqual([
      error(
        '3:20',
        'max: 1',
        'specl/constraint-conflict',
        '`max` contradicts `min`: no value lies between 5 and 1',
      ),
      error(
        '4:21',
        'max: -5',
        'specl/constraint-conflict',
        '`max` contradicts `min`: no value lies between -3 and -5',
      ),
      error(
        '5:29',
        'exclusiveMax: 2',
        'specl/constraint-conflict',
        '`exclusiveMax` contradicts `exclusiveMin`: no value lies between 1 and 2',
      ),
      error(
        '6:22',
        'exclusiveMax: 1',
        'specl/constraint-conflict',
        '`exclusiveMax` contradicts `min`: no value lies between 1 and 1',
      ),
      error(
        '7:24',
        'max: 1.25',
        'specl/constraint-conflict',
        '`max` contradicts `min`: no value lies between 1.5 and 1.25',
      ),
      error(
        '8:25',
        'max: 1',
        'specl/constraint-conflict',
        '`max` contradicts `min`: no value lies between 3 and 1',
      ),
    ]);
  });

  it('lengths and item counts', async () => {
    expect(
      await check(
        'type A { s: String { minLength: 5, maxLength: 2 }\n  l: List<Int> { minItems: 5, maxItems: 2 } }',
      ),
    ).toEqual([
      error(
        '2:36',
        'maxLength: 2',
        'specl/constraint-conflict',
        '`maxLength` contradicts `minLength`: 5 is more than 2',
      ),
      error(
        '3:31',
        'maxItems: 2',
        'specl/constraint-conflict',
        '`maxItems` contradicts `minItems`: 5 is more than 2',
      ),
    ]);
  });

  it('against the constraints of an alias, saying so', async () => {
    expect(
      await check(
        'type Small = Int { max: 3 }\ntype A { x: Small { min: 5 } }\ntype Tiny = Small { min: 4 }',
      ),
    ).toEqual([
      error(
        '3:21',
        'min: 5',
        'specl/constraint-conflict',
        '`min` contradicts `max` (from the alias): no value lies between 5 and 3',
      ),
      error(
        '4:21',
        'min: 4',
        'specl/constraint-conflict',
        '`min` contradicts `max` (from the alias): no value lies between 4 and 3',
      ),
    ]);
  });

  it('in a forall variable', async () => {
    expect(
      await check('property p {\n  forall k: Int { min: 5, max: 1 }\n  expect k > 0\n}'),
    ).toEqual([
      error(
        '3:27',
        'max: 1',
        'specl/constraint-conflict',
        '`max` contradicts `min`: no value lies between 5 and 1',
      ),
    ]);
  });

  it('bounds that leave one value, or that tighten an alias, are fine', async () => {
    const source =
      'type Small = Int { max: 3 }\ntype A { a: Int { min: 5, max: 5 }, b: Int { exclusiveMin: 1, max: 2 }, c: Small { max: 2 }, d: Float { exclusiveMin: 1, exclusiveMax: 2 } }';
    expect(await check(source)).toEqual([]);
  });
});

describe('specl/unsatisfiable-invariant', () => {
  const never = (at: string, text: string, subject: string, reasons: string) =>
    warning(
      at,
      text,
      'specl/unsatisfiable-invariant',
      `this invariant can never hold: \`${subject}\` is limited by ${reasons}; fix the invariant or the constraint`,
    );

  it('`min: 5` with `invariant x < 3`, at the comparison', async () => {
    expect(await check('type A { x: Int { min: 5 }, invariant x < 3 }')).toEqual([
      never('2:39', 'x < 3', 'x', '`min: 5`'),
    ]);
  });

  it('with the number on the left', async () => {
    expect(await check('type A { x: Int { min: 5 }, invariant 3 > x }')).toEqual([
      never('2:39', '3 > x', 'x', '`min: 5`'),
    ]);
  });

  it('len() against maxLength', async () => {
    expect(await check('type A { s: String { maxLength: 3 }, invariant len(s) > 3 }')).toEqual([
      never('2:48', 'len(s) > 3', 'len(s)', '`maxLength: 3`'),
    ]);
  });

  it('len() against minItems', async () => {
    expect(await check('type A { l: List<Int> { minItems: 4 }, invariant len(l) < 2 }')).toEqual([
      never('2:50', 'len(l) < 2', 'len(l)', '`minItems: 4`'),
    ]);
  });

  it('every field with an impossible invariant is reported, not only the first of the record', async () => {
    const source =
      'type A { s: String { maxLength: 3 }, l: List<Int> { minItems: 4 }\n  invariant len(s) > 3\n  invariant len(l) < 2 }';
    expect(await check(source)).toEqual([
      never('3:13', 'len(s) > 3', 'len(s)', '`maxLength: 3`'),
      never('4:13', 'len(l) < 2', 'len(l)', '`minItems: 4`'),
    ]);
  });

  it('two invariants that contradict each other, at the second', async () => {
    expect(await check('type A { x: Int\n  invariant x > 5\n  invariant x < 3 }')).toEqual([
      never('4:13', 'x < 3', 'x', '`x > 5`'),
    ]);
  });

  it('the two sides of one `and`', async () => {
    expect(await check('type A { x: Int, invariant x > -3 and x < -5 }')).toEqual([
      never('2:39', 'x < -5', 'x', '`x > -3`'),
    ]);
  });

  it('an integer strictly between neighbours', async () => {
    expect(await check('type A { x: Int, invariant x > 5 and x < 6 }')).toEqual([
      never('2:38', 'x < 6', 'x', '`x > 5`'),
    ]);
  });

  it('two different equalities', async () => {
    expect(await check('type A { y: Int, invariant y == 5 and y == 6 }')).toEqual([
      never('2:39', 'y == 6', 'y', '`y == 5`'),
    ]);
  });

  it('constraints and an invariant combined, naming them all', async () => {
    expect(
      await check(
        'type D = Int { min: 0, max: 10 }\ntype A { x: D { min: 5 }, invariant x > 3 and x > 10 }',
      ),
    ).toEqual([never('3:47', 'x > 10', 'x', '`min: 0` and `max: 10` and `min: 5` and `x > 3`')]);
  });

  it('an exclusive bound', async () => {
    expect(await check('type A { x: Int { exclusiveMin: 5 }, invariant x <= 5 }')).toEqual([
      never('2:48', 'x <= 5', 'x', '`exclusiveMin: 5`'),
    ]);
  });

  it('in an error body, and in a record that spreads the field in', async () => {
    expect(
      await check(
        'error E 400 { x: Int { min: 5 }, invariant x < 3 }\ntype B { x: Int { min: 0 } }\ntype C { ...B, invariant x < 0 }',
      ),
    ).toEqual([never('2:44', 'x < 3', 'x', '`min: 5`'), never('4:26', 'x < 0', 'x', '`min: 0`')]);
  });

  it('once, in the record that declares it, not again in each record that spreads it', async () => {
    expect(
      await check('type A { x: Int { min: 0 }, invariant x < 0 }\ntype B { ...A, y: Int }'),
    ).toEqual([never('2:39', 'x < 0', 'x', '`min: 0`')]);
  });

  it('no warning for invariants that can hold', async () => {
    const source = `type A {
  a: Int { min: 5 }, b: Int { min: -5 }, c: String { maxLength: 3 }, d: Int { min: 5, max: 5 }
  e: Float, f: Int, g: Int, h: Int { max: 10 }, i: Int { min: 20 }, j: Int { min: 5 }
  invariant a < 6 and a <= 5
  invariant b < -3
  invariant len(c) >= 3 and len(c) <= 3
  invariant d >= 5 and d == 5
  invariant e > 5 and e < 6
  invariant f > 5 or f < 3
  invariant g > 5 and g < 7
  invariant h < i
  invariant not (j < 3)
  invariant j < 3 implies j > 9
}`;
    expect(await check(source)).toEqual([]);
  });
});
