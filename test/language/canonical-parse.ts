import type { AstNode, CstNode, GrammarAST, ParseResult } from 'langium';
import { AstUtils, isCompositeCstNode, isLeafCstNode, isReference } from 'langium';
import { reflection } from '../../packages/language/src/generated/ast.js';

/** For each AST type, the names of its properties with a default value. */
const defaultedNames = new Map<string, Set<string>>();
function defaultedOf(type: string): Set<string> {
  let names = defaultedNames.get(type);
  if (!names) {
    const properties = Object.values(reflection.getTypeMetaData(type).properties);
    names = new Set(properties.filter((p) => p.defaultValue !== undefined).map((p) => p.name));
    defaultedNames.set(type, names);
  }
  return names;
}

/**
 * A parse result written out in full, for comparing two parsers: every AST node with its
 * properties in their order (values, references by text and CST node, containers by identity),
 * and the whole CST (kind, offset, length, range, token type, hidden flag, grammar element by its
 * place in the grammar, AST node by identity, container by identity). Two parse results with the
 * same text are interchangeable for every tool when their texts are equal. `cstNodeLast` writes
 * each node's `$cstNode` after its other properties, whatever their order.
 */
export function canonicalParse(
  result: ParseResult,
  grammar: GrammarAST.Grammar,
  options: { cstNodeLast?: boolean } = {},
): string {
  const elementIds = new Map<unknown, number>();
  let n = 0;
  for (const element of AstUtils.streamAst(grammar)) elementIds.set(element, n++);
  const astIds = new Map<AstNode, number>();
  const cstIds = new Map<CstNode, number>();
  const root = result.value.$cstNode;
  const cstLines: string[] = [];
  if (root) {
    const visit = (node: CstNode, depth: number) => {
      cstIds.set(node, cstIds.size);
      if (isCompositeCstNode(node)) for (const child of node.content) visit(child, depth + 1);
    };
    visit(root, 0);
  }
  const astLines: string[] = [];
  const cstId = (node: CstNode | undefined) => (node ? (cstIds.get(node) ?? 'foreign') : '-');
  const value = (v: unknown, parent: AstNode): string => {
    if (Array.isArray(v)) return `[${v.map((item) => value(item, parent)).join(', ')}]`;
    if (isReference(v)) return `ref(${JSON.stringify(v.$refText)} @${cstId(v.$refNode)})`;
    if (typeof v === 'object' && v !== null && typeof (v as AstNode).$type === 'string') {
      const child = v as AstNode;
      if (child.$container !== parent) return `node-with-wrong-container`;
      return `#${walk(child)}`;
    }
    return JSON.stringify(v) ?? 'undefined';
  };
  const walk = (node: AstNode): number => {
    const id = astIds.size;
    astIds.set(node, id);
    const parts: string[] = [];
    const defaulted = defaultedOf(node.$type);
    for (const key of Object.keys(node)) {
      const v = (node as unknown as Record<string, unknown>)[key];
      if (key === '$container') parts.push(`$container=#${v ? astIds.get(v as AstNode) : '-'}`);
      else if (key === '$cstNode' && options.cstNodeLast) continue;
      else if (key === '$cstNode') parts.push(`$cstNode=@${cstId(v as CstNode | undefined)}`);
      else if (key === '$document') continue;
      // Read after the rest: a node parsed without its CST works its place out when asked,
      // and reads its default values from its prototype (where they are not its own).
      else if (key === '$containerProperty' || key === '$containerIndex') continue;
      else if (defaulted.has(key)) continue;
      else parts.push(`${key}=${value(v, node)}`);
    }
    for (const name of defaulted) {
      parts.push(`${name}=${value((node as unknown as Record<string, unknown>)[name], node)}`);
    }
    if (node.$container !== undefined) {
      parts.push(
        `$containerProperty=${node.$containerProperty} $containerIndex=${node.$containerIndex}`,
      );
    }
    // A CST built on demand gives a node its `$cstNode` last: compared apart from the order.
    if (options.cstNodeLast) parts.push(`$cstNode=@${cstId(node.$cstNode)}`);
    astLines.push(`#${id} ${parts.join(' ')}`);
    return id;
  };
  walk(result.value);
  if (root) {
    const visit = (node: CstNode, container: CstNode | undefined) => {
      const { start, end } = node.range;
      const own = (node as unknown as { _astNode?: AstNode })._astNode;
      const fields = [
        `@${cstIds.get(node)}`,
        isLeafCstNode(node) ? `leaf ${node.tokenType.name}` : 'composite',
        `${node.offset}+${node.length}`,
        `${start.line}:${start.character}-${end.line}:${end.character}`,
        node.hidden ? 'hidden' : '',
        `g${elementIds.get(node.grammarSource) ?? '-'}`,
        `ast#${own ? (astIds.get(own) ?? 'foreign') : '-'}`,
        node.container === container ? '' : 'wrong-container',
        node.root === root ? '' : 'wrong-root',
      ];
      cstLines.push(fields.join(' '));
      if (isCompositeCstNode(node)) for (const child of node.content) visit(child, node);
    };
    visit(root, undefined);
  }
  const errors = [
    ...result.lexerErrors.map((e) => `lexer ${e.offset} ${e.message}`),
    ...result.parserErrors.map((e) => `parser ${e.token.startOffset} ${e.message}`),
  ];
  return [...errors, ...astLines, ...cstLines].join('\n');
}
