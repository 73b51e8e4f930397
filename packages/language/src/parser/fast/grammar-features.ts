import type { AstNode, GrammarAST } from 'langium';
import { GrammarAST as G, GrammarUtils } from 'langium';
import type { Feature } from './fast-cst-builder.js';
import { allNodes } from './grammar-walk.js';
import type { ActionStep } from './fast-build-steps.js';
import { actionStep } from './fast-build-steps.js';
import { NodeType } from './node-constructors.js';

/**
 * The elements of the grammar (grammar/specl.langium, as Langium loaded it) that the fast parser
 * builds its CST nodes from, looked up by rule and by what they are: so that every node's
 * `grammarSource` is the very element Langium's parser gives it.
 */
export class GrammarFeatures {
  private readonly rules = new Map<string, GrammarAST.AbstractRule>();
  private readonly memo = new Map<string, Feature>();
  private readonly firstActions = new Map<string, ActionStep>();
  /** Each rule's AST type: Langium's `getTypeName` walks the rule's calls again on every ask. */
  private readonly types = new Map<string, string>();
  private readonly dataTypeRules = new Map<GrammarAST.ParserRule, boolean>();
  /** Each rule's elements in document order, listed once (Langium's streams are slow to walk). */
  private readonly elements = new Map<string, Map<string, GrammarAST.AbstractElement[]>>();

  constructor(grammar: GrammarAST.Grammar) {
    for (const rule of grammar.rules) this.rules.set(rule.name, rule);
    // Every rule's elements listed in one walk of the grammar, up front (see `allNodes`).
    allNodes(grammar, false);
  }

  /** The AST type a parser rule builds (`Implication infers Expression` builds `Expression`). */
  typeOf(ruleName: string): string {
    let type = this.types.get(ruleName);
    if (type === undefined) {
      const rule = this.rule(ruleName);
      // Terminal rules have no AST type: Langium's getTypeName throws for them, as before.
      if (rule.$type !== G.ParserRule.$type) type = GrammarUtils.getTypeName(rule as never);
      else if (this.isDataTypeRule(rule as GrammarAST.ParserRule)) type = rule.name;
      else type = GrammarUtils.getExplicitRuleType(rule) ?? rule.name;
      this.types.set(ruleName, type);
    }
    return type;
  }

  /** The {@link NodeType} of the AST type a parser rule builds (see {@link typeOf}). */
  nodeType(ruleName: string): NodeType {
    return NodeType.named(this.typeOf(ruleName));
  }

  /**
   * Whether a parser rule makes a value rather than a node: Langium's
   * `GrammarUtils.isDataTypeRule`, which walks the rule and every rule it calls again on each
   * ask. Its answer is the greatest fixed point (a rule is a data type rule unless it, or a rule
   * it reaches through calls, assigns, acts or calls an infix rule), which does not depend on
   * the order rules are asked in, so each rule's answer is kept.
   */
  private isDataTypeRule(
    rule: GrammarAST.ParserRule,
    visited = new Set<GrammarAST.ParserRule>(),
  ): boolean {
    const known = this.dataTypeRules.get(rule);
    if (known !== undefined) return known;
    if (visited.has(rule)) return true;
    const askedFromTheTop = visited.size === 0;
    visited.add(rule);
    let answer = Boolean(rule.definition);
    for (const node of allNodes(rule, false)) {
      if (node.$type === G.RuleCall.$type) {
        const callee = (node as GrammarAST.RuleCall).rule.ref;
        if (
          !callee ||
          callee.$type === G.InfixRule.$type ||
          (callee.$type === G.ParserRule.$type &&
            !this.isDataTypeRule(callee as GrammarAST.ParserRule, visited))
        ) {
          answer = false;
          break;
        }
      } else if (node.$type === G.Assignment.$type || node.$type === G.Action.$type) {
        answer = false;
        break;
      }
    }
    // Only an answer asked from the top is final: one given inside a cycle assumed its callers.
    if (askedFromTheTop || !answer) this.dataTypeRules.set(rule, answer);
    return answer;
  }

