import type { GrammarAST } from 'langium';
import { GrammarAST as G } from 'langium';
import type { Feature, RuleBuilder } from './fast-cst-builder.js';
import { FastPathDeclined } from './fast-cst-builder.js';
import { GrammarFeatures } from './grammar-features.js';
import type { NodeType } from './node-constructors.js';

/** The features of a block in a rule: `'{' (items+=Item ','?)* '}'`. */
export interface Block {
  readonly open: Feature;
  readonly item: Feature;
  readonly comma: Feature;
  readonly close: Feature;
}

/**
 * An alternative of a data type rule: a token of `kind`, or (`callee`) a call of another data
 * type rule that starts with one. One shape for both: the first call met after a data type rule's
 * parser was compiled, of another shape, threw that code away.
 */
interface Choice {
  readonly feature: Feature;
  readonly kind: string;
  readonly callee: string | undefined;
}

/** An alternative of a rule that is one call of another rule: the call, and the callee's parser. */
export interface Alternative {
  readonly feature: Feature;
  readonly rule: () => unknown;
}

/**
 * What the fast parser's rules share: the builder of the text being parsed, the grammar's
 * elements, and the data type rules (`Ident`, `Name`, …: alternatives of keywords and terminals),
 * which are read from the grammar rather than written out.
 */
export abstract class FastRuleBase {
  protected b!: RuleBuilder;
  protected readonly g: GrammarFeatures;
  private readonly dataRules = new Map<string, Map<string, Choice>>();
  /** The grammar rule of each data type rule of {@link dataRules}. */
  private readonly dataRuleOf = new Map<string, GrammarAST.ParserRule>();
  private readonly repeated = new Set<string>();
  private readonly dataRuleFunctions = new Map<string, () => unknown>();
  /** Each rule's block, found once (a rule has one kind of item in braces). */
  private readonly blocks = new Map<string, Block & { readonly callee: string }>();

  constructor(grammar: GrammarAST.Grammar) {
    this.g = new GrammarFeatures(grammar);
    for (const rule of grammar.rules) {
      if (
        G.isParserRule(rule) &&
        rule.dataType !== undefined &&
        G.isAlternatives(rule.definition)
      ) {
        this.dataRules.set(rule.name, new Map());
        this.dataRuleOf.set(rule.name, rule);
        const cardinality = rule.definition.cardinality;
        if (cardinality === '+') this.repeated.add(rule.name);
        else if (cardinality !== undefined) throw new Error(`${rule.name}: unexpected cardinality`);
      }
    }
  }

  /** Declines: the text goes to Langium's parser. */
  protected decline(why: string): never {
    throw new FastPathDeclined(why);
  }

  /** The features of `'{' (items+=Callee ','?)* '}'` in rule `rule`. */
  protected blockOf(rule: string, callee: string): Block {
    let block = this.blocks.get(rule);
    if (!block) {
      const g = this.g;
      block = {
        callee,
        open: g.keyword(rule, '{'),
        item: g.call(rule, callee),
        comma: g.keyword(rule, ','),
        close: g.keyword(rule, '}'),
      };
      this.blocks.set(rule, block);
    }
    if (block.callee !== callee) throw new Error(`${rule}: a block of ${block.callee}`);
    return block;
  }

  /** `'{' (items+=Item ','?)* '}'` of rule `rule`, or of `block`, calling `parse` per item. */
  protected block(rule: string | Block, callee: string, parse: () => unknown): void {
    const b = this.b;
    const block = typeof rule === 'string' ? this.blockOf(rule, callee) : rule;
    b.consume(block.open, '{');
    while (b.peek() !== '}') {
      b.subrule(block.item, parse);
      if (b.peek() === ',') b.consume(block.comma, ',');
    }
    b.consume(block.close, '}');
  }

