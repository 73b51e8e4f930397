import type { ValidationAcceptor } from 'langium';
import { GrammarUtils } from 'langium';
import type { Endpoint, EndpointCall } from '../generated/ast.js';
import { isBodyClause, isHeaderParam, isLet, isQueryParam } from '../generated/ast.js';
import { endpointParameters } from '../scoping/local-names.js';
import { expectedType } from '../typing/expected-type.js';
import { checkAssignable } from './expression-report.js';
import type { DiagnosticFix } from './fixes.js';
import { placeholderValue } from './placeholder-value.js';
import { report } from './report.js';
import { typeOfNamedElement } from '../typing/type-of.js';
import { unknownType } from '../typing/specl-type.js';

/** Checks of endpoint calls in properties: where they stand, and their arguments. */
export class CallChecks {
  checkEndpointCall(expr: EndpointCall, accept: ValidationAcceptor): void {
    if (!isLet(expr.$container) || expr.$container.value !== expr) {
      report(
        accept,
        'specl/misplaced-expression',
        'callWholeValue',
        { endpointRefText: expr.endpoint.$refText },
        { node: expr },
      );
    }
    const endpoint = expr.endpoint.ref;
    if (!endpoint) return;
    const given = new Set<string>();
    for (const argument of expr.args) {
      const name = argument.parameter.$refText;
      if (given.has(name)) {
        report(
          accept,
          'specl/duplicate-parameter',
          'alreadyPassedRemove',
          { name },
          {
            node: argument,
            property: 'parameter',
          },
        );
      }
      given.add(name);
      if (argument.parameter.ref)
        checkAssignable(
          accept,
          argument.value,
          expectedType(argument.value),
          `parameter \`${name}\``,
        );
    }
    const missing = requiredParameters(endpoint).filter((name) => !given.has(name));
    if (missing.length > 0) {
      const list = missing.map((m) => `\`${m}\``).join(', ');
      report(
        accept,
        'specl/missing-parameter',
        'default',
        { endpointName: endpoint.name, list, arg2: missing.map((m) => `\`${m}: ...\``).join(', ') },
        {
          node: expr,
          property: 'endpoint',
        },
        addArguments(expr, endpoint, missing),
      );
    }
  }
}

/** The fix that adds the missing arguments to a call, each with a placeholder value. */
function addArguments(call: EndpointCall, endpoint: Endpoint, missing: string[]): DiagnosticFix[] {
  const close = call.$cstNode && GrammarUtils.findNodeForKeyword(call.$cstNode, ')');
  if (!close) return [];
  const params = endpointParameters(endpoint);
  const args = missing.map((name) => {
    const param = params.find((p) => (isBodyClause(p) ? 'body' : p.name) === name);
    return `${name}: ${placeholderValue(param ? typeOfNamedElement(param) : unknownType)}`;
  });
  const before = close.root.fullText.slice(0, close.offset).trimEnd();
  const separator = call.args.length === 0 || before.endsWith(',') ? '' : ', ';
  const at = close.range.start;
  const title = `Add ${missing.map((m) => `\`${m}\``).join(', ')} to the call`;
  return [
    { title, edits: [{ range: { start: at, end: at }, newText: separator + args.join(', ') }] },
  ];
}

/**
 * The names a call must pass: path parameters, required query parameters and the body.
 * Headers may be left out: the verifier generates them from their type on each call (as suits
 * idempotency keys and trace ids).
 */
export function requiredParameters(endpoint: Endpoint): string[] {
  return endpointParameters(endpoint)
    .filter((param) => !isHeaderParam(param) && !(isQueryParam(param) && param.optional))
    .map((param) => (isBodyClause(param) ? 'body' : param.name));
}
