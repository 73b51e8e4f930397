import type { CstNode, GrammarAST } from 'langium';
import { GrammarUtils } from 'langium';
import type { Feature } from './fast-cst-builder.js';
import type { Defaults } from './node-constructors.js';
import { EMPTY_LIST, NodeType } from './node-constructors.js';

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
    else if (Array.isArray(current) && current.length > EXACT_LIST_LENGTH)
      node[name] = current.slice();
  }
}

function copyDefault(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  // Most defaults are an empty list (a type's constraints): the shared one, not a `map` call.
  return value.length === 0 ? EMPTY_LIST : value.map(copyDefault);
}

/** Whether a value assigned to a property is an AST node. */
export function isBuilding(value: unknown): value is Building {
  return (
    typeof value === 'object' && value !== null && typeof (value as Building).$type === 'string'
  );
}

/**
 * The longest list {@link appendItem} makes anew at each item, of exactly its length; a longer
 * list grows by `push` (which makes room for 17 items at once) and is copied to its length by
 * {@link assignDefaults}. (A short list {@link mergeProperties} pushed to keeps its room: a new
 * list there, by `concat`, cost 82 M instructions more than it saved, specl check N = 1,000.
 * Keeping every list's items on one stack until their node ended, each list then made once at
 * its length, did not pay either: specl check N = 5,000 allocated 143.5 -> 140.0 MB, but check
 * N = 1,000 ran 2,805.6 -> 2,849.1 M instructions (callgrind) and no less CPU time, session 12.)
 */
const EXACT_LIST_LENGTH = 4;

/**
 * The list `list` (`undefined` before the first item) with `item` added at its end. Up to
 * {@link EXACT_LIST_LENGTH} items it is a new list of exactly its length (most lists of a spec
 * are that short: a list grown by `push` from one item makes room for 17, which
 * {@link assignDefaults} would copy away again); a longer one is `list` itself, pushed to.
 */
function appendItem(list: unknown, item: unknown): unknown[] {
  if (!Array.isArray(list)) return [item];
  switch (list.length) {
    case 0:
      return [item];
    case 1:
      return [list[0], item];
    case 2:
      return [list[0], list[1], item];
    case 3:
      return [list[0], list[1], list[2], item];
    default:
      list.push(item);
      return list;
  }
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
      // An empty list may be the shared {@link EMPTY_LIST}: nothing is added to it.
      if (newValue.length === 0) {
        target[name] = existingValue;
      } else if (existingValue.length === 0) {
        target[name] = newValue;
      } else {
        existingValue.push(...(newValue as unknown[]));
        target[name] = existingValue;
      }
    }
  }
}

/**
 * Assigns `item` to `obj`'s `property` as the grammar's operator says (`=`, `?=`, `+=`), and a
 * node assigned its container. Langium links each node to its container after parsing
 * (`linkContentToContainer`); here when it is assigned, which gives every node the same
 * properties in the same order. With `ownContainerPlace` false (nodes of prototype
 * `lazyAstNodePrototype`, which works them out from the container when asked) a node is given
 * no `$containerProperty` nor `$containerIndex` of its own.
 */
export function assignProperty(
  obj: Building,
  operator: '=' | '+=' | '?=' | undefined,
  property: string,
  item: unknown,
  ownContainerPlace = true,
): void {
  const child = isBuilding(item) ? item : undefined;
  switch (operator) {
    case '=':
      obj[property] = item;
      if (child) {
        child.$container = obj;
        if (ownContainerPlace) child.$containerProperty = property;
      }
      break;
    case '?=':
      obj[property] = true;
      break;
    case '+=': {
      const list = appendItem(obj[property], item);
      obj[property] = list;
      if (child) {
        child.$container = obj;
        if (ownContainerPlace) {
          child.$containerProperty = property;
          child.$containerIndex = list.length - 1;
        }
      }
    }
  }
}
