import type { GrammarAST } from 'langium';
import { AstUtils, GrammarAST as G, GrammarUtils } from 'langium';
import type { Feature } from './fast-cst-builder.js';
import { allNodes } from './grammar-walk.js';

/**
 * The elements of the grammar (grammar/specl.langium, as Langium loaded it) that the fast parser
 * builds its CST nodes from, looked up by rule and by what they are: so that every node's
 * `grammarSource` is the very element Langium's parser gives it.
 */
export class GrammarFeatures {
  private readonly rules = new Map<string, GrammarAST.AbstractRule>();
  private readonly memo = new Map<string, Feature>();
  /** Each rule's elements in document order, listed once (Langium's streams are slow to walk). */
  private readonly elements = new Map<string, GrammarAST.AbstractElement[]>();

  constructor(grammar: GrammarAST.Grammar) {
    for (const rule of grammar.rules) this.rules.set(rule.name, rule);
  }

  /** The AST type a parser rule builds (`Implication infers Expression` builds `Expression`). */
  typeOf(ruleName: string): string {
    return GrammarUtils.getTypeName(this.rule(ruleName) as GrammarAST.ParserRule);
  }

  /** The `nth` keyword `value` in rule `ruleName`. */
  keyword(ruleName: string, value: string, nth = 0): Feature {
    return this.find(`k ${ruleName} ${value} ${nth}`, ruleName, nth, (e) => {
      return G.isKeyword(e) && e.value === value;
    });
  }

  /** The `nth` call of rule `callee` in rule `ruleName` (not those inside a cross-reference). */
  call(ruleName: string, callee: string, nth = 0): Feature {
    return this.find(`c ${ruleName} ${callee} ${nth}`, ruleName, nth, (e) => {
      return G.isRuleCall(e) && e.rule.ref?.name === callee && !G.isCrossReference(e.$container);
    });
  }

  /** The `nth` cross-reference in rule `ruleName`. */
  crossRef(ruleName: string, nth = 0): Feature {
    return this.find(`x ${ruleName} ${nth}`, ruleName, nth, (e) => G.isCrossReference(e));
  }

  /** The `nth` action in rule `ruleName`. */
  action(ruleName: string, nth = 0): GrammarAST.Action {
    return this.find(`a ${ruleName} ${nth}`, ruleName, nth, (e) => G.isAction(e))
      .element as GrammarAST.Action;
  }

  private rule(name: string): GrammarAST.AbstractRule {
    const rule = this.rules.get(name);
    if (!rule) throw new Error(`the grammar has no rule ${name}`);
    return rule;
  }

  private elementsOf(ruleName: string): GrammarAST.AbstractElement[] {
    let elements = this.elements.get(ruleName);
    if (!elements) {
      elements = allNodes(this.rule(ruleName), false) as GrammarAST.AbstractElement[];
      this.elements.set(ruleName, elements);
    }
    return elements;
  }

  private find(
    key: string,
    ruleName: string,
    nth: number,
    test: (element: GrammarAST.AbstractElement) => boolean,
  ): Feature {
    const known = this.memo.get(key);
    if (known) return known;
    let seen = 0;
    const element = this.elementsOf(ruleName).find((e) => test(e) && seen++ === nth);
    if (!element) throw new Error(`the grammar's rule ${ruleName} has no ${key}`);
    const assignment = AstUtils.getContainerOfType(element, G.isAssignment);
    const feature: Feature = {
      element,
      operator: assignment?.operator,
      property: assignment?.feature ?? '',
      crossRef: assignment !== undefined && G.isCrossReference(assignment.terminal),
      keyword: G.isKeyword(element),
      expression:
        assignment !== undefined &&
        G.isRuleCall(element) &&
        element.rule.ref?.name === 'Expression',
    };
    this.memo.set(key, feature);
    return feature;
  }
}