  /**
   * A rule of `type` taking an alternative that is one unassigned call of `rule` (`feature`):
   * it hands over that rule's node. Where the builder keeps no trace of such a rule (the AST
   * builder), `rule` is called in its place: the rule would only have given the node the first
   * token it has already.
   */
  protected handOver(type: NodeType, feature: Feature, rule: () => unknown): unknown {
    const b = this.b;
    if (!b.tracesEveryRule) return rule();
    b.begin(type);
    b.subrule(feature, rule);
    return b.construct();
  }

  /** The alternative of rule `rule` that calls rule `callee`, parsed by `parse`. */
  protected alternative(rule: string, callee: string, parse: () => unknown): Alternative {
    return { feature: this.g.call(rule, callee), rule: parse };
  }

  /** Whether data type rule `ruleName` can start with a token of `kind`. */
  protected starts(ruleName: string, kind: string): boolean {
    return this.choices(ruleName).has(kind);
  }

  /** The function parsing data type rule `ruleName`, to pass to `subrule`. */
  protected data(ruleName: string): () => unknown {
    // The closure is made in a function of its own: a function that makes one allocates the
    // context of the variables it captures at each call, made or not (48 bytes a call here).
    return this.dataRuleFunctions.get(ruleName) ?? this.dataRule(ruleName);
  }

  /** Makes (once) the function parsing data type rule `ruleName`. */
  private dataRule(ruleName: string): () => unknown {
    const choices = this.choices(ruleName);
    const repeated = this.repeated.has(ruleName);
    const parse = () => {
      const b = this.b;
      let choice = choices.get(b.peek());
      if (!choice) this.decline(`${b.peek()} cannot start ${ruleName}`);
      b.beginData();
      do {
        if (choice.callee !== undefined) b.subrule(choice.feature, this.data(choice.callee));
        else b.consume(choice.feature, choice.kind);
        choice = repeated ? choices.get(b.peek()) : undefined;
      } while (choice);
      return b.constructData();
    };
    this.dataRuleFunctions.set(ruleName, parse);
    return parse;
  }

  /** The alternatives of data type rule `ruleName` by the kind of token each starts with. */
  private choices(ruleName: string): Map<string, Choice> {
    const choices = this.dataRules.get(ruleName);
    if (!choices) throw new Error(`${ruleName} is not a data type rule of alternatives`);
    return choices.size > 0 ? choices : this.fillChoices(ruleName, choices);
  }

  /** Fills `choices`, when the rule is first asked about (not for every data rule at start). */
  private fillChoices(ruleName: string, choices: Map<string, Choice>): Map<string, Choice> {
    const rule = this.dataRuleOf.get(ruleName)!;
    const counts = new Map<string, number>();
    const nth = (key: string) => {
      const n = counts.get(key) ?? 0;
      counts.set(key, n + 1);
      return n;
    };
    for (const element of (rule.definition as GrammarAST.Alternatives).elements) {
      if (element.cardinality !== undefined)
        throw new Error(`${rule.name}: unexpected cardinality`);
      if (G.isKeyword(element)) {
        const feature = this.g.keyword(rule.name, element.value, nth(`k${element.value}`));
        if (!choices.has(element.value))
          choices.set(element.value, { feature, kind: element.value, callee: undefined });
      } else if (G.isRuleCall(element) && G.isTerminalRule(element.rule.ref)) {
        const name = element.rule.ref.name;
        const feature = this.g.call(rule.name, name, nth(`c${name}`));
        if (!choices.has(name)) choices.set(name, { feature, kind: name, callee: undefined });
      } else if (G.isRuleCall(element) && this.dataRules.has(element.rule.ref?.name ?? '')) {
        const callee = element.rule.ref!.name;
        const feature = this.g.call(rule.name, callee, nth(`c${callee}`));
        for (const kind of this.choices(callee).keys()) {
          if (!choices.has(kind)) choices.set(kind, { feature, kind, callee });
        }
      } else {
        throw new Error(`${rule.name}: the fast parser does not read this alternative`);
      }
    }
    return choices;
  }
}
