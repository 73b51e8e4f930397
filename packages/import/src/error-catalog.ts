import { STATUS_CODES } from 'node:http';
import type { ErrorStatus, ImportContext, RecordMember } from './import-context.js';
import { isObject } from './import-context.js';
import { isRecordSchema } from './schema-shape.js';
import type { SchemaTranslator } from './schema-translator.js';
import { isTypeName, pascalCase } from './specl-names.js';
import { translateRecord } from './record-translator.js';
import type { MediaGroup } from './media-type.js';
import { asClause } from './media-type.js';
import { docLines } from './specl-text.js';
import { errorStatusOf } from './specl-extensions.js';

/** Where an error is answered: its place, a name hint, and what the response says. */
export interface ErrorSite {
  readonly pointer: string;
  readonly hint: string;
  /** The response has no content at all. */
  readonly bodyless: boolean;
  readonly description?: string;
  /** The name Specl gave the error, when it compiled the document (`x-specl-error`). */
  readonly name?: string;
  /** ` with A, B`: the headers the answer carries, or `''`. */
  readonly headers?: string;
}

/**
 * The `error` declarations of a document: one per status and body schema, shared by every
 * endpoint that answers them, named after the status (`NotFound`, then `NotFoundPet`).
 */
export class ErrorCatalog {
  private readonly byKey = new Map<string, string>();

  constructor(
    private readonly context: ImportContext,
    private readonly types: SchemaTranslator,
  ) {}

  /**
   * The error for `status` with a JSON body of `group` (an empty JSON object when undefined, no
   * body at all when `bodyless`), declared on first use.
   */
  errorFor(status: ErrorStatus, group: MediaGroup | undefined, site: ErrorSite): string {
    const { pointer, hint, bodyless } = site;
    const schema = group?.schema;
    const carried = site.headers ?? '';
    const as = group ? asClause(group) : bodyless ? ' no body' : '';
    const key = errorKey(
      status,
      bodyless ? 'none' : schemaKey(schema, pointer),
      carried + as,
      site,
    );
    const known = this.byKey.get(key);
    if (known) return known;
    if (
      isObject(schema) &&
      typeof schema.$ref === 'string' &&
      this.types.errorStatusAt(schema.$ref) === status &&
      this.carries(this.types.nameAt(schema.$ref)!, carried, as)
    ) {
      const declared = this.types.nameAt(schema.$ref)!;
      this.byKey.set(key, declared);
      return declared;
    }
    const reason = reasonOf(status);
    const target =
      isObject(schema) && typeof schema.$ref === 'string'
        ? this.types.nameAt(schema.$ref)
        : undefined;
    const own = site.name !== undefined && isTypeName(site.name) ? site.name : undefined;
    const first =
      own ??
      (this.context.names.isFree(reason) ? reason : `${reason}${target ?? pascalCase(hint)}`);
    const name = this.context.names.claim(first);
    this.byKey.set(key, name);
    const { result, notes } = this.context.collecting(() =>
      this.members(schema, pointer, name, target),
    );
    const doc =
      site.description !== undefined &&
      site.description !== name &&
      site.description !== (typeof status === 'number' ? STATUS_CODES[status] : undefined) &&
      (target === undefined || bodyless)
        ? docLines(site.description)
        : [];
    this.context.declarations.push({
      kind: 'record',
      name,
      status,
      lines: [...notes, ...doc],
      members: result,
      ...(carried + as !== '' && { suffix: carried + as }),
    });
    return name;
  }

  /**
   * Declares, in a document Specl compiled, each of its errors without a body
   * (`x-specl-bodyless-errors`: they have no schema), in order: so that one no endpoint answers
   * is not lost. Answers then find them by status, headers and `x-specl-error`.
   */
  declareComponents(): void {
    const components = this.context.document.components;
    const bodyless = isObject(components) ? components['x-specl-bodyless-errors'] : undefined;
    if (!this.context.restoreSpecl || !isObject(bodyless)) return;
    for (const [own, raw] of Object.entries(bodyless)) {
      const status = isObject(raw) ? errorStatusOf(raw.status) : undefined;
      const headers = isObject(raw) ? raw.headers : undefined;
      const names = Array.isArray(headers) ? headers : [];
      if (status === undefined || !isTypeName(own) || !names.every((n) => isTypeName(n))) continue;
      const name = this.context.names.claim(own);
      const suffix = `${names.length > 0 ? ` with ${names.join(', ')}` : ''} no body`;
      this.byKey.set(errorKey(status, 'none', suffix, { name: own }), name);
      const description = isObject(raw) ? raw.description : undefined;
      this.context.declarations.push({
        kind: 'record',
        name,
        status,
        lines: docLines(description),
        members: [],
        suffix,
      });
    }
  }

  /**
   * Whether the error declared as `name` carries `headers` (` with A`) as `as` (` as "..."`),
   * giving it the headers when it carries none yet: an error Specl compiled keeps its headers
   * and media types on its own declaration.
   */
  private carries(name: string, headers: string, as: string): boolean {
    const index = this.context.declarations.findIndex((d) => d.name === name);
    const declared = this.context.declarations[index];
    if (declared?.kind !== 'record') return headers === '' && as === '';
    // Its media types (`x-specl-media-types`) must be the answer's.
    if ((/ as .*$/.exec(declared.suffix ?? '')?.[0] ?? '') !== as) return false;
    const own = /^ with [^{]*?(?= no body| as |$)/.exec(declared.suffix ?? '')?.[0] ?? '';
    if (own === headers) return true;
    if (own !== '') return false;
    this.context.declarations[index] = { ...declared, suffix: headers + (declared.suffix ?? '') };
    return true;
  }

  private members(
    schema: unknown,
    pointer: string,
    name: string,
    target: string | undefined,
  ): RecordMember[] {
    if (schema === undefined) return [];
    if (target && isRecordSchema(this.context, schema, pointer))
      return [{ kind: 'spread', target }];
    const { value, pointer: at } = this.context.deref(schema, pointer);
    if (isObject(value) && isRecordSchema(this.context, value, at) && value.nullable !== true) {
      return translateRecord(this.context, this.types, value, at, name);
    }
    const type = this.types.typeExpr(schema, pointer, `${name}Body`);
    this.context.warn(
      'approximated',
      pointer,
      `an error body that is not an object (${type}) is imported as an error without fields`,
    );
    return [];
  }
}

/** The name an error of a status takes first: `NotFound`, `ClientError`, `UnexpectedError`. */
function reasonOf(status: ErrorStatus): string {
  if (status === '4XX') return 'ClientError';
  if (status === '5XX') return 'ServerError';
  if (status === 'default') return 'UnexpectedError';
  return pascalCase(STATUS_CODES[status] ?? `Error${status}`);
}

/**
 * The key an error is shared by: its status, body, headers and media types, and the name Specl
 * gave it (two of its errors may differ in nothing else).
 */
function errorKey(
  status: ErrorStatus,
  body: string,
  suffix: string,
  site: { readonly name?: string },
): string {
  return `${status} ${body}${suffix}\u0000${site.name ?? ''}`;
}

function schemaKey(schema: unknown, pointer: string): string {
  if (schema === undefined) return '-';
  if (isObject(schema) && typeof schema.$ref === 'string') return schema.$ref;
  return pointer;
}
