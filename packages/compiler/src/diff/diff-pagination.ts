import type { EndpointIR } from '../ir/spec-ir.js';
import { paginationText as clauseText } from '../ir/pagination-text.js';
import type { DiffContext } from './diff-context.js';
import { breaking } from './judgement.js';

/**
 * Pagination: every change breaks someone. An endpoint that starts to answer in pages gives a
 * client that read one answer as the whole list only its first page; one that stops no longer
 * promises its walkers what the cursor means; a moved cursor or items path sends walkers to
 * the wrong place.
 */
export function diffPagination(ctx: DiffContext, a: EndpointIR, b: EndpointIR): void {
  const before = a.pagination && clauseText(a.pagination);
  const after = b.pagination && clauseText(b.pagination);
  if (before === after) return;
  const at = { old: a.location, new: b.location };
  const subject = `${a.name} pagination`;
  if (!before)
    ctx.log.add(
      {
        kind: 'pagination-added',
        subject,
        message: `\`${a.name}\` now answers in pages (\`${after}\`)`,
        ...at,
      },
      breaking('clients that read one answer as the whole list now see only its first page'),
    );
  else if (!after)
    ctx.log.add(
      {
        kind: 'pagination-removed',
        subject,
        message: `\`${a.name}\` no longer answers in pages (was \`${before}\`)`,
        ...at,
      },
      breaking('clients that walk its pages no longer know what a cursor means'),
    );
  else
    ctx.log.add(
      {
        kind: 'pagination-changed',
        subject,
        message: `the pages of \`${a.name}\` changed: \`${before}\` → \`${after}\``,
        ...at,
      },
      breaking(
        'clients walk with the old cursor parameter (or the old Link header) or read the old places',
      ),
    );
}
