import type { ImportContext } from './import-context.js';
import { childPointer } from './json-pointer.js';
import { shortJson } from './specl-text.js';

/** Keywords Specl has no form for, and what import does with each. */
const leftOut: Record<string, string> = {
  not: '`not` left out: the spec accepts the values it excludes',
  if: '`if`/`then`/`else` left out: the spec accepts values they reject',
  patternProperties: '`patternProperties` left out',
  dependentSchemas: '`dependentSchemas` left out',
  dependentRequired: '`dependentRequired` left out',
  dependencies: '`dependencies` left out',
  propertyNames: '`propertyNames` left out',
  contains: '`contains` left out',
  unevaluatedProperties: '`unevaluatedProperties` left out',
  unevaluatedItems: '`unevaluatedItems` left out',
  multipleOf: '`multipleOf` left out: the spec accepts numbers that are not multiples',
  minProperties: '`minProperties` left out',
  maxProperties: '`maxProperties` left out',
  xml: '`xml` left out: Specl speaks JSON',
};

/**
 * Warns about the keywords of a schema that Specl cannot say, and keeps its default and
 * examples as comments (Specl has no syntax for them yet).
 */
export function noteSchemaKeywords(
  context: ImportContext,
  schema: Record<string, unknown>,
  pointer: string,
): void {
  for (const [keyword, message] of Object.entries(leftOut)) {
    if (schema[keyword] !== undefined) {
      const kind =
        keyword === 'xml' || keyword === 'minProperties' || keyword === 'maxProperties'
          ? 'left-out'
          : 'widened';
      context.warn(kind, childPointer(pointer, keyword), message);
    }
  }
  if (schema.readOnly === true || schema.writeOnly === true) {
    const which = schema.readOnly === true ? 'readOnly' : 'writeOnly';
    context.warn(
      'approximated',
      childPointer(pointer, which),
      `\`${which}\` left out: the field is expected in requests and responses alike`,
    );
  }
  if (schema.default !== undefined) {
    context.warn(
      'left-out',
      childPointer(pointer, 'default'),
      `default ${shortJson(schema.default)} kept as this comment`,
    );
  }
  if (schema.example !== undefined) {
    context.warn(
      'left-out',
      childPointer(pointer, 'example'),
      `example ${shortJson(schema.example)} kept as this comment`,
    );
  }
  if (Array.isArray(schema.examples) && schema.examples.length > 0) {
    context.warn(
      'left-out',
      childPointer(pointer, 'examples'),
      `examples ${shortJson(schema.examples)} kept as this comment`,
    );
  }
  if (schema.deprecated === true) {
    context.warn('left-out', childPointer(pointer, 'deprecated'), 'deprecated');
  }
}
