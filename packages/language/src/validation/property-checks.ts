import type { ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { ForallVar, Let, NameRef, Property, PropertyStatement } from '../generated/ast.js';
import {
  isEndpointCall,
  isForall,
  isForallVar,
  isLet,
  isNameRef,
  isProperty,
} from '../generated/ast.js';
import { report } from './report.js';

/** Checks of properties: names bound before use, `try` on calls. */
export class PropertyChecks {
  checkBindingOrder(property: Property, accept: ValidationAcceptor): void {
    const indexOf = new Map<PropertyStatement, number>(property.statements.map((s, i) => [s, i]));
    property.statements.forEach((statement, useIndex) => {
      for (const node of AstUtils.streamAst(statement)) {
        if (!isNameRef(node)) continue;
        const target = node.target.ref;
        if (!target || AstUtils.getContainerOfType(target, isProperty) !== property) continue;
        const binding = isLet(target)
          ? target
          : isForallVar(target)
            ? target.$container
            : undefined;
        if (!binding) continue;
        const bindIndex = indexOf.get(binding) ?? -1;
        const selfReference = isLet(target) && bindIndex === useIndex;
        if (bindIndex > useIndex || selfReference)
          this.reportUnbound(node, target.name, selfReference, accept);
      }
    });
  }

  private reportUnbound(
    ref: NameRef,
    name: string,
    selfReference: boolean,
    accept: ValidationAcceptor,
  ): void {
    if (selfReference) {
      report(accept, 'specl/let-before-bound', 'usedOwnLet', { name }, { node: ref });
    } else {
      report(accept, 'specl/let-before-bound', 'usedBeforeIt', { name }, { node: ref });
    }
  }

  /** Each `forall` variable and `let` of a property binds a name of its own. */
  checkDuplicateBindings(property: Property, accept: ValidationAcceptor): void {
    const bound = new Map<string, string>();
    const bind = (node: Let | ForallVar, kind: string) => {
      const first = bound.get(node.name);
      if (first) {
        report(
          accept,
          'specl/duplicate-declaration',
          'default',
          { nodeName: node.name, first },
          { node, property: 'name' },
        );
      } else {
        bound.set(node.name, kind);
      }
    };
    for (const statement of property.statements) {
      if (isForall(statement))
        statement.variables.forEach((variable) => bind(variable, '`forall`'));
      if (isLet(statement)) bind(statement, 'a `let`');
    }
  }

  checkLet(binding: Let, accept: ValidationAcceptor): void {
    if (binding.try && binding.value && !isEndpointCall(binding.value)) {
      report(
        accept,
        'specl/misplaced-expression',
        'default',
        {},
        {
          node: binding,
          property: 'try',
        },
      );
    }
  }
}
