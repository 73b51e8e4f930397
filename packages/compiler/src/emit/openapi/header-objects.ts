import type { HeadersIR, SpecIR } from '../../ir/spec-ir.js';
import type { HeaderObject, ReferenceObject } from './openapi-document.js';
import { schemaOfType } from './schema-of-type.js';
import type { TypesByName } from './union-keyword.js';

/**
 * The key of one response header in `components/headers`: its declaration's name and its own,
 * `RateLimit.remaining` (import reads both back from it).
 */
export function headerComponentKey(decl: string, header: string): string {
  return `${decl}.${header}`;
}

/**
 * `components/headers`: every header of every `headers` declaration, under
 * {@link headerComponentKey}, sorted as the declarations and their headers are written, each
 * with its wire name in `x-specl-wire-name` (a set no answer carries keeps it nowhere else).
 */
export function componentHeaders(
  ir: SpecIR,
  types: TypesByName,
): Record<string, HeaderObject> | undefined {
  if (!ir.headers) return undefined;
  const entries = ir.headers.flatMap((decl) =>
    decl.headers.map((header): [string, HeaderObject] => [
      headerComponentKey(decl.name, header.name),
      {
        ...(header.description !== undefined && { description: header.description }),
        ...(!header.optional && { required: true }),
        schema: schemaOfType(header.type, types),
        'x-specl-wire-name': header.wireName,
      },
    ]),
  );
  return Object.fromEntries(entries);
}

/**
 * `x-specl-header-descriptions` of `components`: the doc comment of each `headers` declaration
 * that has one (OpenAPI has headers one by one, not their sets), for import to read back.
 */
export function headerSetDescriptions(ir: SpecIR): Record<string, string> | undefined {
  const entries = (ir.headers ?? []).flatMap((decl) =>
    decl.description === undefined ? [] : [[decl.name, decl.description] as const],
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * A response's `headers`: each header of the declarations named (`with A, B`) by its wire
 * name, as a `$ref` into `components/headers`; undefined when it carries none.
 */
export function responseHeaders(
  names: readonly string[] | undefined,
  declarations: readonly HeadersIR[] | undefined,
): Record<string, ReferenceObject> | undefined {
  if (!names || names.length === 0) return undefined;
  const result: Record<string, ReferenceObject> = {};
  for (const name of names) {
    const decl = declarations?.find((d) => d.name === name);
    if (!decl) throw new Error(`a response carries headers ${name}, which are not declared`);
    for (const header of decl.headers)
      result[header.wireName] = {
        $ref: `#/components/headers/${headerComponentKey(decl.name, header.name)}`,
      };
  }
  return result;
}
