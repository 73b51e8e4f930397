import type { SourceLocation, SpecIR, TypeDeclIR, TypeIR } from '../ir/spec-ir.js';
import { ChangeLog } from './change-log.js';
import type { AliasLookup } from './compare-types.js';
import { compareTypes } from './compare-types.js';
import { judgeDelta } from './type-delta.js';
import type { TypeUsage } from './type-usage.js';
import { mergeUsage, typeUsages } from './type-usage.js';

/** What the comparisons of one diff share: both versions, their types, usages and the log. */
export class DiffContext {
  readonly log = new ChangeLog();
  readonly oldTypes: ReadonlyMap<string, TypeDeclIR>;
  readonly newTypes: ReadonlyMap<string, TypeDeclIR>;
  readonly aliases: AliasLookup;
  private readonly oldUsages: Map<string, TypeUsage>;
  private readonly newUsages: Map<string, TypeUsage>;

  /** `before` is the old version, `after` the new one. */
  constructor(
    readonly before: SpecIR,
    readonly after: SpecIR,
  ) {
    this.oldTypes = new Map(before.types.map((type) => [type.name, type]));
    this.newTypes = new Map(after.types.map((type) => [type.name, type]));
    const aliasIn = (types: ReadonlyMap<string, TypeDeclIR>) => (name: string) => {
      const type = types.get(name);
      return type?.kind === 'alias' ? type.type : undefined;
    };
    this.aliases = { old: aliasIn(this.oldTypes), new: aliasIn(this.newTypes) };
    this.oldUsages = typeUsages(before);
    this.newUsages = typeUsages(after);
  }

  /** Where a named type travels in either version. */
  usage(name: string): TypeUsage {
    return mergeUsage(this.oldUsages.get(name), this.newUsages.get(name));
  }

  /** Where a named type travelled in the old version only (for a removed type). */
  oldUsage(name: string): TypeUsage {
    return this.oldUsages.get(name) ?? {};
  }

  /** Where a named type travels in the new version only (for an added type). */
  newUsage(name: string): TypeUsage {
    return this.newUsages.get(name) ?? {};
  }

  /**
   * Reports how a type written at `subject` changed (nothing when it did not), each part with
   * its verdict where the type travels as `usage` says. `owner` is the named type that holds
   * it, if any (for the reason).
   */
  typeChanged(
    a: TypeIR,
    b: TypeIR,
    subject: string,
    at: { readonly old: SourceLocation; readonly new: SourceLocation },
    usage: TypeUsage,
    owner?: string,
  ): void {
    for (const delta of compareTypes(a, b, this.aliases)) {
      const where = `${subject}${delta.part}`;
      this.log.add(
        {
          kind: delta.kind,
          subject: where,
          message: `\`${where}\`: ${delta.message}`,
          old: at.old,
          new: at.new,
        },
        judgeDelta(delta, usage, owner),
        delta.kind === 'type-rewritten' || delta.kind === 'example-changed',
      );
    }
  }
}
