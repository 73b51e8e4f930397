import { STATUS_CODES } from 'node:http';
import type { ImportContext, RecordMember } from './import-context.js';
import { isObject } from './import-context.js';
import { isRecordSchema } from './schema-shape.js';
import type { SchemaTranslator } from './schema-translator.js';
import { pascalCase } from './specl-names.js';
import { translateRecord } from './record-translator.js';

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

  /** The error for `status` with a body of `schema` (none when undefined), declared on first use. */
  errorFor(status: number, schema: unknown, pointer: string, hint: string): string {
    const key = `${status} ${schemaKey(schema, pointer)}`;
    const known = this.byKey.get(key);
    if (known) return known;
    if (
      isObject(schema) &&
      typeof schema.$ref === 'string' &&
      this.types.errorStatusAt(schema.$ref) === status
    ) {
      const declared = this.types.nameAt(schema.$ref)!;
      this.byKey.set(key, declared);
      return declared;
    }
    const reason = pascalCase(STATUS_CODES[status] ?? `Error${status}`);
    const target =
      isObject(schema) && typeof schema.$ref === 'string'
        ? this.types.nameAt(schema.$ref)
        : undefined;
    const first = this.context.names.isFree(reason)
      ? reason
      : `${reason}${target ?? pascalCase(hint)}`;
    const name = this.context.names.claim(first);
    this.byKey.set(key, name);
    const { result, notes } = this.context.collecting(() =>
      this.members(schema, pointer, name, target),
    );
    this.context.declarations.push({ kind: 'record', name, status, lines: notes, members: result });
    return name;
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

function schemaKey(schema: unknown, pointer: string): string {
  if (schema === undefined) return '-';
  if (isObject(schema) && typeof schema.$ref === 'string') return schema.$ref;
  return pointer;
}
