import type { TypeIR } from '../../ir/spec-ir.js';
import type { RuntimeHelper } from '../typescript/runtime-imports.js';
import { tsString } from '../typescript/ts-syntax.js';
import type { Effective } from './arbitrary-constraints.js';
import {
  NONE,
  doubleArbitrary,
  integerArbitrary,
  isNone,
  join,
  options,
} from './arbitrary-constraints.js';

import type { PropertiesContext } from './properties-context.js';
import { isGround } from './ground-ranks.js';
import { holdsCollections, mentions } from './type-mentions.js';

/** `Int32`'s range, joined to its written bounds. */
const INT32_RANGE = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** The decimals generated for `Decimal`: up to 12 digits, and up to 4 after the point. */
const DECIMAL_SHAPE = '/^-?(0|[1-9]\\d{0,11})(\\.\\d{1,4})?$/';

/**
 * The URI templates generated for `UriTemplate`: up to three literal pieces and expressions
 * (`/r/{owner}{?page,q}`), each expression with an operator or none; short, so that a
 * `maxLength` rarely filters them out.
 */
const URI_TEMPLATE_SHAPE =
  '/^(?:[a-z0-9/.:-]{1,8}|\\{[+#./;?&]?[a-z_][a-z0-9_]{0,5}(?:,[a-z_][a-z0-9_]{0,5})?\\*?\\}){0,3}$/';

/** A constant's code (`"card"`, `3`, `true`). */
function constantCode(value: string | number | boolean): string {
  return typeof value === 'string' ? tsString(value) : String(value);
}

/** The depth a recursive type starts from, in the generated module. */
export const MAX_DEPTH = 'MAX_DEPTH';

/**
 * The most items a list or map takes where it leads back to recursion (or its `minItems`, if
 * more): with every level multiplying the values below it, wider lists grow trees without bound.
 */
const RECURSIVE_FAN_OUT = 3;

/**
 * How far beyond its `minItems` the length of a list is spread (and its boundary lengths
 * reached) where lengths multiply: a list whose items can hold lists or maps, or a list within
 * a recursive type (every level of which holds it again). Elsewhere a list spreads up to the
 * runtime's own cap (256): a list of 256 lists of 256 records each is 65,536 records, and a
 * recursive record holding such lists held them at every level (values of megabytes).
 */
const NESTED_SPREAD = 8;

/**
 * Writes fast-check arbitraries for types as written. Inside a recursive type's builder (the
 * `owner`), `depth` is the code of the recursion depth left: entering any recursive type spends
 * one level (one of a lower ground rank is entered at depth 0 too, never below), and at the
 * bottom (depth 0) every position that may be empty (a nullable type, a list without
 * `minItems`, a map, an optional field) takes its empty form and a union keeps the options that
 * are ground below the owner's rank. Required parts are always ground in lower ranks, so at the
 * bottom generation only goes down in rank: it always ends, and never builds an arbitrary from
 * itself. Every level spent counts (a step down in rank once kept its level, so each round of a
 * cycle through several ranks multiplied the values below it without spending any), and lists
 * and maps that lead to recursion take at most a few items, outside recursive types too.
 */
export class ArbitraryWriter {
  /**
   * `direction` `'request'` writes named types as requests carry them (without their readOnly
   * fields), through their request builders.
   */
  constructor(
    private readonly context: PropertiesContext,
    private readonly owner?: string,
    readonly direction?: 'request',
  ) {}

  /** Whether generating a type may recurse (mentions a recursive named type). */
  recurses(type: TypeIR): boolean {
    return mentions(type).some((name) => this.context.recursive.has(name));
  }

  /** Whether a type can be generated at the bottom from types ranked below the owner. */
  private groundBelowOwner(type: TypeIR): boolean {
    const rank = this.owner === undefined ? undefined : this.context.ranks.get(this.owner);
    if (rank === undefined) return true;
    const below = new Set(
      [...this.context.ranks].filter(([, r]) => r < rank).map(([name]) => name),
    );
    return isGround(type, below, this.context.types);
  }

