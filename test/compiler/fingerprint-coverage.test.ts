// What the fingerprint covers: the spec's meaning, with the user's data whole (a key of an
// example named `location` or `…Location` is data, not a source position) and without the
// positions of the IR's own objects.
import { describe, expect, it } from 'vitest';
import { lowerSources } from './openapi/openapi-helpers.js';

async function fingerprint(text: string): Promise<string> {
  const ir = await lowerSources({ '/a.specl': `spec A version "1.0.0"\n${text}` }, '/a.specl');
  return ir.fingerprint;
}

describe('the fingerprint', () => {
  const place =
    'type Place { homeLocation?: String\n location?: Json\n stopLocations?: List<Json> }\n';
  const sample = (annotation: string) => `${place}type Sample = Place { ${annotation} }\n`;
  const meta = (annotation: string) => `type M { meta?: Map<String> { ${annotation} } }\n`;
  it.each([
    [
      'an example',
      sample('example: { homeLocation: "Paris" }'),
      sample('example: { homeLocation: "Rome" }'),
    ],
    [
      'a key named location',
      sample('example: { location: "Paris" }'),
      sample('example: { location: "Rome" }'),
    ],
    [
      'a nested list',
      sample('example: { stopLocations: [{ location: 1 }] }'),
      sample('example: { stopLocations: [{ location: 2 }] }'),
    ],
    [
      'a default',
      meta('default: { homeLocation: "Paris" }'),
      meta('default: { homeLocation: "Rome" }'),
    ],
  ])('changes with the data under keys named like locations: %s', async (_, before, after) => {
    expect(await fingerprint(before)).not.toBe(await fingerprint(after));
  });

  it('changes with the names of the examples of a response', async () => {
    const spec = (name: string) =>
      `type P { at: String }\nendpoint getP GET /p { response 200 P { examples: { ${name}: { at: "x" } } } }\n`;
    expect(await fingerprint(spec('homeLocation'))).not.toBe(
      await fingerprint(spec('workLocation')),
    );
  });

  it("does not change when declarations move (the IR's own locations are left out)", async () => {
    const a = 'type A { x: Int }\ntype B { y: String }\nendpoint getA GET /a { response 200 A }\n';
    const b =
      '\n\ntype B {\n  y: String\n}\n\nendpoint getA GET /a {\n  response 200 A\n}\ntype A { x: Int }\n';
    expect(await fingerprint(a)).toBe(await fingerprint(b));
  });
});
