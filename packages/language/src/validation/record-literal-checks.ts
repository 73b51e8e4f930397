import type { ValidationAcceptor } from 'langium';
import type { RecordLiteral } from '../generated/ast.js';
import { expectedType } from '../typing/expected-type.js';
import { recordFields } from '../typing/records.js';
import { stripOptional, typeToString } from '../typing/specl-type.js';
import { withArticle } from '../util/article.js';
import { closestName } from '../util/did-you-mean.js';
import { checkAssignable } from './expression-report.js';
import { report } from './report.js';

/** Checks of record literals (`{ name: "x" }`): a known type, known fields, every required field. */
export class RecordLiteralChecks {
  checkRecordLiteral(expr: RecordLiteral, accept: ValidationAcceptor): void {
    const expected = stripOptional(expectedType(expr));
    if (expected.kind !== 'record') {
      if (expected.kind === 'unknown') {
        report(accept, 'specl/type-mismatch', 'typeRecordLiteral', {}, { node: expr });
      } else {
        report(
          accept,
          'specl/type-mismatch',
          'expectedButRecord',
          { arg0: withArticle(typeToString(expected)) },
          { node: expr },
        );
      }
      return;
    }
    const given = new Set<string>();
    for (const init of expr.fields) {
      const name = init.field.$refText;
      if (given.has(name)) {
        report(
          accept,
          'specl/duplicate-field',
          'default',
          { name },
          {
            node: init,
            property: 'field',
          },
        );
      }
      given.add(name);
      const field = init.field.ref;
      if (!field) continue;
      checkAssignable(accept, init.value, expectedType(init.value), `field \`${name}\``);
    }
    // A required field that an unknown given field is a typo of is reported once, as the typo.
    const unknown = expr.fields
      .filter((init) => !init.field.ref)
      .map((init) => init.field.$refText);
    const missing = recordFields(expected.decl)
      .filter((f) => !f.optional && !given.has(f.name))
      .filter((f) => !unknown.some((name) => closestName(name, [f.name]) === f.name))
      .map((f) => `\`${f.name}\``);
    if (missing.length > 0) {
      report(
        accept,
        'specl/missing-field',
        'default',
        {
          declName: expected.decl.name,
          arg1: missing.join(', '),
          arg2: missing.length > 1 ? 'them' : 'it',
        },
        {
          node: expr,
        },
      );
    }
  }
}
