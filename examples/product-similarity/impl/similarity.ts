// How the product-similarity example (product-similarity.specl) scores and ranks products.
// The spec does not fix the formula: only that a score is in [0, 1], that an exact twin scores
// 1, and how the ranking is ordered, filtered and cut.
import type { Product, SimilarItem } from '../generated/types.js';

/** What share of the tags two products have in common (two untagged products agree fully). */
function tagOverlap(a: readonly string[], b: readonly string[]): number {
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 1;
  const shared = a.filter((tag) => b.includes(tag)).length;
  return shared / union.size;
}

/** How alike two products are: half for the same category, half for the tags they share. */
export function similarity(a: Product, b: Product): number {
  return ((a.category === b.category ? 1 : 0) + tagOverlap(a.tags, b.tags)) / 2;
}

/** Which candidates a ranking keeps, and how many. */
export interface RankingOptions {
  readonly minPrice?: number | undefined;
  readonly maxPrice?: number | undefined;
  readonly limit: number;
}

/**
 * Ranks `candidates` by their similarity to `product`: highest score first, equal scores by
 * id, so that the same catalogue always gives the same order; keeps those whose price is in
 * the range, and the first `limit` of them.
 */
export function rankSimilar(
  product: Product,
  candidates: readonly Product[],
  { minPrice, maxPrice, limit }: RankingOptions,
): SimilarItem[] {
  return candidates
    .filter((c) => c.price >= (minPrice ?? 0) && c.price <= (maxPrice ?? Infinity))
    .map((candidate) => ({ product: candidate, score: similarity(product, candidate) }))
    .sort((a, b) => b.score - a.score || (a.product.id < b.product.id ? -1 : 1))
    .slice(0, limit)
    .map((item, index) => ({ rank: index + 1, ...item }));
}
