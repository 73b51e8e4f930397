import type { ValidationAcceptor } from 'langium';
import { OpenFields } from '../generated/ast.js';
import type { RecordLike } from '../typing/records.js';
import { report } from './report.js';

/** Checks that a record opens itself (`...Map<T>`) at most once among its own members. */
export function checkOpenedOnce(decl: RecordLike, accept: ValidationAcceptor): void {
  let opened = false;
  for (const member of decl.members) {
    if (member.$type !== OpenFields.$type) continue;
    if (opened) report(accept, 'specl/duplicate-clause', 'openOnce', {}, { node: member });
    opened = true;
  }
}
