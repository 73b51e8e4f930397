/** Types of dependency-rules.mjs, for the tests that read the table. */
export interface ForbiddenImport {
  readonly regex: string;
  readonly message: string;
}

export interface PackageRule {
  readonly dir: string;
  readonly name: string;
  readonly ours: readonly string[];
  readonly forbid?: readonly ForbiddenImport[];
}

export interface AreaRule {
  readonly dir: string;
  readonly except?: readonly string[];
  readonly forbid: readonly ForbiddenImport[];
}

export const packages: readonly PackageRule[];
export const areas: readonly AreaRule[];
export const ourNames: readonly string[];