  /** The `nth` keyword `value` in rule `ruleName`. */
  keyword(ruleName: string, value: string, nth = 0): Feature {
    return this.find(`k ${value}`, ruleName, nth);
  }

  /** The `nth` call of rule `callee` in rule `ruleName` (not those inside a cross-reference). */
  call(ruleName: string, callee: string, nth = 0): Feature {
    return this.find(`c ${callee}`, ruleName, nth);
  }

  /** The `nth` cross-reference in rule `ruleName`. */
  crossRef(ruleName: string, nth = 0): Feature {
    return this.find('x', ruleName, nth);
  }

  /** The `nth` action in rule `ruleName`, as the builders run it. */
  action(ruleName: string, nth = 0): ActionStep {
    // The first action of a rule is asked for at each of its nodes: found without a key made.
    if (nth === 0) {
      let action = this.firstActions.get(ruleName);
      if (!action) {
        action = actionStep(this.find('a', ruleName, 0).element as GrammarAST.Action);
        this.firstActions.set(ruleName, action);
      }
      return action;
    }
    return actionStep(this.find('a', ruleName, nth).element as GrammarAST.Action);
  }

  private rule(name: string): GrammarAST.AbstractRule {
    const rule = this.rules.get(name);
    if (!rule) throw new Error(`the grammar has no rule ${name}`);
    return rule;
  }

  /**
   * The elements of a rule that features are looked up by, in document order, by what they
   * are: `k VALUE` (keywords), `c CALLEE` (rule calls outside cross-references), `x`
   * (cross-references), `a` (actions). Told apart by `$type`: the reflection's `isKeyword` and
   * the like cost a third of the fast parser's start.
   */
  private elementsOf(ruleName: string): Map<string, GrammarAST.AbstractElement[]> {
    let index = this.elements.get(ruleName);
    if (index) return index;
    index = new Map();
    const add = (key: string, element: GrammarAST.AbstractElement) => {
      const list = index!.get(key);
      if (list) list.push(element);
      else index!.set(key, [element]);
    };
    for (const e of allNodes(this.rule(ruleName), false) as GrammarAST.AbstractElement[]) {
      if (e.$type === G.Keyword.$type) add(`k ${(e as GrammarAST.Keyword).value}`, e);
      else if (e.$type === G.RuleCall.$type && e.$container?.$type !== G.CrossReference.$type)
        add(`c ${(e as GrammarAST.RuleCall).rule.ref?.name}`, e);
      else if (e.$type === G.CrossReference.$type) add('x', e);
      else if (e.$type === G.Action.$type) add('a', e);
    }
    this.elements.set(ruleName, index);
    return index;
  }

  private find(what: string, ruleName: string, nth: number): Feature {
    const key = `${what} ${ruleName} ${nth}`;
    const known = this.memo.get(key);
    if (known) return known;
    const element = this.elementsOf(ruleName).get(what)?.[nth];
    if (!element) throw new Error(`the grammar's rule ${ruleName} has no ${key}`);
    let assignment: GrammarAST.Assignment | undefined;
    for (let at: AstNode | undefined = element; at && !assignment; at = at.$container)
      if (at.$type === G.Assignment.$type) assignment = at as GrammarAST.Assignment;
    const feature: Feature = {
      element,
      operator: assignment?.operator,
      property: assignment?.feature ?? '',
      crossRef: assignment !== undefined && assignment.terminal.$type === G.CrossReference.$type,
      keyword: element.$type === G.Keyword.$type,
      expression:
        assignment !== undefined &&
        element.$type === G.RuleCall.$type &&
        (element as GrammarAST.RuleCall).rule.ref?.name === 'Expression',
    };
    this.memo.set(key, feature);
    return feature;
  }
}
