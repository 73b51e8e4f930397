/**
 * Discriminated unions of a generated spec: `type U = A | B by kind`, two or three of its
 * records, each given its own value of a tag field.
 */
import type { Builder } from './spec-arbitrary.js';
import { freshName, pools, refTo, words } from './spec-names.js';
import type { TypeModel } from './spec-model.js';
import type { RecordInfo } from './spec-values.js';

/**
 * `type U = A | B by kind`: two or three of the records, each given its own value of a tag
 * field, declared in a file that sees them all (before the records' fields, which may name it).
 */
export function taggedUnion(b: Builder, infos: RecordInfo[]): void {
  const g = b.g;
  if (infos.length < 2) return;
  const options = g.shuffle(infos).slice(0, g.int(2, Math.min(3, infos.length)));
  const files = b.files.filter((f) => options.every((o) => b.visible(f, o.file)));
  if (files.length === 0) return;
  const field = g.pick(words('kind type object'));
  const values = new Set<string>();
  for (const o of options) {
    const lower = o.name.toLowerCase();
    // Tags are any strings: names of Object.prototype's members too.
    const pool = [lower, `${lower}.created`, `a "${o.name}"`, 'x-y', '__proto__', 'toString'];
    const value = freshName(g, pool, values);
    o.tag = { field, value };
  }
  const file = g.pick(files);
  const name = freshName(g, pools.alias, b.taken);
  const names = options.map((o) => o.name);
  b.aliases.push({ name, file, rt: { k: 'union', names } });
  b.taggedUnions.push({ name, field, options });
  const type: TypeModel = {
    kind: 'union',
    options: names.map((n) => refTo({ kind: 'named', name: n })),
  };
  b.add(file, { kind: 'alias', name, type, by: field });
}
