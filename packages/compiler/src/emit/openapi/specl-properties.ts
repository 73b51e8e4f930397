import type { PropertyIR, StatementIR } from '../../ir/spec-ir.js';
import { exprSource, typeSource } from './expr-source.js';
import type { SpeclProperty } from './openapi-document.js';
import { locationText } from './specl-condition.js';

/**
 * A property statement as Specl source. Conditions (`where`, `expect`) keep their written text;
 * `forall` variables and `let` values are printed from the IR, which does not keep their text.
 */
export function statementSource(statement: StatementIR): string {
  switch (statement.kind) {
    case 'forall': {
      const variables = statement.variables.map((v) => `${v.name}: ${typeSource(v.type)}`);
      const where = statement.where ? ` where ${statement.where.source}` : '';
      return `forall ${variables.join(', ')}${where}`;
    }
    case 'let': {
      const call = statement.call;
      const value = call
        ? `${call.endpoint}(${call.args.map((a) => `${a.name}: ${exprSource(a.value)}`).join(', ')})`
        : statement.value
          ? exprSource(statement.value)
          : '';
      const prefix = statement.try ? 'try ' : statement.pages ? 'pages ' : '';
      return `let ${statement.name} = ${prefix}${value}`;
    }
    case 'expect':
      return `expect ${statement.condition.source}`;
  }
}

/** The spec's written properties as `x-specl-properties` entries, in the IR's order (by name). */
export function speclProperties(properties: readonly PropertyIR[]): SpeclProperty[] {
  return properties.map((property) => ({
    name: property.name,
    ...(property.description !== undefined && { description: property.description }),
    statements: property.statements.map(statementSource),
    location: locationText(property.location),
  }));
}
