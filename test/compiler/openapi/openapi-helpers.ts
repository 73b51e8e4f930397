/**
 * Helpers for the OpenAPI emitter's tests: check and lower inline specs, emit their OpenAPI, and
 * validate it with independent tools (Swagger Parser against the OpenAPI 3.1 schema; Ajv's JSON
 * Schema 2020-12 mode, strict, for every schema in the document).
 */
import { createRequire } from 'node:module';
import SwaggerParser from '@apidevtools/swagger-parser';
import { emitOpenApi } from '@specl/compiler';
import { lowerSource } from '../../helpers/lower.js';
import type { OpenApiDocument, SchemaObject, SpecIR } from '@specl/compiler';

export { HEADER } from '../../helpers/check.js';
export { lowerFiles as lowerSources } from '../../helpers/lower.js';

/** The IR of an inline spec `/main.specl` (a header added when it has none). */
export const irOf = (source: string): Promise<SpecIR> => lowerSource(source);

/** The OpenAPI document an IR gives, parsed back from `openapi.json`. */
export function openApiOfIr(ir: SpecIR): OpenApiDocument {
  const json = emitOpenApi(ir, {}).find((f) => f.path === 'openapi.json')!;
  return JSON.parse(json.content) as OpenApiDocument;
}

/** The OpenAPI document of an inline spec. */
export async function openApiOf(source: string): Promise<OpenApiDocument> {
  return openApiOfIr(await irOf(source));
}

