// The second version of a generated benchmark spec (gen-spec.mjs, the `specl check` shape), for
// `specl diff`: the same spec at version 2.0.0 with edits spread evenly through it, and the
// changes `specl diff` must find, counted by kind.
//
// Per 50 types: Thing k loses `note` (k % 50 == 0), narrows `name` to maxLength 100
// (k % 50 == 10), gains an optional `extra` (k % 50 == 20); enum Status k gains `retired`
// (k % 50 == 30). Per 50 endpoint pairs: getThing k is removed (k % 50 == 5) and createThing k
// gains a precondition (k % 50 == 15; odd k, whose endpoints have none and no property calls).
// N / 100 new endpoints are added at the end.

/**
 * @param {string} text the spec generateSpec(n) wrote
 * @param {number} n its N
 * @returns {{ text: string, expected: Record<string, number> }}
 */
export function evolveSpec(text, n) {
  const expected = {};
  const count = (kind) => (expected[kind] = (expected[kind] ?? 0) + 1);
  const out = [];
  let type = -1;
  let skipping = false;
  for (const line of text.split('\n')) {
    if (skipping) {
      if (line === '}') skipping = false;
      continue;
    }
    const typeStart = /^type Thing(\d+) \{$/.exec(line);
    if (typeStart) type = Number(typeStart[1]);
    const enumLine = /^enum Status(\d+) \{ draft, active, archived \}$/.exec(line);
    const getStart = /^endpoint getThing(\d+) GET /.exec(line);
    const createStart = /^endpoint createThing(\d+) POST /.exec(line);
    if (line.startsWith('spec Bench')) {
      out.push(line.replace('version "1.0.0"', 'version "2.0.0"'));
    } else if (enumLine && Number(enumLine[1]) % 50 === 30) {
      out.push(line.replace('archived }', 'archived, retired }'));
      count('enum-member-added');
    } else if (getStart && Number(getStart[1]) % 50 === 5) {
      skipping = true;
      count('endpoint-removed');
    } else if (createStart && Number(createStart[1]) % 50 === 15) {
      out.push(line, '  requires body.count >= 1');
      count('requires-added');
    } else if (line === '  note?: String { maxLength: 500 }' && type % 50 === 0) {
      count('field-removed');
    } else if (line.startsWith('  name: String') && type % 50 === 10) {
      out.push('  name: String { minLength: 1, maxLength: 100 }');
      count('constraint-narrowed');
    } else if (line === '  createdAt: DateTime' && type % 50 === 20) {
      out.push(line, '  extra?: Int { min: 0 }');
      count('field-added');
    } else {
      out.push(line);
    }
    if (line === '}') type = -1;
  }
  for (let i = 0; i < Math.max(1, n / 100); i++) {
    out.push(`endpoint extra${i} GET /extra${i} {`, '  response 200 Thing0', '}', '');
    count('endpoint-added');
  }
  return { text: out.join('\n'), expected };
}
