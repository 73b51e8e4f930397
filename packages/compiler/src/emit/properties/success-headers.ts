import type { EndpointIR, ResponseHeaderIR, SpecIR } from '../../ir/spec-ir.js';

/** A header `headers.NAME` may read in an endpoint's `ensures`, as the 2xx answers declare it. */
export interface SuccessHeader {
  /** The first declaration of the name on a 2xx answer (its type types the read). */
  readonly header: ResponseHeaderIR;
  /** Absent on some success: optional on one, or not carried by every 2xx answer. */
  readonly optional: boolean;
}

/**
 * The headers of an endpoint's 2xx answers by Specl name, as `headers.NAME` reads them in
 * `ensures` (the checker's typing, on the IR): each name once, optional when a 2xx answer may
 * leave it out. 3xx answers and errors are no success and are left out.
 */
export function successHeaders(endpoint: EndpointIR, ir: SpecIR): Map<string, SuccessHeader> {
  const sets = endpoint.responses
    .filter((response) => response.status >= 200 && response.status < 300)
    .map((response) =>
      (response.headers ?? []).flatMap(
        (name) => ir.headers?.find((decl) => decl.name === name)?.headers ?? [],
      ),
    );
  const result = new Map<string, SuccessHeader>();
  for (const header of sets.flat()) {
    if (result.has(header.name)) continue;
    const found = sets.map((set) => set.find((h) => h.name === header.name));
    const optional = found.some((h) => h === undefined || h.optional);
    result.set(header.name, { header, optional });
  }
  return result;
}
