// The Vacation example's handlers with a bounded store, for the servers of bench/proxy.mjs.
// The example keeps every employee created, and the bench creates a thousand a second: its heap
// would grow by tens of MB in a run, and its collections slow with it, in every setup alike,
// hiding whether Specl's own memory is flat. Here the first employee (the one the bench reads)
// is kept for good and the others only until `limit` more have been created; every answer is
// still the example's own (examples/vacation/impl/handlers.ts).
import type { Handlers } from '../../examples/vacation/generated/types.js';
import { createHandlers } from '../../examples/vacation/impl/handlers.js';

/** The example's handlers, keeping the first employee and at most `limit` of the others. */
export function boundedVacationHandlers(limit = 1000): Handlers {
  const kept = createHandlers();
  let recent = createHandlers();
  let inRecent = 0;
  let first = true;
  return {
    ...kept,
    async createEmployee(request) {
      if (first) {
        first = false;
        return kept.createEmployee(request);
      }
      if (inRecent === limit) {
        recent = createHandlers();
        inRecent = 0;
      }
      inRecent++;
      return recent.createEmployee(request);
    },
    async getEmployee(request) {
      const answer = await kept.getEmployee(request);
      return answer.status === 404 ? recent.getEmployee(request) : answer;
    },
  };
}
