// The product catalogue of the product-similarity example, in memory.
import { randomUUID } from 'node:crypto';
import type { NewProduct, Product } from '../generated/types.js';

/** The products, by id. */
export class Catalogue {
  private readonly products = new Map<string, Product>();

  /** Adds a product under a new id. */
  add(product: NewProduct): Product {
    const added: Product = { id: randomUUID(), ...product, tags: [...product.tags] };
    this.products.set(added.id, added);
    return added;
  }

  /** The product with this id. */
  get(id: string): Product | undefined {
    return this.products.get(id);
  }

  /** Every product but the one with this id. */
  allBut(id: string): Product[] {
    return [...this.products.values()].filter((product) => product.id !== id);
  }

  /** Every product. */
  all(): Product[] {
    return [...this.products.values()];
  }
}

/** The 404 answer for a product that does not exist. */
export function notFound(id: string): { status: 404; body: { message: string } } {
  return { status: 404, body: { message: `no product ${id}` } };
}
