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
 * Warns about the keywords of a schema that Specl cannot say, and keeps as comments the
 * annotations (default, examples, readOnly, ...) that its holder did not write.
 */
export function noteSchemaKeywords(
  context: ImportContext,
  schema: Record<string, unknown>,
  pointer: string,
): void {
  const annotated = context.annotated.get(pointer);
  const said = (keyword: string) => schema[keyword] !== undefined && !annotated?.has(keyword);
  for (const [keyword, message] of Object.entries(leftOut)) {
    if (schema[keyword] !== undefined) {
      const kind =
        keyword === 'xml' || keyword === 'minProperties' || keyword === 'maxProperties'
          ? 'left-out'
          : 'widened';
      context.warn(kind, childPointer(pointer, keyword), message);
    }
  }
  if (
    (schema.readOnly === true && said('readOnly')) ||
    (schema.writeOnly === true && said('writeOnly'))
  ) {
    const which = schema.readOnly === true && said('readOnly') ? 'readOnly' : 'writeOnly';
    context.warn(
      'approximated',
      childPointer(pointer, which),
      `\`${which}\` left out: the field is expected in requests and responses alike`,
    );
  }
  if (said('default')) {
    context.warn(
      'left-out',
      childPointer(pointer, 'default'),
      `default ${shortJson(schema.default)} kept as this comment`,
    );
  }
  if (said('example')) {
    context.warn(
      'left-out',
      childPointer(pointer, 'example'),
      `example ${shortJson(schema.example)} kept as this comment`,
    );
  }
  if (Array.isArray(schema.examples) && schema.examples.length > 0 && said('examples')) {
    context.warn(
      'left-out',
      childPointer(pointer, 'examples'),
      `examples ${shortJson(schema.examples)} kept as this comment`,
    );
  }
  if (schema.deprecated === true && said('deprecated')) {
    context.warn('left-out', childPointer(pointer, 'deprecated'), 'deprecated');
  }
}
