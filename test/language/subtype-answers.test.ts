import { describe, expect, it } from 'vitest';
import { SpeclAstReflection, reflection } from '../../packages/language/src/generated/ast.js';
import { answerSubtypesFromMaps } from '../../packages/language/src/util/subtype-answers.js';
import '../../packages/language/src/specl-module.js';

// The generated predicates (`isX`) ask a reflection whose `isSubtype` answers from maps; it must
// answer as Langium's, for every pair of types, asked in any order and again.
describe('subtype answers from maps', () => {
  const types = new SpeclAstReflection().getAllTypes();
  const langiumAnswers = (): boolean[] => {
    const langium = new SpeclAstReflection();
    return types.flatMap((sub) => types.map((sup) => langium.isSubtype(sub, sup)));
  };

  it("answers every pair of types as Langium's reflection, twice", () => {
    const mapped = new SpeclAstReflection();
    answerSubtypesFromMaps(mapped);
    const expected = langiumAnswers();
    expect(expected.filter(Boolean).length).toBeGreaterThan(types.length);
    for (let round = 0; round < 2; round++) {
      expect(types.flatMap((sub) => types.map((sup) => mapped.isSubtype(sub, sup)))).toEqual(
        expected,
      );
    }
  });

  it('answers a pair asked first through its supertype chain as Langium does', () => {
    const mapped = new SpeclAstReflection();
    answerSubtypesFromMaps(mapped);
    // Backwards: the answers of the deepest types are made while others are cached.
    const backwards = [...types].reverse();
    const answers = backwards.flatMap((sub) => backwards.map((sup) => mapped.isSubtype(sub, sup)));
    expect(answers.reverse()).toEqual(langiumAnswers());
  });

  it("is the generated predicates' reflection once the language is loaded", () => {
    expect(Object.prototype.hasOwnProperty.call(reflection, 'isSubtype')).toBe(true);
    expect(Object.prototype.hasOwnProperty.call(new SpeclAstReflection(), 'isSubtype')).toBe(false);
  });
});