/** The schemas of an inline spec's components. */
export async function schemasOf(source: string): Promise<Record<string, SchemaObject>> {
  return { ...(await openApiOf(source)).components.schemas };
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
interface AjvLike {
  addKeyword(keyword: string): unknown;
  addSchema(schema: object): unknown;
  getSchema(ref: string): Validate | undefined;
  compile(schema: object): Validate;
}
/** Ajv for JSON Schema 2020-12 (OpenAPI 3.1's dialect); CommonJS, loaded with require. */
const Ajv2020 = createRequire(import.meta.url)('ajv/dist/2020').default as new (
  options: object,
) => AjvLike;

const DOCUMENT_ID = 'urn:specl:openapi';
const EXTENSIONS = [
  'x-specl-invariants',
  'x-specl-status',
  'x-specl-headers',
  'x-specl-media-types',
  'x-specl-enum-descriptions',
];

/**
 * A strict Ajv holding the document's component schemas (`$ref`s rewritten to resolve there),
 * each compiled, so that a schema that is not valid JSON Schema 2020-12, or that strict mode
 * finds suspect (unknown keywords, ignored keywords), throws.
 */
export function schemaValidator(doc: OpenApiDocument) {
  const ajv = new Ajv2020({
    strict: true,
    strictTypes: false,
    allErrors: true,
    // Known formats, not checked by Ajv: the emitted validators check them (`decimal` is the
    // OpenAPI Format Registry's).
    formats: {
      ...{ uuid: true, email: true, uri: true, date: true, 'date-time': true },
      ...{ int32: true, int64: true, decimal: true, 'uri-template': true },
    },
  });
  // OpenAPI's `discriminator` is a hint to tools; `oneOf` alone decides validity (Ajv's own
  // discriminator support refuses `mapping`, so it is read as an annotation here).
  for (const keyword of ['components', 'discriminator', ...EXTENSIONS]) ajv.addKeyword(keyword);
  const anchored = <T>(value: T): T =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/', `"${DOCUMENT_ID}#/components/`));
  ajv.addSchema({ $id: DOCUMENT_ID, components: anchored(doc.components) });
  const component = (name: string): Validate => {
    const validate = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
    if (!validate) throw new Error(`no schema ${name}`);
    return validate;
  };
  Object.keys(doc.components.schemas).forEach(component);
  const inline = (schema: SchemaObject): Validate => ajv.compile(anchored(schema));
  return {
    /** Whether a value fits the named component schema. */
    fits: (name: string, value: unknown) => component(name)(value),
    /** Whether a value fits an inline schema of the document (a parameter's, a body's). */
    fitsSchema: (schema: SchemaObject, value: unknown) => inline(schema)(value),
    /** Compiles every schema under `paths` (parameters, bodies, responses). */
    compileOperations: () => {
      for (const item of Object.values(doc.paths)) {
        for (const operation of Object.values(item)) {
          for (const parameter of operation.parameters ?? []) inline(parameter.schema);
          // Every media type's schema (raw bytes have none).
          const contents = [
            operation.requestBody?.content,
            ...Object.values(operation.responses).map((response) => response.content),
          ];
          for (const content of contents)
            for (const media of Object.values(content ?? {}))
              if (media.schema) inline(media.schema);
        }
      }
    },
  };
}

/**
 * The rules of OpenAPI that its schema does not check: operationIds are unique, every template
 * parameter is a path parameter of each operation on that path (and no other is), no two
 * templates differ only in their parameter names, and parameters are unique by name and place;
 * a server variable's description (which Swagger Parser's schema cannot check) is a string.
 */
export function openApiRuleBreaks(doc: OpenApiDocument): string[] {
  const breaks: string[] = [];
  for (const server of doc.servers ?? [])
    for (const [name, variable] of Object.entries(server.variables ?? {}))
      if (
        !['string', 'undefined'].includes(
          typeof (variable as { description?: unknown }).description,
        )
      )
        breaks.push(`server ${server.url}: variable ${name} has a description that is no string`);
  const ids = new Set<string>();
  const erased = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    const shape = path.replace(/\{[^}]*\}/g, '{}');
    if (erased.has(shape)) breaks.push(`${path}: another template differs only in names`);
    erased.add(shape);
    const names = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]).sort();
    for (const [method, operation] of Object.entries(item)) {
      if (ids.has(operation.operationId)) breaks.push(`duplicate id ${operation.operationId}`);
      ids.add(operation.operationId);
      const parameters = operation.parameters ?? [];
      const inPath = parameters.filter((p) => p.in === 'path').map((p) => p.name);
      if (JSON.stringify([...inPath].sort()) !== JSON.stringify(names))
        breaks.push(`${method} ${path}: path parameters ${inPath.join(', ')}`);
      const keys = parameters.map((p) => `${p.in}:${p.name}`);
      if (new Set(keys).size !== keys.length) breaks.push(`${method} ${path}: ${keys.join(', ')}`);
    }
  }
  return breaks;
}

/**
 * A copy of a document for Swagger Parser: the OpenAPI 3.1 schema it bundles misspells a server
 * variable's `description` as `descriptions` (docs/language.md, "Spec metadata"), so it rejects
 * what the specification allows. The variables' descriptions are taken out of the copy (they
 * are plain strings, checked by `openApiRuleBreaks`); everything else is validated as it is.
 */
function forSwaggerParser(doc: OpenApiDocument): OpenApiDocument {
  const copy = structuredClone(doc) as { servers?: { variables?: Record<string, object> }[] };
  for (const server of copy.servers ?? [])
    for (const variable of Object.values(server.variables ?? {}))
      delete (variable as { description?: string }).description;
  return copy as OpenApiDocument;
}

/**
 * Validates a document with Swagger Parser (against the OpenAPI 3.1 schema, `$ref`s resolved;
 * on a deep copy, as it dereferences in place) and compiles every schema in it with strict Ajv.
 */
export async function expectValidOpenApi(doc: OpenApiDocument): Promise<void> {
  await SwaggerParser.validate(forSwaggerParser(doc) as never);
  schemaValidator(doc).compileOperations();
  const breaks = openApiRuleBreaks(doc);
  if (breaks.length > 0) throw new Error(`OpenAPI rules broken:\n${breaks.join('\n')}`);
}
