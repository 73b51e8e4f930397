import type { AliasIR, TypeDeclIR } from './spec-ir.js';

/** The named types of a spec, by name. */
type Types = ReadonlyMap<string, TypeDeclIR>;

/**
 * The tag of one option of a discriminated union: the string constant its field `field` holds
 * (the option named through aliases, each alias once). Undefined when the option is not a
 * record with that field a string constant, which the checker reports.
 */
export function tagOf(name: string, field: string, types: Types): string | undefined {
  const seen = new Set<string>();
  let decl = types.get(name);
  while (decl?.kind === 'alias' && decl.type.kind === 'ref' && !seen.has(decl.name)) {
    seen.add(decl.name);
    decl = types.get(decl.type.name);
  }
  if (decl?.kind !== 'record' && decl?.kind !== 'error') return undefined;
  let type = decl.fields.find((f) => f.name === field)?.type;
  // A tag written through aliases of a constant (`type CardTag = "card"`).
  const aliases = new Set<string>();
  while (type?.kind === 'ref' && !aliases.has(type.name)) {
    aliases.add(type.name);
    const target = types.get(type.name);
    type = target?.kind === 'alias' ? target.type : undefined;
  }
  const value = type?.kind === 'primitive' ? type.constraints.const : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** A discriminated union's options as `[tag, option's type name]`, in the order written. */
export function discriminatorMapping(decl: AliasIR, types: Types): [string, string][] {
  if (decl.discriminator === undefined) return [];
  const options = decl.type.kind === 'union' ? decl.type.options : [decl.type];
  return options.flatMap((option): [string, string][] => {
    if (option.kind !== 'ref') return [];
    const tag = tagOf(option.name, decl.discriminator!, types);
    return tag === undefined ? [] : [[tag, option.name]];
  });
}
