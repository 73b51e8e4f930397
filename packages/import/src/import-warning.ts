/**
 * What import did with something Specl cannot say exactly:
 * - `approximated`: kept in a nearby form that accepts and rejects different values;
 * - `widened`: kept, but the spec now accepts more than the source;
 * - `narrowed`: kept, but the spec now accepts less than the source;
 * - `renamed`: a name that is not a Specl name was changed;
 * - `left-out`: not in the spec, kept only as a comment.
 */
export type WarningKind = 'approximated' | 'widened' | 'narrowed' | 'renamed' | 'left-out';

/** A warning about one place of the source document. */
export interface ImportWarning {
  readonly kind: WarningKind;
  /** Where in the source, as a JSON pointer fragment (`#/components/schemas/Pet`). */
  readonly pointer: string;
  readonly message: string;
}

/** The warning kinds, in the order summaries list them. */
export const warningKinds: readonly WarningKind[] = [
  'approximated',
  'widened',
  'narrowed',
  'renamed',
  'left-out',
];
