import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { generateSync } from 'json-schema-faker';

/** A schema with the document it stands in (its `$ref`s point into `root`). */
export interface RootedSchema {
  readonly schema: unknown;
  /** `components` of the document the schema's refs point into. */
  readonly components: unknown;
}

/** Values one schema accepts that the other rejects, in each direction. */
export interface SamplingResult {
  readonly sourceNotInImported: unknown[];
  readonly importedNotInSource: unknown[];
  /** Values sampled from each side that both schemas agreed on. */
  readonly agreed: number;
}

const ajv = new Ajv2020({ strict: false, validateFormats: false, allowUnionTypes: true });

function validator(rooted: RootedSchema): ValidateFunction {
  return ajv.compile({ ...(rooted.schema as object), components: rooted.components });
}

function samples(rooted: RootedSchema, seed: number, count: number): unknown[] {
  const values: unknown[] = [];
  const schema = { ...(rooted.schema as object), components: rooted.components } as never;
  for (let i = 0; i < count; i++) {
    values.push(generateSync(schema, { seed: seed + i, maxDepth: 4, optionalsProbability: 0.5 }));
  }
  return values;
}

/**
 * Samples `count` values from each schema (json-schema-faker, seeded) and validates each
 * against the other schema (Ajv, JSON Schema 2020-12; formats are annotations).
 */
export function compareBySampling(
  source: RootedSchema,
  imported: RootedSchema,
  seed: number,
  count = 20,
): SamplingResult {
  const validSource = validator(source);
  const validImported = validator(imported);
  const fromSource = samples(source, seed, count).filter((value) => validSource(value));
  const fromImported = samples(imported, seed, count).filter((value) => validImported(value));
  const sourceNotInImported = fromSource.filter((value) => !validImported(value));
  const importedNotInSource = fromImported.filter((value) => !validSource(value));
  return {
    sourceNotInImported,
    importedNotInSource,
    agreed:
      fromSource.length +
      fromImported.length -
      sourceNotInImported.length -
      importedNotInSource.length,
  };
}

/**
 * An OpenAPI 3.0 schema as JSON Schema 2020-12: `nullable` as a `null` type, boolean exclusive
 * bounds as numbers (3.1 schemas pass through unchanged).
 */
export function toJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    if (key === 'example' || key === 'discriminator' || key === 'xml') continue;
    out[key] = key === 'enum' || key === 'const' || key === 'default' ? child : toJsonSchema(child);
  }
  if (out.exclusiveMinimum === true) [out.exclusiveMinimum, out.minimum] = [out.minimum, undefined];
  if (out.exclusiveMaximum === true) [out.exclusiveMaximum, out.maximum] = [out.maximum, undefined];
  if (out.exclusiveMinimum === false) delete out.exclusiveMinimum;
  if (out.exclusiveMaximum === false) delete out.exclusiveMaximum;
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    else if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    else return { anyOf: [out, { type: 'null' }] };
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
  }
  for (const key of Object.keys(out)) if (out[key] === undefined) delete out[key];
  return out;
}
