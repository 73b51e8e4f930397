// An in-process implementation of the product-similarity API (product-similarity.specl).
import type { Handlers } from '../generated/types.js';
import { Catalogue, notFound } from './catalogue.js';
import { rankSimilar } from './similarity.js';

/** A fresh implementation with an empty catalogue: `specl verify --impl` calls it for every run. */
export function createHandlers(catalogue = new Catalogue()): Handlers {
  const photos = new Map<string, Uint8Array>();
  return {
    async health() {
      return { status: 200, body: 'ok' };
    },

    async uploadPhoto({ id, body }) {
      if (!catalogue.get(id)) return notFound(id);
      photos.set(id, new Uint8Array(body.photo));
      return { status: 204 };
    },

    async getPhoto({ id }) {
      const photo = photos.get(id);
      return photo ? { status: 200, body: photo } : notFound(id);
    },

    async addProduct({ body }) {
      return { status: 201, body: catalogue.add(body) };
    },

    async getProduct({ id }) {
      const product = catalogue.get(id);
      return product ? { status: 200, body: product } : notFound(id);
    },

    async similarProducts({ id, minPrice, maxPrice, limit }) {
      const product = catalogue.get(id);
      if (!product) return notFound(id);
      const ranked = rankSimilar(product, catalogue.allBut(id), {
        minPrice,
        maxPrice,
        limit: limit ?? 10,
      });
      return { status: 200, body: ranked };
    },
  };
}
