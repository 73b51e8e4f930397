import type { AstNode } from 'langium';
import { isReference } from 'langium';

/** An AST without positions or links: node types, values, and references by their text. */
export function astShape(root: AstNode): unknown {
  const shape = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(shape);
    if (isReference(value)) return { ref: value.$refText };
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !key.startsWith('$') || key === '$type')
        .map(([key, v]) => [key, shape(v)]);
      return Object.fromEntries(entries);
    }
    return value;
  };
  return shape(root);
}
