import type { GrammarAST } from 'langium';
import { AstUtils, EmptyFileSystem, GrammarAST as G, GrammarUtils } from 'langium';
import { describe, expect, it } from 'vitest';
import type { Building } from '../../packages/language/src/parser/fast/fast-build-steps.js';
import {
  actionStep,
  assignDefaults,
} from '../../packages/language/src/parser/fast/fast-build-steps.js';
import { GrammarFeatures } from '../../packages/language/src/parser/fast/grammar-features.js';
import {
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
      // A node given nothing gets every default, each list a list of its own.
      const node = { $type: name } as Building;
      assignDefaults(defaults, node);
      const again = { $type: name } as Building;
      assignDefaults(defaults, again);
      for (const property of properties) {
        expect(node[property.name], `${name}.${property.name}`).toEqual(property.defaultValue);
        if (Array.isArray(node[property.name])) {
          expect(node[property.name]).not.toBe(again[property.name]);
        }
      }
    }
    expect(withDefaults).toBeGreaterThan(10);
  });

  it('assignDefaults keeps what a rule set and copies lists of two items or more', () => {
    const name = reflection
      .getAllTypes()
      .find((type) =>
        Object.values(reflection.getTypeMetaData(type).properties).some((property) =>
          Array.isArray(property.defaultValue),
        ),
      )!;
    const defaults = defaultsTable(reflection).of(NodeType.named(name));
    const list = defaults.names[defaults.values.findIndex((value) => Array.isArray(value))]!;
    const items = [1, 2, 3];
    const node = { $type: name, [list]: items } as Building;
    assignDefaults(defaults, node);
    expect(node[list]).toEqual(items);
    expect(node[list]).not.toBe(items);
    const one = [1];
    const single = { $type: name, [list]: one } as Building;
    assignDefaults(defaults, single);
    expect(single[list]).toBe(one);
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
