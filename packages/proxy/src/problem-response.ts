import type { ServerResponse } from 'node:http';
import type { ContractViolation } from '@specl/runtime';

/** An RFC 9457 problem: what the proxy answers instead of the target. */
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly endpoint?: string;
  /** The first clause broken, and where the spec writes it. */
  readonly clause?: string;
  readonly at?: string;
  readonly violations?: readonly {
    readonly kind: string;
    readonly clause?: string;
    readonly at?: string;
    readonly detail: string;
  }[];
}

/** A problem that names every violation, the first one's clause on top. */
export function violationProblem(
  status: number,
  title: string,
  endpoint: string,
  violations: readonly ContractViolation[],
): Problem {
  const [first] = violations;
  return {
    type: 'urn:specl:problem:contract-violation',
    title,
    status,
    detail: first?.detail ?? title,
    endpoint,
    ...(first?.clause && { clause: first.clause.source, at: first.clause.at }),
    violations: violations.map((v) => ({
      kind: v.kind,
      ...(v.clause && { clause: v.clause.source, at: v.clause.at }),
      detail: v.detail,
    })),
  };
}

/** A problem of the proxy itself: the target is down or slow, a body is too large. */
export function proxyProblem(status: number, title: string, detail: string): Problem {
  return { type: `urn:specl:problem:proxy-${status}`, title, status, detail };
}

/** Answers `problem` as `application/problem+json`; closes the connection when asked. */
export function sendProblem(res: ServerResponse, problem: Problem, close = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, {
    'content-type': 'application/problem+json',
    'content-length': Buffer.byteLength(body),
    ...(close && { connection: 'close' }),
  });
  res.end(body);
}
