import { LINE_WIDTH } from './ts-syntax.js';

/**
 * The values of `@specl/runtime` that generated code calls. The compiler does not depend on the
 * runtime (generated code does), so the names are listed here; a test checks that the runtime
 * exports each of them.
 */
export const RUNTIME_HELPERS = [
  'boundedFilter',
  'checkBool',
  'checkBytes',
  'checkConst',
  'checkDate',
  'checkDateTime',
  'checkDecimal',
  'checkEmail',
  'checkEnum',
  'checkFloat',
  'checkInt',
  'checkInt32',
  'checkInt64',
  'checkInvariants',
  'checkJson',
  'checkList',
  'checkMap',
  'checkNullable',
  'checkRefined',
  'checkString',
  'checkTagged',
  'checkUnion',
  'checkUriTemplate',
  'checkUrl',
  'checkUuid',
  'compareValues',
  'deepEqual',
  'edgeArray',
  'edgeDate',
  'edgeDateTime',
  'edgeDouble',
  'edgeInteger',
  'edgeString',
  'inList',
  'isAbsent',
  'isObject',
  'len',
  'matches',
  'mismatch',
  'onlyFields',
  'optionalField',
  'otherFields',
  'relatedValues',
  'requiredField',
  'sameInstant',
] as const;

/** A value of `@specl/runtime` that generated code calls. */
export type RuntimeHelper = (typeof RUNTIME_HELPERS)[number];

/** The types of `@specl/runtime` that generated code names. */
export const RUNTIME_TYPES = [
  'ClientErrorStatus',
  'EndpointContract',
  'Invariant',
  'Outcome',
  'PropertyContract',
  'ServerErrorStatus',
  'ValidationResult',
  'Validator',
] as const;

/** A type of `@specl/runtime` that generated code names. */
export type RuntimeType = (typeof RUNTIME_TYPES)[number];

/** The module generated code imports its helpers from. */
export const RUNTIME_MODULE = '@specl/runtime';

/**
 * The runtime names a generated file uses, collected while it is built, so that it imports
 * exactly those (a file that imports what it does not use fails `noUnusedLocals`).
 */
export class RuntimeImports {
  private readonly values = new Set<RuntimeHelper>();
  private readonly types = new Set<RuntimeType>();

  /** Uses a helper, and answers the name to call it by. */
  helper(name: RuntimeHelper): string {
    this.values.add(name);
    return name;
  }

  /** Uses a type, and answers the name to write it by. */
  type(name: RuntimeType): string {
    this.types.add(name);
    return name;
  }

  /** The import declarations, type names first, each list sorted. */
  declarations(): string[] {
    return [
      ...importDeclaration('import type', this.types),
      ...importDeclaration('import', this.values),
    ];
  }
}

/** `import { a, b } from '...';`, one name a line when that is too long; nothing for no names. */
function importDeclaration(keyword: string, names: ReadonlySet<string>): string[] {
  if (names.size === 0) return [];
  const sorted = [...names].sort();
  const line = `${keyword} { ${sorted.join(', ')} } from '${RUNTIME_MODULE}';`;
  if (line.length <= LINE_WIDTH) return [line];
  return [`${keyword} {`, ...sorted.map((name) => `  ${name},`), `} from '${RUNTIME_MODULE}';`];
}
