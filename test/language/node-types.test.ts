import type { GrammarAST } from 'langium';
import { AstUtils, EmptyFileSystem, GrammarAST as G, GrammarUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Building } from '../../packages/language/src/parser/fast/fast-build-steps.js';
import {
  actionStep,
  assignDefaults,
  assignProperty,
  mergeProperties,
} from '../../packages/language/src/parser/fast/fast-build-steps.js';
import { GrammarFeatures } from '../../packages/language/src/parser/fast/grammar-features.js';
import {
  DefaultsPrototypes,
  EMPTY_LIST,
  NodeType,
  defaultsTable,
} from '../../packages/language/src/parser/fast/node-constructors.js';
import { createSpeclServices } from '../../packages/language/src/specl-module.js';

// The fast parser's builders read each AST type's defaults and each action's type from tables
// made once from the grammar and the reflection (NodeType, DefaultsTable, ActionStep): they must
// say what Langium's own reading of the grammar says.
const services = createSpeclServices(EmptyFileSystem);
const grammar = services.Specl.Grammar;
const reflection = services.shared.AstReflection;

describe('the fast parser’s node types', () => {
  it('one NodeType per name, each with its own number', () => {
    const names = reflection.getAllTypes();
    const types = names.map((name) => NodeType.named(name));
    expect(types.map((type) => type.name)).toEqual(names);
    expect(new Set(types.map((type) => type.id)).size).toBe(names.length);
    for (const name of names) expect(NodeType.named(name)).toBe(types[names.indexOf(name)]);
  });

  it('each parser rule’s NodeType is the type Langium gives the rule', () => {
    const features = new GrammarFeatures(grammar);
    let rules = 0;
    for (const rule of grammar.rules) {
      if (!G.isParserRule(rule) || rule.fragment) continue;
      const expected = GrammarUtils.isDataTypeRule(rule)
        ? rule.name
        : (GrammarUtils.getExplicitRuleType(rule) ?? rule.name);
      expect(features.nodeType(rule.name).name, rule.name).toBe(expected);
      rules++;
    }
    expect(rules).toBeGreaterThan(50);
  });

  it('each type’s defaults are the properties Langium gives a default, in its order', () => {
    const table = defaultsTable(reflection);
    expect(defaultsTable(reflection)).toBe(table);
    let withDefaults = 0;
    for (const name of reflection.getAllTypes()) {
      const properties = Object.values(reflection.getTypeMetaData(name).properties).filter(
        (property) => property.defaultValue !== undefined,
      );
      const defaults = table.of(NodeType.named(name));
      expect(defaults.names, name).toEqual(properties.map((property) => property.name));
      expect(defaults.values, name).toEqual(properties.map((property) => property.defaultValue));
      if (properties.length > 0) withDefaults++;
      // A node given nothing gets every default; an empty list is the shared frozen one, any
      // other list one of its own.
      const node = { $type: name } as Building;
      assignDefaults(defaults, node);
      const again = { $type: name } as Building;
      assignDefaults(defaults, again);
      for (const property of properties) {
        expect(node[property.name], `${name}.${property.name}`).toEqual(property.defaultValue);
        const value = node[property.name];
        if (Array.isArray(value) && value.length === 0) {
          expect(value).toBe(EMPTY_LIST);
          expect(Object.isFrozen(value)).toBe(true);
        } else if (Array.isArray(value)) {
          expect(value).not.toBe(again[property.name]);
        }
      }
    }
    expect(withDefaults).toBeGreaterThan(10);
  });

  it('each type’s prototype holds its defaults, hidden from Object.keys, shadowed when set', () => {
    const base = {};
    const prototypes = new DefaultsPrototypes(base, defaultsTable(reflection));
    let withDefaults = 0;
    for (const name of reflection.getAllTypes()) {
      const type = NodeType.named(name);
      const prototype = prototypes.of(type);
      expect(prototypes.of(type)).toBe(prototype);
      expect(Object.getPrototypeOf(prototype)).toBe(base);
      const properties = Object.values(reflection.getTypeMetaData(name).properties).filter(
        (property) => property.defaultValue !== undefined,
      );
      // Specl's defaults are all `false` or an empty list: each is on the prototype.
      expect(Object.getOwnPropertyNames(prototype).sort()).toEqual(
        properties.map((property) => property.name).sort(),
      );
      const node = Object.create(prototype) as Building;
      const other = Object.create(prototype) as Building;
      expect(Object.keys(node)).toEqual([]);
      for (const property of properties) {
        const value = node[property.name];
        expect(value, `${name}.${property.name}`).toEqual(property.defaultValue);
        if (Array.isArray(value)) expect(value).toBe(EMPTY_LIST);
        node[property.name] = 'set';
        expect(node[property.name]).toBe('set');
        expect(other[property.name]).toEqual(property.defaultValue);
      }
      if (properties.length > 0) withDefaults++;
    }
    expect(withDefaults).toBeGreaterThan(10);
  });

  it('assignDefaults keeps what a rule set and copies lists of five items or more', () => {
    const name = reflection
      .getAllTypes()
      .find((type) =>
        Object.values(reflection.getTypeMetaData(type).properties).some((property) =>
          Array.isArray(property.defaultValue),
        ),
      )!;
    const defaults = defaultsTable(reflection).of(NodeType.named(name));
    const list = defaults.names[defaults.values.findIndex((value) => Array.isArray(value))]!;
    const items = [1, 2, 3, 4, 5];
    const node = { $type: name, [list]: items } as Building;
    assignDefaults(defaults, node);
    expect(node[list]).toEqual(items);
    expect(node[list]).not.toBe(items);
    // `+=` makes a list of up to four items anew at each item, already of its length.
    const four = [1, 2, 3, 4];
    const short = { $type: name, [list]: four } as Building;
    assignDefaults(defaults, short);
    expect(short[list]).toBe(four);
  });

  it('`+=` gives a list its items in order, and each node its container and index', () => {
    for (let count = 1; count <= 7; count++) {
      const obj = { $type: 'Owner' } as Building;
      const items: unknown[] = [];
      for (let i = 0; i < count; i++) {
        const item = i % 2 === 0 ? ({ $type: 'Item' } as Building) : `word${i}`;
        items.push(item);
        assignProperty(obj, '+=', 'list', item);
        expect(obj.list).toEqual(items);
      }
      items.forEach((item, index) => {
        if (typeof item === 'string') return;
        expect(item).toMatchObject({ $container: obj, $containerProperty: 'list' });
        expect((item as Building).$containerIndex).toBe(index);
      });
    }
  });

  it('`+=` to a defaulted empty list makes a list of its own, the shared one untouched', () => {
    const obj = { $type: 'Owner', list: EMPTY_LIST } as Building;
    const item = { $type: 'Item' } as Building;
    assignProperty(obj, '+=', 'list', item);
    assignProperty(obj, '+=', 'list', 'word');
    expect(obj.list).toEqual([item, 'word']);
    expect(item.$containerIndex).toBe(0);
    expect(EMPTY_LIST).toEqual([]);
  });

  it('mergeProperties puts the caller’s list items before the called rule’s', () => {
    for (const [before, after] of [
      [EMPTY_LIST, [2]],
      [[1], EMPTY_LIST],
      [EMPTY_LIST, EMPTY_LIST],
      [[1], [2]],
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
    ]) {
      const expected = [...before!, ...after!];
      const target = { $type: 'Called', list: after, own: 'kept' } as Building;
      // (An empty list here is the shared frozen one: adding to it would throw.)
      mergeProperties(target, { $type: 'Caller', list: before, extra: 7 } as Building);
      expect(target.list).toEqual(expected);
      expect(target.own).toBe('kept');
      expect(target.extra).toBe(7);
    }
  });

  it('each action’s step makes the action’s type and assigns as the action says', () => {
    let actions = 0;
    for (const action of AstUtils.streamAllContents(grammar)) {
      if (!G.isAction(action)) continue;
      const step = actionStep(action as GrammarAST.Action);
      expect(step.element).toBe(action);
      expect(step.type).toBe(NodeType.named(GrammarUtils.getTypeName(action)));
      if (action.feature === undefined) {
        expect(step.assignment).toBeUndefined();
      } else {
        expect(step.assignment).toMatchObject({
          element: action,
          operator: action.operator,
          property: action.feature,
          crossRef: false,
          keyword: false,
        });
      }
      actions++;
    }
    expect(actions).toBeGreaterThan(10);
  });
});
