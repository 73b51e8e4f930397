/** Names as Specl spells them: which strings are names, and how to make one from any text. */

import type { NameRule } from '@specl/language';
import { reservedWords } from '@specl/language';

/** Whether `text` may name a field or an enum member (keywords may). */
export function isFieldName(text: string): boolean {
  return /^[_a-zA-Z]\w*$/.test(text);
}

/** Whether `text` may name what the grammar's `rule` reads (keywords may not, but some). */
function isNameOf(rule: NameRule, text: string): boolean {
  return isFieldName(text) && !reservedWords(rule).has(text);
}

/** Whether `text` may name an endpoint, a property or a parameter. */
export function isIdentifier(text: string): boolean {
  return isNameOf('Ident', text);
}

/** Whether `text` may name a type, an enum or an error. */
export function isTypeName(text: string): boolean {
  return isNameOf('TypeName', text);
}

/** Whether `text` may name an auth scheme or a tag (no keyword may). */
export function isPlainName(text: string): boolean {
  return isNameOf('ID', text);
}

function words(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word.length > 0);
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** `pet-status` → `PetStatus`; a name always (`Type` for text with no letters or digits). */
export function pascalCase(text: string): string {
  const joined = words(text).map(capitalise).join('');
  const name = joined.length === 0 ? 'Type' : /^[0-9]/.test(joined) ? `T${joined}` : joined;
  return isPlainName(name) ? name : `${name}Type`;
}

/** `Pet-ID` → `petId`; a name always (`value` for text with no letters or digits). */
export function camelCase(text: string): string {
  const parts = words(text);
  const joined = parts
    .map((word, i) => (i === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : capitalise(word)))
    .join('');
  const name = joined.length === 0 ? 'value' : /^[0-9]/.test(joined) ? `n${joined}` : joined;
  return isIdentifier(name) ? name : `${name}Value`;
}

/** Hands out names once each: a name taken gets a number (`Pet`, `Pet2`, `Pet3`). */
export class NameRegistry {
  private readonly taken = new Set<string>();

  /** Marks names as taken without handing them out. */
  reserve(...names: string[]): void {
    for (const name of names) this.taken.add(name.toLowerCase());
  }

  /** Whether `name` is free. */
  isFree(name: string): boolean {
    return !this.taken.has(name.toLowerCase());
  }

  /** `wanted` if free, otherwise `wanted2`, `wanted3`, ...; taken from then on. */
  claim(wanted: string): string {
    let name = wanted;
    for (let n = 2; !this.isFree(name); n++) name = `${wanted}${n}`;
    this.taken.add(name.toLowerCase());
    return name;
  }
}
