import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitTypes, propertiesModule } from '@specl/compiler';
import { specArbitrary } from '../../arbitraries/spec-arbitrary.js';
import { lowerProject } from '../../helpers/lower.js';
import { lower, typeCheck, vacationIr } from '../typescript/typescript-helpers.js';

describe('properties.ts', () => {
  it('compiles under strict TypeScript beside types.ts', async () => {
    const ir = await vacationIr();
    const types = emitTypes(ir, {})[0]!.content;
    expect(typeCheck('properties', types, { 'properties.ts': propertiesModule(ir) })).toBe('');
  });

  it('compiles under strict TypeScript: an open recursive record, a property of one input', async () => {
    // Found by the random specs: the empty list at the bottom was typed `readonly []`, which
    // an open record's `{ ...others, ...own }` kept, and a list field does not take; and a
    // property of one input imported `relatedValues` without using it (with no request body
    // to use it either).
    const ir = await lower(
      [
        'type Node { children: List<Node>, ...Map<Int> }',
        'endpoint ping GET /ping { response 200 Int }',
        'property pings {',
        '  forall n: Int',
        '  let answered = ping()',
        '  expect answered != n or answered == n',
        '}',
      ].join('\n'),
    );
    const types = emitTypes(ir, {})[0]!.content;
    const properties = propertiesModule(ir);
    expect(properties).toContain('fc.constant([] as never[])');
    expect(properties).not.toContain('relatedValues');
    expect(typeCheck('properties-open', types, { 'properties.ts': properties })).toBe('');
  });

  it('compiles under strict TypeScript: a call of an endpoint that also declares 3xx answers', async () => {
    // Found by the random specs: a call's value and `response` in `ensures` were typed with
    // the 3xx bodies too (`A | number`), though a call without `try` needs a 2xx.
    const ir = await lower(
      [
        'type A { x: Int }',
        'endpoint e GET /e {',
        '  response 200 A',
        '  response 301 Int',
        '  response 304',
        '  ensures response.x >= 0',
        '}',
        'property p {',
        '  let r = e()',
        '  expect r.x >= 0',
        '}',
      ].join('\n'),
    );
    const types = emitTypes(ir, {})[0]!.content;
    const properties = propertiesModule(ir);
    expect(typeCheck('properties-3xx', types, { 'properties.ts': properties })).toBe('');
  });

  it('compiles under strict TypeScript for random specs', async () => {
    // One tsc run for all: the first spec's files at the top, each other's in a folder
    // `random<index>` (tsc's messages name it).
    const files: Record<string, string> = {};
    for (const [index, project] of fc.sample(specArbitrary, { seed: 8, numRuns: 6 }).entries()) {
      const ir = await lowerProject(project);
      const folder = index === 0 ? '' : `random${index}/`;
      files[`${folder}types.ts`] = emitTypes(ir, {})[0]!.content;
      files[`${folder}properties.ts`] = propertiesModule(ir);
    }
    const { 'types.ts': first, ...others } = files;
    expect(typeCheck('properties-random', first!, others)).toBe('');
  }, 120_000);

  it('is the same text on every emit', async () => {
    expect(propertiesModule(await vacationIr())).toBe(propertiesModule(await vacationIr()));
    for (const project of fc.sample(specArbitrary, { seed: 5, numRuns: 10 })) {
      const text = propertiesModule(await lowerProject(project));
      expect(propertiesModule(await lowerProject(project))).toBe(text);
    }
  });
});