  /**
   * The arbitrary of a header's value: HTTP carries only visible ASCII there (and trims the
   * ends), so plain strings are drawn from `!` to `~` and other strings are kept to them; a
   * required header is never empty (an empty header reads as a missing one).
   */
  headerValue(type: TypeIR, required = true): string {
    const resolved = type.kind === 'ref' ? this.context.types.get(type.name) : undefined;
    const plain = resolved?.kind === 'alias' ? resolved.type : type;
    const least = required ? 1 : 0;
    if (plain.kind === 'primitive' && plain.name === 'String') {
      const c = join(plain.constraints, type.kind === 'ref' ? join(type.constraints, NONE) : NONE);
      if (c.patterns.length === 0) {
        const unit =
          'fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code))';
        const minLength = Math.max(c.minLength ?? 0, least) || undefined;
        return `fc.string(${options({ unit, minLength, maxLength: c.maxLength })})`;
      }
    }
    // `as string`: an enum's value narrowed to its members would make `!== ''` a type error.
    const empty = required ? "(value as string) !== '' && " : '';
    return `${this.of(type)}.filter((value) => typeof value !== 'string' || (${empty}/^[\x21-\x7e]*$/.test(value)))`;
  }

  /** Caps the items of a list or map that leads back to recursion (see RECURSIVE_FAN_OUT). */
  private fanOut(type: TypeIR, c: Effective): Effective {
    if (!this.recurses(type)) return c;
    const cap = Math.max(c.minItems ?? 0, RECURSIVE_FAN_OUT);
    return { ...c, maxItems: Math.min(c.maxItems ?? cap, cap) };
  }

  /** `depth > 0 ? deeper : empty` when the position leads back to recursion, else `deeper`. */

  private cut(
    type: TypeIR,
    depth: string | undefined,
    write: (d?: string) => string,
    empty: string,
  ) {
    if (depth === undefined || !this.recurses(type)) return write(depth);
    return `(${depth} > 0 ? ${write(depth)} : ${empty})`;
  }

  /** The arbitrary of a type, its values meeting `outer` constraints as well as its own. */
  of(type: TypeIR, depth?: string, outer: Effective = NONE): string {
    switch (type.kind) {
      case 'primitive':
        if (type.constraints.const !== undefined)
          return `fc.constant(${constantCode(type.constraints.const)})`;
        return this.primitive(type.name, join(type.constraints, outer));
      case 'list':
        return this.list(type, depth, this.fanOut(type, join(type.constraints, outer)));
      case 'map': {
        const c = this.fanOut(type, join(type.constraints, outer));
        const keys = options({ minKeys: c.minItems, maxKeys: c.maxItems, noNullPrototype: 'true' });
        const write = (d?: string) =>
          `fc.dictionary(fc.string(), ${this.of(type.value, d)}, ${keys})`;
        return (c.minItems ?? 0) > 0
          ? write(depth)
          : this.cut(type, depth, write, 'fc.constant({})');
      }
      case 'ref':
        return this.ref(type, depth, join(type.constraints, outer));
      case 'union':
        return this.union(type.options, depth, outer);
      case 'nullable': {
        const write = (d?: string) => `fc.option(${this.of(type.inner, d, outer)}, { nil: null })`;
        return this.cut(type, depth, write, 'fc.constant(null)');
      }
    }
  }

  private ref(type: Extract<TypeIR, { kind: 'ref' }>, depth: string | undefined, c: Effective) {
    const decl = this.context.types.get(type.name);
    if (decl?.kind === 'alias' && !isNone(c)) return this.of(decl.type, depth, c);
    const builder =
      this.direction === 'request'
        ? this.context.requestBuilder(type.name)
        : this.context.builder(type.name);
    if (!this.context.recursive.has(type.name)) return `${builder}()`;
    if (depth === undefined) return `${builder}(${MAX_DEPTH})`;
    const { ranks } = this.context;
    const lower = this.owner !== undefined && ranks.get(type.name)! < ranks.get(this.owner)!;
    // A type of lower rank is entered at the bottom too (it is what required parts are built
    // from), so its level is spent down to 0, not below.
    return lower ? `${builder}(Math.max(${depth} - 1, 0))` : `${builder}(${depth} - 1)`;
  }

