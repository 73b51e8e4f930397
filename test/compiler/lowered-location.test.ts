// Lowering makes every source location of the IR a LoweredLocation (and `errorLocations` a
// LoweredLocationList), which the fingerprint hides from JSON.stringify by their class rather
// than by their key: a location of another kind would be hashed and change the fingerprint.
// The fingerprint against its definition is shared-lowering.test.ts's; here, the classes
// themselves: where they are, that the user's data holds none, and that their JSON is plain.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SpecIR } from '@specl/compiler';
import { buildSpec, LoweredLocation, LoweredLocationList } from '@specl/compiler';
import { printProject } from '../arbitraries/print-spec.js';
import { specArbitrary } from '../arbitraries/spec-arbitrary.js';
import { lowerFiles, lowerSource } from '../helpers/lower.js';

const EXAMPLES = join(import.meta.dirname, '../../examples');

/** The keys of the user's data in the IR (their values are kept whole by the fingerprint). */
const DATA_KEYS = new Set(['example', 'default', 'examples', 'settings']);

const isLocationKey = (key: string) =>
  key === 'location' || key.endsWith('Location') || key.endsWith('Locations');

/** What a walk of an IR finds: its locations by class, and any out of place. */
interface Found {
  locations: number;
  lists: number;
  misplaced: string[];
}

/** Walks the IR by its keys: a location key holds a lowered location, nothing else does. */
function walk(value: unknown, path: string, data: boolean, found: Found): void {
  if (typeof value !== 'object' || value === null) return;
  if (data) {
    if (value instanceof LoweredLocation || value instanceof LoweredLocationList)
      found.misplaced.push(`${path}: a lowered location in the user's data`);
  } else if (value instanceof LoweredLocation || value instanceof LoweredLocationList) {
    found.misplaced.push(`${path}: a lowered location under a key that is not a location's`);
  }
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, data, found));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (data || !isLocationKey(key)) {
      walk(item, `${path}.${key}`, data || DATA_KEYS.has(key), found);
      continue;
    }
    if (key.endsWith('Locations')) {
      if (!(item instanceof LoweredLocationList))
        found.misplaced.push(`${path}.${key}: not a list`);
      else {
        found.lists++;
        for (const [i, location] of item.entries()) {
          if (location instanceof LoweredLocation) found.locations++;
          else found.misplaced.push(`${path}.${key}[${i}]: not a lowered location`);
        }
      }
    } else if (item instanceof LoweredLocation) found.locations++;
    else found.misplaced.push(`${path}.${key}: not a lowered location`);
  }
}

function locationsOf(ir: SpecIR): Found {
  const found: Found = { locations: 0, lists: 0, misplaced: [] };
  walk(ir, 'ir', false, found);
  return found;
}

describe('the locations lowering makes', () => {
  it('are every location of the IR, and nothing else is one', async () => {
    const ir = await lowerSource(
      [
        'type Place { location: String { example: "here" }, meta: Map<String> { example: { location: "x" } } }',
        'error Gone 410 { reason: String }',
        'endpoint putPlace PUT /places/{id: Int} {',
        '  body Place',
        '  response 200 Place',
        '  errors Gone',
        '  requires body.location != ""',
        '}',
        'endpoint getPlace GET /places/{id: Int} { response 200 Place }',
      ].join('\n'),
    );
    const found = locationsOf(ir);
    expect(found.misplaced).toStrictEqual([]);
    // The spec, 2 types and their 3 fields, 2 endpoints, 2 path parameters, a body, 2
    // responses, an error named, a precondition: 15; one list of error locations an endpoint.
    expect(found.locations).toBe(15);
    expect(found.lists).toBe(2);
  });

  it('are every location of the examples and of random specs', async () => {
    for (const name of ['vacation', 'ach-payments', 'product-similarity']) {
      const build = await buildSpec({ root: join(EXAMPLES, name, `${name}.specl`) });
      expect(locationsOf(build.ir!).misplaced, name).toStrictEqual([]);
    }
    await fc.assert(
      fc.asyncProperty(specArbitrary, async (project) => {
        const ir = await lowerFiles(printProject(project), project.root);
        expect(locationsOf(ir).misplaced).toStrictEqual([]);
      }),
      { seed: 2024, numRuns: 25 },
    );
  });

  it('write the JSON of plain objects and arrays once the fingerprint is made', async () => {
    const ir = await lowerSource(
      'error Gone 410 { reason: String }\nendpoint getA GET /a { response 204\n errors Gone }',
    );
    const endpoint = ir.endpoints[0]!;
    expect(JSON.stringify(endpoint.location)).toBe('{"file":"main.specl","line":3,"column":1}');
    expect(JSON.stringify(endpoint.errorLocations)).toBe(
      '[{"file":"main.specl","line":4,"column":9}]',
    );
    expect(JSON.parse(JSON.stringify(ir))).toEqual(ir);
    // What is made of a list of them is a plain array.
    const lines = endpoint.errorLocations.map((location) => location.line);
    expect(Object.getPrototypeOf(lines)).toBe(Array.prototype);
  });
});
