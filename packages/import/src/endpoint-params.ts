import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { arrayItems, isNullable, isScalarSchema } from './schema-shape.js';
import type { SchemaTranslator } from './schema-translator.js';
import { camelCase, isIdentifier, pascalCase } from './specl-names.js';
import { stringLiteral } from './specl-text.js';
import {
  annotationEntries,
  annotationSite,
  annotationsLeftOut,
  withAnnotations,
} from './annotations.js';

/** A parameter of an operation (path-level ones merged in), after `$ref`s. */
export interface OperationParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly schema: unknown;
  readonly pointer: string;
  readonly raw: Record<string, unknown>;
}

/** The parameters of an operation: the path item's, overridden by the operation's. */
export function operationParameters(
  context: ImportContext,
  pathItem: Record<string, unknown>,
  pathPointer: string,
  operation: Record<string, unknown>,
  operationPointer: string,
): OperationParameter[] {
  const byKey = new Map<string, OperationParameter>();
  const add = (list: unknown, at: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, i) => {
      const { value, pointer } = context.deref(item, childPointer(at, 'parameters', i));
      if (!isObject(value) || typeof value.name !== 'string' || typeof value.in !== 'string')
        return;
      const schemaPointer = childPointer(pointer, 'schema');
      let schema = value.schema;
      if (schema === undefined && isObject(value.content)) {
        context.warn(
          'approximated',
          childPointer(pointer, 'content'),
          `parameter \`${value.name}\` given as \`content\` is imported as String`,
        );
        schema = { type: 'string' };
      }
      byKey.set(`${value.in} ${value.name}`, {
        name: value.name,
        in: value.in,
        required: value.required === true || value.in === 'path',
        schema: schema ?? { type: 'string' },
        pointer: schemaPointer,
        raw: value,
      });
    });
  };
  add(pathItem.parameters, pathPointer);
  add(operation.parameters, operationPointer);
  return [...byKey.values()];
}

/** Headers that OpenAPI says parameters cannot describe. */
const ignoredHeaders = new Set(['accept', 'content-type', 'authorization']);

/** The type of a parameter, made scalar (or a List of scalars for a query). */
export function parameterType(
  context: ImportContext,
  types: SchemaTranslator,
  param: OperationParameter,
  hint: string,
): string | undefined {
  const { schema, pointer } = param;
  const listOk = param.in === 'query';
  const resolved = context.deref(schema, pointer).value;
  const scalar = isScalarSchema(context, schema, pointer);
  const items = listOk ? arrayItems(context, schema, pointer) : undefined;
  const list = items !== undefined && isScalarSchema(context, items.items, items.pointer);
  if (!scalar && !list) return undefined;
  // `Alias { example: .. }` is `allOf: [{ $ref }, { examples }]`: the annotations are the second part's.
  const site = annotationSite(schema, pointer);
  const raw = isObject(site.schema) ? { ...site.schema } : {};
  // A parameter's own example and deprecation are its schema's, to Specl.
  if (param.raw.example !== undefined && raw.example === undefined) raw.example = param.raw.example;
  if (param.raw.deprecated === true) raw.deprecated = true;
  const entries = annotationEntries(context, raw, site.pointer, {
    field: false,
    optional: !param.required,
  });
  const plain = types.typeExpr(schema, pointer, `${hint}${pascalCase(param.name)}`);
  let type = withAnnotations(plain, entries) ?? plain;
  if (type === plain && entries.length > 0) annotationsLeftOut(context, pointer);
  if (isObject(resolved) && isNullable(resolved)) {
    context.warn(
      'narrowed',
      pointer,
      `parameter \`${param.name}\` may be null in the source; Specl parameters are never null`,
    );
    type = type.replace(/\?(?=( \{|$))/, '');
  }
  return type;
}

/** The clause for a query or header parameter, or undefined (with a warning) when none fits. */
export function parameterClause(
  context: ImportContext,
  types: SchemaTranslator,
  param: OperationParameter,
  hint: string,
  taken: Set<string>,
): string | undefined {
  const at = param.pointer.replace(/\/schema$/, '');
  if (param.in === 'cookie') {
    context.warn(
      'left-out',
      at,
      `cookie parameter \`${param.name}\` is left out: Specl has no cookie parameters`,
    );
    return undefined;
  }
  if (param.in === 'header' && ignoredHeaders.has(param.name.toLowerCase())) {
    context.warn(
      'left-out',
      at,
      `header parameter \`${param.name}\` is left out (OpenAPI ignores it)`,
    );
    return undefined;
  }
  if (param.in !== 'query' && param.in !== 'header') return undefined;
  let name = param.name;
  if (param.in === 'query' && (!isIdentifier(name) || taken.has(name))) {
    context.warn(
      'left-out',
      at,
      `query parameter \`${name}\` is left out: Specl query parameters are named as written, and this is not a Specl name or is taken`,
    );
    return undefined;
  }
  let wire = '';
  if (param.in === 'header') {
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name)) {
      context.warn('left-out', at, `header \`${name}\` is left out: not a valid HTTP header name`);
      return undefined;
    }
    const own = param.raw['x-specl-name'];
    let local =
      context.restoreSpecl && typeof own === 'string' && isIdentifier(own) ? own : camelCase(name);
    while (taken.has(local)) local = `${local}Header`;
    if (local !== name) wire = ` ${stringLiteral(name)!}`;
    name = local;
  }
  const type = parameterType(context, types, param, hint);
  if (type === undefined) {
    context.warn(
      'left-out',
      at,
      `${param.in} parameter \`${param.name}\` is left out: its type is not a string, number, boolean or enum${param.in === 'query' ? ' (or a List of them)' : ''}`,
    );
    return undefined;
  }
  taken.add(name);
  noteStyle(context, param, at);
  return `${param.in} ${name}${wire}${param.required ? '' : '?'}: ${type}`;
}

function noteStyle(context: ImportContext, param: OperationParameter, at: string): void {
  const { style, explode, allowReserved } = param.raw;
  if (style !== undefined && style !== (param.in === 'query' ? 'form' : 'simple')) {
    context.warn('left-out', childPointer(at, 'style'), `style \`${String(style)}\` is left out`);
  }
  if (explode === false && param.in === 'query') {
    context.warn('left-out', childPointer(at, 'explode'), '`explode: false` is left out');
  }
  if (allowReserved === true)
    context.warn('left-out', childPointer(at, 'allowReserved'), '`allowReserved` is left out');
}
