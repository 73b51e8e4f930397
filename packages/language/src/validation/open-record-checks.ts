import type { ValidationAcceptor } from 'langium';
import { isOpenFields } from '../generated/ast.js';
import type { RecordLike } from '../typing/records.js';
import { report } from './report.js';

/** Checks that a record opens itself (`...Map<T>`) at most once among its own members. */
export function checkOpenedOnce(decl: RecordLike, accept: ValidationAcceptor): void {
  const opened = decl.members.filter(isOpenFields);
  for (const extra of opened.slice(1))
    report(accept, 'specl/duplicate-clause', 'openOnce', {}, { node: extra });
}
