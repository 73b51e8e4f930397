import type { CstNode, GrammarAST, ValueConverter as Converter } from 'langium';
import { DefaultValueConverter, GrammarAST as G, GrammarUtils, ValueConverter } from 'langium';

type Convert = (input: string) => unknown;

const identity: Convert = (input) => input;

/**
 * The value converter's answer for a token or a data type rule's text, as
 * `converter.convert(input, cstNode)` gives it. When the converter is Langium's own, the
 * conversion it picks for each grammar element (by the rule's name and type) is found once and
 * kept, instead of once a token.
 */
export class FastValueConverter {
  private readonly byElement = new Map<GrammarAST.AbstractElement, Convert>();
  /** Whether the converter is Langium's own (so that a conversion depends only on the element). */
  readonly isDefault: boolean;

  constructor(private readonly converter: Converter) {
    const proto = DefaultValueConverter.prototype as unknown as Record<string, unknown>;
    const own = converter as unknown as Record<string, unknown>;
    this.isDefault =
      own['convert'] === proto['convert'] && own['runConverter'] === proto['runConverter'];
  }

  convert(input: string, cstNode: CstNode): unknown {
    const element = cstNode.grammarSource;
    if (!this.isDefault || element === undefined) return this.converter.convert(input, cstNode);
    return this.convertFor(input, element);
  }

  /**
   * What Langium's converter gives for a node built from `element`, without the node (only
   * when {@link isDefault}: another converter may read the node).
   */
  convertFor(input: string, element: GrammarAST.AbstractElement): unknown {
    if (!this.isDefault) throw new Error('a value converter of its own needs the CST node');
    let convert = this.byElement.get(element);
    if (!convert) {
      convert = conversionOf(element);
      this.byElement.set(element, convert);
    }
    return convert(input);
  }
}

/** What `DefaultValueConverter.convert` does for nodes built from `element`. */
function conversionOf(element: GrammarAST.AbstractElement): Convert {
  const feature = G.isCrossReference(element) ? element.terminal : element;
  if (!feature || !G.isRuleCall(feature)) return identity;
  const rule = feature.rule.ref;
  if (!rule) throw new Error('This cst node was not parsed by a rule.');
  switch (rule.name.toUpperCase()) {
    case 'INT':
      return ValueConverter.convertInt;
    case 'STRING':
      return ValueConverter.convertString;
    case 'ID':
      return ValueConverter.convertID;
  }
  switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
    case 'number':
      return ValueConverter.convertNumber;
    case 'boolean':
      return ValueConverter.convertBoolean;
    case 'bigint':
      return ValueConverter.convertBigint;
    case 'date':
      return ValueConverter.convertDate;
    default:
      return identity;
  }
}
