import type { CstNode, GrammarAST } from 'langium';
import { GrammarUtils } from 'langium';
import type { Feature } from './fast-cst-builder.js';
import type { Defaults } from './node-constructors.js';
import { NodeType } from './node-constructors.js';

/** What a data type rule builds while it runs: the text of its tokens. */
export class DataValue {
  value = '';
}

/** An AST node while its rule runs. */
export type Building = Record<string, unknown> & { $type: string; $cstNode?: CstNode };

/**
 * An action of the grammar (`{infer T}`, `{infer T.f=current}`) as the builders run it: the type
 * of the node it makes, and for `{infer T.f=current}` the assignment of the node before it.
 */
export interface ActionStep {
  readonly element: GrammarAST.Action;
  readonly type: NodeType;
  readonly assignment: Feature | undefined;
}

/** The {@link ActionStep} of `action`. */
export function actionStep(action: GrammarAST.Action): ActionStep {
  const type = NodeType.named(GrammarUtils.getTypeName(action));
  const assignment: Feature | undefined =
    action.feature !== undefined && action.operator !== undefined
      ? {
          element: action,
          operator: action.operator as Feature['operator'],
          property: action.feature,
          crossRef: false,
          keyword: false,
          // Every feature has the same properties (one shape for V8).
          expression: false,
        }
      : undefined;
  return { element: action, type, assignment };
}

/**
 * Gives `node` the default values of the properties its rule left unset (`defaults`, those of
 * its type), as Langium does; and its lists of two items or more a copy of exactly their length
 * (a list grown by `push` keeps room for 17 items, about 130 bytes more than a list of three
 * needs, for as long as the AST lives). The items and their order are the same.
 */
export function assignDefaults(defaults: Defaults, node: Building): void {
  // Indexed, not `for...of` (nor destructured): an iterator is made at each loop until the
  // function is optimized, which a single parse of a big file runs a long time without.
  const names = defaults.names;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const current = node[name];
    if (current === undefined) node[name] = copyDefault(defaults.values[i]);
    else if (Array.isArray(current) && current.length > 1) node[name] = current.slice();
  }
}

function copyDefault(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  // Most defaults are an empty list (a type's constraints): a literal, not a `map` call.
  return value.length === 0 ? [] : value.map(copyDefault);
}

/** Whether a value assigned to a property is an AST node. */
export function isBuilding(value: unknown): value is Building {
  return (
    typeof value === 'object' && value !== null && typeof (value as Building).$type === 'string'
  );
}

/**
 * The property part of Langium's `assignWithoutOverride`: `target` (the node a rule called
 * without assignment gives) takes the properties `source` (the caller's node) has and it has not.
 */
export function mergeProperties(target: Building, source: Building | DataValue): void {
  for (const name in source) {
    if (!Object.prototype.hasOwnProperty.call(source, name)) continue;
    const existingValue = (source as Record<string, unknown>)[name];
    const newValue = target[name];
    if (newValue === undefined) {
      target[name] = existingValue;
    } else if (Array.isArray(newValue) && Array.isArray(existingValue)) {
      existingValue.push(...(newValue as unknown[]));
      target[name] = existingValue;
    }
  }
}

/**
 * Assigns `item` to `obj`'s `property` as the grammar's operator says (`=`, `?=`, `+=`), and a
 * node assigned its container. Langium links each node to its container after parsing
 * (`linkContentToContainer`); here when it is assigned, which gives every node the same
 * properties in the same order.
 */
export function assignProperty(
  obj: Building,
  operator: '=' | '+=' | '?=' | undefined,
  property: string,
  item: unknown,
): void {
  const child = isBuilding(item) ? item : undefined;
  switch (operator) {
    case '=':
      obj[property] = item;
      if (child) {
        child.$container = obj;
        child.$containerProperty = property;
      }
      break;
    case '?=':
      obj[property] = true;
      break;
    case '+=': {
      let list = obj[property] as unknown[];
      // A list of one item made as such holds one place (`push` would make room for 17).
      if (!Array.isArray(list)) obj[property] = list = [item];
      else list.push(item);
      if (child) {
        child.$container = obj;
        child.$containerProperty = property;
        child.$containerIndex = list.length - 1;
      }
    }
  }
}
