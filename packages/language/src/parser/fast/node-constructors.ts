import type { AstReflection } from 'langium';
import type { Building } from './fast-build-steps.js';

/**
 * An AST type the fast parser's rules build, resolved once from the grammar: the rules hand it
 * to the builders, which find its constructor and its defaults by {@link id} (an index into an
 * array) instead of looking its name up at every node.
 */
export class NodeType {
  private constructor(
    /** The type's name (a node's `$type`). */
    readonly name: string,
    /** A small number, unique in the process, naming the type in the builders' tables. */
    readonly id: number,
  ) {}

  private static readonly byName = new Map<string, NodeType>();

  /** Every `NodeType` made so far, by {@link id}. */
  static all(): NodeType[] {
    return [...NodeType.byName.values()];
  }

  /** The one `NodeType` of name `name`. */
  static named(name: string): NodeType {
    let type = NodeType.byName.get(name);
    if (!type) {
      type = new NodeType(name, NodeType.byName.size);
      NodeType.byName.set(name, type);
    }
    return type;
  }
}

/**
 * A maker of AST nodes of prototype `prototype` from a constructor of their own per AST type,
 * that sets nothing but `$type` (the other properties are added in the order the rules assign
 * them). V8 learns from a constructor's first objects how many properties they take and makes
 * room for them in the object itself: a node is one object of about 90 bytes instead of an
 * `Object.create` one of four fields and a separate, regrown array for the rest (about 120
 * bytes, and twice as slow to build).
 */
export function nodeMaker(
  prototype: object | ((type: NodeType) => object),
): (type: NodeType) => Building {
  const prototypeOf = typeof prototype === 'function' ? prototype : () => prototype;
  const constructors: (new () => Building)[] = [];
  // The constructors of every type known are made at once, at the first node: a type's first
  // node, made later by compiled code that had never made a constructor (nor read past the end
  // of the array), threw that code away.
  const makeAll = (type: NodeType): new () => Building => {
    for (const known of NodeType.all()) {
      constructors[known.id] ??= nodeConstructor(prototypeOf(known));
    }
    return (constructors[type.id] ??= nodeConstructor(prototypeOf(type)));
  };
  return (type) => {
    const id = type.id;
    const constructor = (id < constructors.length ? constructors[id] : undefined) ?? makeAll(type);
    const node = new constructor();
    node.$type = type.name;
    return node;
  };
}

/**
 * For each AST type, a prototype (of a `base` shared by all) holding the type's default values,
 * for the nodes of its type to read instead of holding each its own: `false`, the shared empty
 * list (`EMPTY_LIST`), values nothing changes in place (a node assigned another value holds it
 * itself). Non-enumerable, so that a node's own keys (`Object.keys`, `for...in`, Langium's
 * `streamContents`) are what was assigned, children among them. Langium's parser gives each
 * node its own: a copy of own properties (`AstUtils.copyAstNode`, `JsonSerializer`, a spread)
 * of a node made here leaves the defaults out, which is why only the lazy-CST parse of one-shot
 * tools uses these (see `SpeclServiceOptions.lazyCst`), and nothing in Specl copies its nodes.
 */
export class DefaultsPrototypes {
  private readonly byId: object[] = [];

  constructor(
    private readonly base: object,
    private readonly table: DefaultsTable,
  ) {}

  /** The prototype of the nodes of `type`. */
  of(type: NodeType): object {
    const id = type.id;
    return (id < this.byId.length ? this.byId[id] : undefined) ?? this.make(type);
  }

  private make(type: NodeType): object {
    const defaults = this.table.of(type);
    const properties: PropertyDescriptorMap = {};
    for (let i = 0; i < defaults.names.length; i++) {
      const value = sharedDefault(defaults.values[i]);
      if (value === undefined) continue;
      properties[defaults.names[i]!] = { value, writable: true, enumerable: false };
    }
    const prototype = Object.create(this.base, properties) as object;
    this.byId[type.id] = prototype;
    return prototype;
  }
}

/** The value a default shares between nodes (undefined: each node needs its own). */
function sharedDefault(value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? EMPTY_LIST : undefined;
  return typeof value === 'object' && value !== null ? undefined : value;
}

/** A constructor of its own for the nodes of one type, of prototype `prototype`. */
function nodeConstructor(prototype: object): new () => Building {
  const constructor = function AstNode() {} as unknown as new () => Building;
  constructor.prototype = prototype;
  return constructor;
}

/**
 * The one empty list every node's empty list property holds (Langium gives each node a list of
 * its own): 60,000 type references of `constraints: []` were 60,000 lists of 32 bytes that
 * lived as long as the AST, specl check N = 5,000. Frozen, so that code adding to it fails
 * loudly instead of adding to every node's: the builders make a new list for a first item
 * (`appendItem`, `mergeProperties` of `fast-build-steps.ts`).
 */
export const EMPTY_LIST: readonly unknown[] = Object.freeze([]);

/** A type's properties with a default value: names and values, side by side. */
export interface Defaults {
  readonly names: readonly string[];
  readonly values: readonly unknown[];
}

const NO_DEFAULTS: Defaults = { names: [], values: [] };

/**
 * For each AST type, its properties with a default value (Langium's `assignMandatoryProperties`),
 * read from a reflection once per type and kept by the type's {@link NodeType.id}.
 */
export class DefaultsTable {
  private readonly byId: Defaults[] = [];

  constructor(private readonly reflection: AstReflection) {
    // Every type known read at once: a type's first node, closed by compiled code that had
    // never read a type's defaults (nor past the end of the array), threw that code away.
    for (const type of NodeType.all()) this.read(type);
  }

  /** The defaults of `type`. */
  of(type: NodeType): Defaults {
    // Not read past the end (a type not seen yet), which threw the compiled code away.
    const id = type.id;
    return (id < this.byId.length ? this.byId[id] : undefined) ?? this.read(type);
  }

  private read(type: NodeType): Defaults {
    const names: string[] = [];
    const values: unknown[] = [];
    const properties = this.reflection.getTypeMetaData(type.name).properties;
    for (const name of Object.keys(properties)) {
      const property = properties[name]!;
      if (property.defaultValue === undefined) continue;
      names.push(property.name);
      values.push(property.defaultValue);
    }
    const defaults = names.length === 0 ? NO_DEFAULTS : { names, values };
    this.byId[type.id] = defaults;
    return defaults;
  }
}

const tables = new WeakMap<AstReflection, DefaultsTable>();

/** The one {@link DefaultsTable} of `reflection`. */
export function defaultsTable(reflection: AstReflection): DefaultsTable {
  let table = tables.get(reflection);
  if (!table) tables.set(reflection, (table = new DefaultsTable(reflection)));
  return table;
}