  private union(options: readonly TypeIR[], depth: string | undefined, outer: Effective) {
    const seen = new Set<string>();
    const distinct = options.filter((option) => {
      const key = JSON.stringify(option);
      return !seen.has(key) && seen.add(key);
    });
    const oneOf = (list: readonly TypeIR[]) => {
      const arbitraries = list.map((option) => this.of(option, depth, outer));
      return arbitraries.length === 1 ? arbitraries[0]! : `fc.oneof(${arbitraries.join(', ')})`;
    };
    if (depth === undefined || !distinct.some((option) => this.recurses(option)))
      return oneOf(distinct);
    const bottom = distinct.filter((option) => this.groundBelowOwner(option));
    if (bottom.length === 0 || bottom.length === distinct.length) return oneOf(distinct);
    return `(${depth} > 0 ? ${oneOf(distinct)} : ${oneOf(bottom)})`;
  }

  private list(type: Extract<TypeIR, { kind: 'list' }>, depth: string | undefined, c: Effective) {
    const helper = (name: RuntimeHelper) => this.context.imports.helper(name);
    const write = (d?: string) => {
      const element = this.of(type.element, d);
      const capped = (c.maxItems ?? Infinity) > (c.minItems ?? 0) + NESTED_SPREAD;
      const multiplies =
        capped && (this.owner !== undefined || holdsCollections(type.element, this.context.types));
      const bounds = {
        minLength: c.minItems,
        maxLength: c.maxItems,
        comparator: c.unique === true ? helper('deepEqual') : undefined,
        spread: multiplies ? NESTED_SPREAD : undefined,
      };
      return `${helper('edgeArray')}(${element}${wrapOptions(bounds)})`;
    };
    return (c.minItems ?? 0) > 0
      ? write(depth)
      : this.cut(type, depth, write, 'fc.constant([] as never[])');
  }

  private primitive(name: Extract<TypeIR, { kind: 'primitive' }>['name'], c: Effective): string {
    const helper = (name: RuntimeHelper) => this.context.imports.helper(name);
    switch (name) {
      case 'Int':
        return integerArbitrary(c, helper('edgeInteger'));
      case 'Float':
        return doubleArbitrary(c, helper('edgeDouble'));
      case 'Bool':
        return 'fc.boolean()';
      case 'String': {
        if (c.patterns.length === 0)
          return `${helper('edgeString')}(${options({ minLength: c.minLength, maxLength: c.maxLength })})`;
        const [first, ...others] = c.patterns;
        return this.filtered(`fc.stringMatching(new RegExp(${tsString(first!)}, 'u'))`, {
          ...c,
          patterns: others,
        });
      }
      case 'Uuid':
        return this.filtered('fc.uuid()', c);
      case 'Email':
        return this.filtered('fc.emailAddress()', c);
      case 'Url':
        return this.filtered('fc.webUrl()', c);
      case 'Date':
        return this.filtered(`${helper('edgeDate')}()`, c);
      case 'DateTime':
        return this.filtered(`${helper('edgeDateTime')}()`, c);
      case 'Bytes':
        return 'fc.uint8Array({ maxLength: 64 })';
      case 'Int32':
        return integerArbitrary(join(INT32_RANGE, c), helper('edgeInteger'));
      case 'Int64':
        return integerArbitrary(c, helper('edgeInteger'));
      case 'Decimal':
        return this.filtered(`fc.stringMatching(${DECIMAL_SHAPE})`, c);
      case 'UriTemplate':
        return this.filtered(`fc.stringMatching(${URI_TEMPLATE_SHAPE})`, c);
      case 'Json':
        // Through JSON and back, as a server would answer it (`-0` becomes `0`).
        return 'fc.jsonValue({ maxDepth: 2 }).map((v): unknown => JSON.parse(JSON.stringify(v)))';
    }
  }

  /**
   * A string arbitrary kept to lengths and patterns by filtering: used for formats and for a
   * second pattern, whose generators know no lengths (cheap for the lengths Specl specs use).
   */
  private filtered(base: string, c: Effective): string {
    const helper = (name: RuntimeHelper) => this.context.imports.helper(name);
    const tests: string[] = [];
    if (c.minLength !== undefined) tests.push(`${helper('len')}(s) >= ${c.minLength}`);
    if (c.maxLength !== undefined) tests.push(`${helper('len')}(s) <= ${c.maxLength}`);
    for (const pattern of c.patterns) tests.push(`${helper('matches')}(s, ${tsString(pattern)})`);
    return tests.length === 0 ? base : `${base}.filter((s) => ${tests.join(' && ')})`;
  }
}

function wrapOptions(entries: Record<string, string | number | undefined>): string {
  const text = options(entries);
  return text === '' ? '' : `, ${text}`;
}
