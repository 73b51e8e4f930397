import type { Exchange } from '@specl/runtime';

/** A value as compact JSON, cut to `max` characters. */
export function compact(value: unknown, max = 400): string {
  const text =
    value === undefined
      ? '(no body)'
      : JSON.stringify(value, (_, v: unknown) =>
          v instanceof Uint8Array ? `<${v.length} bytes>` : v,
        );
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** The request's path with its parameters filled in: `/employees/3f…/requests`. */
function filledPath(exchange: Exchange): string {
  const { path, request } = exchange.sent;
  return path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String(request[name])),
  );
}

/**
 * An exchange as lines: `→ POST /employees {body}` and `← 201 {body}`, or why nothing came
 * back. Parameters other than path ones show beside the body.
 */
export function formatExchange(exchange: Exchange): string[] {
  const { sent } = exchange;
  const others = Object.entries(sent.request).filter(
    ([name]) => name !== 'body' && !sent.path.includes(`{${name}}`),
  );
  const params = others.length > 0 ? ` ${compact(Object.fromEntries(others))}` : '';
  const body = sent.rawBody
    ? ` (${sent.rawBody.contentType}) ${compact(sent.rawBody.text)}`
    : 'body' in sent.request
      ? ` ${compact(sent.request['body'])}`
      : '';
  const lines = [`→ ${sent.method} ${filledPath(exchange)}${params}${body}`];
  if (sent.breaks !== undefined) lines.push(`  (breaks the spec: ${sent.breaks})`);
  if (exchange.response)
    lines.push(`← ${exchange.response.status} ${compact(exchange.response.body)}`);
  else lines.push(`← ${exchange.failure ?? 'no answer'}`);
  return lines;
}

/**
 * The note of a failure that needed earlier state (none for others): the run alone no longer
 * fails, how many earlier requests the JSON report keeps, and how to replay it.
 */
export function stateNote(failure: {
  readonly needsState?: boolean;
  readonly history?: readonly unknown[];
  readonly historyDropped?: number;
}): string | undefined {
  if (!failure.needsState) return undefined;
  const kept = failure.history?.length ?? 0;
  const dropped = failure.historyDropped ? ` (${failure.historyDropped} earlier ones dropped)` : '';
  return `needs earlier state: the run alone no longer fails on this server; the JSON report keeps the ${kept} requests sent before it${dropped}, which --history <report.json> sends again before the replay (or reset the server between runs with --reset)`;
}
