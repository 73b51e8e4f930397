import { EmptyFileSystem } from 'langium';
import type { ValidationCheck } from 'langium';
import { describe, expect, it } from 'vitest';
import { createSpeclServices } from '@specl/language';
import { SpeclValidationRegistry } from '../../packages/language/src/validation/specl-validation-registry.js';

/**
 * Specl's registry enters a check under each subtype of its type from a table of subtypes made
 * once, instead of Langium's `getAllSubTypes`: each type must get the checks Langium's lists
 * give it, in the order they were registered.
 */
describe("the validation registry's subtypes", () => {
  const { Specl } = createSpeclServices(EmptyFileSystem);
  const reflection = Specl.shared.AstReflection;
  const types = reflection.getAllTypes();
  const supertypes = new Set(types.flatMap((type) => reflection.getTypeMetaData(type).superTypes));
  const registeredTypes = [...new Set([...types, ...supertypes]), 'AstNode', 'NoSuchType'];

  const registry = new SpeclValidationRegistry(Specl);
  const checkOf = new Map<string, ValidationCheck>();
  for (const type of registeredTypes) {
    const check: ValidationCheck = () => undefined;
    checkOf.set(type, check);
    registry.register({ [type]: check });
  }

  it('has types with supertypes, and supertypes with supertypes, to list', () => {
    expect(types.length).toBeGreaterThan(50);
    const deep = [...supertypes].filter(
      (type) => reflection.getTypeMetaData(type).superTypes.length,
    );
    expect(deep.length).toBeGreaterThan(0);
  });

  it("gives each type the checks of the types Langium's getAllSubTypes lists it under", () => {
    for (const type of [...new Set([...types, ...supertypes]), 'NoSuchType']) {
      const expected = registeredTypes
        .filter((registered) => registered !== 'AstNode')
        .filter((registered) => reflection.getAllSubTypes(registered).includes(type))
        .map((registered) => checkOf.get(registered));
      expected.push(checkOf.get('AstNode'));
      expect(registry.registeredChecks(type).map((entry) => entry.check)).toStrictEqual(expected);
    }
  });
});
