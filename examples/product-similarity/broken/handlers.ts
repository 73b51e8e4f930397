// The product-similarity implementation with the classic recommender bug: the product itself
// is not left out of the candidates, so it scores 1 against itself and comes back as its own
// best match. `specl verify` finds it with the `ensures` that similar products never include
// the product itself.
import type { Handlers } from '../generated/types.js';
import { Catalogue, notFound } from '../impl/catalogue.js';
import { createHandlers as correctHandlers } from '../impl/handlers.js';
import { rankSimilar } from '../impl/similarity.js';

/** The correct handlers, except `similarProducts`, which ranks the whole catalogue. */
export function createHandlers(): Handlers {
  const catalogue = new Catalogue();
  return {
    ...correctHandlers(catalogue),
    async similarProducts({ id, minPrice, maxPrice, limit }) {
      const product = catalogue.get(id);
      if (!product) return notFound(id);
      const ranked = rankSimilar(product, catalogue.all(), {
        minPrice,
        maxPrice,
        limit: limit ?? 10,
      });
      return { status: 200, body: ranked };
    },
  };
}
