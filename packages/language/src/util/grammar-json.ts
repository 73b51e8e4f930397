import type { Grammar } from 'langium';

/** A node of the grammar JSON as parsed, before its references are resolved. */
type JsonNode = Record<string, unknown>;

function isJsonNode(value: unknown): value is JsonNode {
  return (
    typeof value === 'object' && value !== null && typeof (value as JsonNode).$type === 'string'
  );
}

function isJsonReference(value: unknown): value is { $ref: string } {
  return typeof value === 'object' && value !== null && ('$ref' in value || '$error' in value);
}

/** The node a local `$ref` ("#/rules@103") points at, following Langium's path segments. */
function nodeAtPath(root: JsonNode, ref: string): JsonNode {
  if (!ref.startsWith('#/')) throw new Error(`grammar JSON: unsupported reference ${ref}`);
  let node: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    if (segment.length === 0) continue;
    const at = segment.indexOf('@');
    node =
      at > 0
        ? ((node as JsonNode)[segment.slice(0, at)] as unknown[] | undefined)?.[
            Number.parseInt(segment.slice(at + 1), 10)
          ]
        : (node as JsonNode)[segment];
    if (node === undefined || node === null) break;
  }
  if (!isJsonNode(node)) throw new Error(`grammar JSON: cannot resolve ${ref}`);
  return node;
}

function resolveReference(root: JsonNode, value: unknown): { $refText: string; ref: JsonNode } {
  const { $ref } = value as { $ref?: unknown };
  if (typeof $ref !== 'string') throw new Error('grammar JSON: a reference without a $ref');
  const target = nodeAtPath(root, $ref);
  const name = target.name;
  return { $refText: typeof name === 'string' ? name : '', ref: target };
}

/**
 * Builds the grammar AST from the JSON that langium-cli writes into `generated/grammar.ts`,
 * as Langium's `loadGrammarFromJson` does (the same nodes, keys, `$container`,
 * `$containerProperty`, `$containerIndex`, and `{ $refText, ref }` references), without
 * creating Langium's grammar-language services and a document for it. It does not set
 * `$document` (nothing of the Specl services reads the grammar's document). The grammar
 * JSON holds local references only (`#/rules@N`, `#/types@N`); any other is an error.
 */
export function loadGrammarJson(json: string): Grammar {
  const root = JSON.parse(json) as JsonNode;
  // The nodes left to walk, with their container, property and index, on four stacks rather than
  // a tuple a node: this runs once at every start, in V8's interpreter, where every allocation
  // and call counts (as do `Object.keys` and the type checks of each string and boolean value,
  // which the `typeof` test below skips).
  const nodes: JsonNode[] = [root];
  const containers: (JsonNode | undefined)[] = [undefined];
  const properties: (string | undefined)[] = [undefined];
  const indexes: (number | undefined)[] = [undefined];
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const container = containers.pop();
    const property = properties.pop();
    const containerIndex = indexes.pop();
    for (const key in node) {
      const item = node[key];
      if (typeof item !== 'object' || item === null) continue;
      if (Array.isArray(item)) {
        for (let index = 0; index < item.length; index++) {
          const element: unknown = item[index];
          if (typeof element !== 'object' || element === null) continue;
          if (isJsonReference(element)) {
            item[index] = resolveReference(root, element);
          } else if (isJsonNode(element)) {
            nodes.push(element);
            containers.push(node);
            properties.push(key);
            indexes.push(index);
          }
        }
      } else if (isJsonReference(item)) {
        node[key] = resolveReference(root, item);
      } else if (isJsonNode(item)) {
        nodes.push(item);
        containers.push(node);
        properties.push(key);
        indexes.push(undefined);
      }
    }
    // Set after the node's own keys are walked (the container must not be walked as a child).
    node.$container = container;
    node.$containerProperty = property;
    node.$containerIndex = containerIndex;
  }
  return root as unknown as Grammar;
}
