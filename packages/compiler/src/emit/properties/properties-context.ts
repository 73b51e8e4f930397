import type { SpecIR, TypeDeclIR } from '../../ir/spec-ir.js';
import { directionalTypes } from '../../ir/directional-types.js';
import { RuntimeImports } from '../typescript/runtime-imports.js';
import type { TypeScriptNames } from '../typescript/ts-names.js';
import { typeScriptNames } from '../typescript/ts-names.js';
import { groundRanks } from './ground-ranks.js';
import { mentions } from './type-mentions.js';

/** The names `properties.ts` imports from `./types.js`, collected as it is written. */
export class TypesImports {
  private readonly values = new Set<string>();
  private readonly types = new Set<string>();

  /** Uses a value of `types.ts` (a validator, a table of invariants). */
  value(name: string): string {
    this.values.add(name);
    return name;
  }

  /** Uses a type of `types.ts`. */
  type(name: string): string {
    this.types.add(name);
    return name;
  }

  /** The import declarations, types first, names sorted. */
  declarations(): string[] {
    const line = (keyword: string, names: ReadonlySet<string>) =>
      names.size === 0 ? [] : [`${keyword} { ${[...names].sort().join(', ')} } from './types.js';`];
    return [...line('import type', this.types), ...line('import', this.values)];
  }
}

/** What every section of `properties.ts` is written with. */
export interface PropertiesContext {
  readonly ir: SpecIR;
  readonly types: ReadonlyMap<string, TypeDeclIR>;
  readonly names: TypeScriptNames;
  readonly imports: RuntimeImports;
  readonly fromTypes: TypesImports;
  /** The named types that can reach themselves: their arbitraries take a depth. */
  readonly recursive: ReadonlySet<string>;
  /** Every named type's ground rank (see {@link groundRanks}). */
  readonly ranks: ReadonlyMap<string, number>;
  /** The function that builds a named type's arbitrary (`sized<Name>`). */
  builder(name: string): string;
  /**
   * The function that builds a named type's arbitrary as a request carries it, without its
   * readOnly fields (`sized<Name>$request`, a name no Specl type can take), for the types
   * that differ in requests; the plain builder for the others.
   */
  requestBuilder(name: string): string;
  /**
   * The types whose request builders were asked for so far (by {@link requestBuilder}): only
   * those are written, so that `properties.ts` declares nothing it does not use.
   */
  readonly requestBuildersUsed: ReadonlySet<string>;
  /** The exported arbitrary of a named type (`arbitraryOf<Name>`). */
  arbitrary(name: string): string;
}

/** The named types a declaration mentions directly. */
function mentionsOf(decl: TypeDeclIR): string[] {
  switch (decl.kind) {
    case 'enum':
      return [];
    case 'alias':
      return mentions(decl.type);
    default:
      return [
        ...decl.fields.flatMap((field) => mentions(field.type)),
        ...(decl.openFields ? mentions(decl.openFields) : []),
      ];
  }
}

/** The named types that can reach themselves through the types they mention. */
function recursiveTypes(ir: SpecIR): Set<string> {
  const edges = new Map(ir.types.map((decl) => [decl.name, mentionsOf(decl)]));
  const reaches = (from: string, target: string): boolean => {
    const seen = new Set<string>();
    const stack = [...(edges.get(from) ?? [])];
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (name === target) return true;
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...(edges.get(name) ?? []));
    }
    return false;
  };
  return new Set(ir.types.filter((decl) => reaches(decl.name, decl.name)).map((d) => d.name));
}

/** A fresh context for one `properties.ts`. */
export function propertiesContext(ir: SpecIR): PropertiesContext {
  const types = new Map(ir.types.map((decl) => [decl.name, decl]));
  const requestTypes = directionalTypes(ir, 'request');
  const requestBuildersUsed = new Set<string>();
  return {
    ir,
    types,
    ranks: groundRanks(types),
    names: typeScriptNames(ir),
    imports: new RuntimeImports(),
    fromTypes: new TypesImports(),
    recursive: recursiveTypes(ir),
    builder: (name) => `sized${name}`,
    requestBuilder: (name) => {
      if (!requestTypes.has(name)) return `sized${name}`;
      requestBuildersUsed.add(name);
      return `sized${name}$request`;
    },
    requestBuildersUsed,
    arbitrary: (name) => `arbitraryOf${name}`,
  };
}
