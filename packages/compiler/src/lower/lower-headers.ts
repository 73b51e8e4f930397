import type { Reference } from 'langium';
import type { Declaration, HeadersDecl } from '@specl/language';
import { docComment } from '@specl/language';
import type { HeadersIR } from '../ir/spec-ir.js';
import { lowerType } from './lower-type.js';
import type { Locator } from './source-location.js';

/** A `headers` declaration in the IR: each header with its wire name (its name when none). */
export function lowerHeaders(decl: HeadersDecl, locator: Locator): HeadersIR {
  const description = docComment(decl);
  return {
    name: decl.name,
    ...(description ? { description } : {}),
    headers: decl.members.map((header) => {
      const doc = docComment(header);
      return {
        name: header.name,
        wireName: header.wireName ?? header.name,
        optional: header.optional,
        type: lowerType(header.type),
        ...(doc ? { description: doc } : {}),
        location: locator.locate(header),
      };
    }),
    location: locator.locate(decl),
  };
}

/** `with A, B` of a response or an error: the names `['A', 'B']` (the IR leaves out an empty list). */
export function headerNames(refs: readonly Reference<Declaration>[]): string[] {
  return refs.map((ref) => ref.$refText);
}
