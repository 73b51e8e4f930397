import { BUILTIN_TYPE_NAMES } from '@specl/language';
import { BytesPlaces } from './bytes-places.js';
import type { ImportWarning, WarningKind } from './import-warning.js';
import { resolvePointer } from './json-pointer.js';
import { NameRegistry } from './specl-names.js';
import { commentLines } from './specl-text.js';

/** An error's status: exact, a range (`4XX`, `5XX`) or `default`, as OpenAPI writes them. */
export type ErrorStatus = number | '4XX' | '5XX' | 'default';

/** A record's member as import writes it. */
export type RecordMember =
  | { readonly kind: 'spread'; readonly target: string }
  /** `...Map<T>`: the record holds further fields of type `type`. */
  | { readonly kind: 'open'; readonly type: string }
  | { readonly kind: 'invariant'; readonly source: string }
  | {
      readonly kind: 'field';
      readonly name: string;
      optional: boolean;
      readonly type: string;
      /** The record this field's type names directly (`Pet`, not `Pet?` or `List<Pet>`). */
      readonly target?: string;
      readonly lines: string[];
      /** Where the field's property is in the source. */
      readonly pointer: string;
    };

/** A declaration import writes. */
export type Declaration =
  | {
      readonly kind: 'record';
      readonly name: string;
      readonly lines: string[];
      readonly members: RecordMember[];
      /** `error NAME STATUS` instead of `type NAME`, for error bodies (`4XX`, `default` too). */
      readonly status?: ErrorStatus;
      /** What follows an error's status: its headers (` with H`), then ` no body` or its media types (` as "..."`). */
      readonly suffix?: string;
    }
  | { readonly kind: 'text'; readonly name: string; readonly lines: string[] }
  /** Not a type: an `auth`, `tag` or `headers` declaration, or comments left where one would stand. */
  | { readonly kind: 'other'; readonly name: string; readonly lines: string[] };

/** What a translation shares: the document, the names taken, the declarations and warnings. */
export class ImportContext {
  readonly names = new NameRegistry();
  readonly declarations: Declaration[] = [];
  readonly warnings: ImportWarning[] = [];
  /** Where a binary string may be imported as `Bytes`. */
  readonly bytes: BytesPlaces;
  /** Keywords a holder (a field, a parameter) writes as annotations, by the schema's pointer. */
  readonly annotated = new Map<string, ReadonlySet<string>>();
  /**
   * The structured examples and defaults written (`example: { ... }`), each text with the places
   * in the source it came from: those the checker finds not to fit their type are taken out.
   */
  readonly structuredAnnotations = new Map<string, string[]>();
  private readonly notes: string[][] = [[]];

  constructor(
    readonly document: Record<string, unknown>,
    /** Read back the spec that `x-specl-*` extensions carry (invariants, ensures, ...). */
    readonly restoreSpecl = false,
  ) {
    this.bytes = new BytesPlaces(document);
    // A declaration named like a built-in type would hide it from the spec.
    this.names.reserve(...BUILTIN_TYPE_NAMES);
  }

  /** Records a warning, and keeps it as a comment at the declaration being written. */
  warn(kind: WarningKind, pointer: string, message: string): void {
    this.warnings.push({ kind, pointer, message });
    this.note(`import ${kind}: ${message} (${pointer})`);
  }

  /** Notes an annotation written from `pointer` whose value the checker is left to judge. */
  structured(entry: string, pointer: string): void {
    const places = this.structuredAnnotations.get(entry);
    if (places) places.push(pointer);
    else this.structuredAnnotations.set(entry, [pointer]);
  }

  /** Keeps a comment at the declaration (or field) being written. */
  note(text: string): void {
    this.notes.at(-1)!.push(...commentLines(text));
  }

  /** Runs `write` collecting the comments it makes, and answers them with its result. */
  collecting<T>(write: () => T): { result: T; notes: string[] } {
    this.notes.push([]);
    try {
      const result = write();
      return { result, notes: this.notes.at(-1)! };
    } finally {
      this.notes.pop();
    }
  }

  /** The value at a local `$ref`, following chains of refs (they end: the scan checked). */
  deref(value: unknown, pointer: string): { value: unknown; pointer: string } {
    let current = value;
    let at = pointer;
    for (let hops = 0; hops < 64; hops++) {
      if (!isObject(current) || typeof current.$ref !== 'string') break;
      at = current.$ref;
      current = resolvePointer(this.document, current.$ref);
    }
    return { value: current, pointer: at };
  }
}

/** Whether `value` is a plain object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
