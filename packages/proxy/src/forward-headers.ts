import type { IncomingHttpHeaders } from 'node:http';

/** Headers of one connection, not of the message: a proxy never forwards them (RFC 9110 7.6.1). */
const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
];

/**
 * Request headers not forwarded besides the hop-by-hop ones: the target's `host` and the
 * proxy's own `x-forwarded-host` and `x-forwarded-proto` are set instead (a client's copy kept
 * beside them would let it name the scheme or host the target believes, as most frameworks read
 * the first), and an `expect: 100-continue` was met by the proxy's own server, which asked for
 * the body.
 */
const REQUEST_DROPPED = new Set([
  ...HOP_BY_HOP,
  'host',
  'x-forwarded-host',
  'x-forwarded-proto',
  'expect',
]);
/** A body the proxy read goes on with a length of its own (the client's may be chunked). */
const READ_REQUEST_DROPPED = new Set([...REQUEST_DROPPED, 'content-length']);
/** An answer's own length is not forwarded as it came: the proxy sets it as it sends the answer. */
const ANSWER_DROPPED = new Set([...HOP_BY_HOP, 'content-length']);

/**
 * Headers as a flat list, name then value (a repeated header's lines as a list): what both
 * `res.writeHead` and undici take as they are, without an object of headers to build and each
 * then to walk by key (two per request and direction, on objects of many shapes).
 */
export type HeaderList = (string | string[])[];

/** A header's text: a repeated one's lines joined as HTTP joins them (RFC 9110 5.3). */
export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * The headers of a message to forward: without those in `dropped` (hop-by-hop ones among them)
 * and those its `connection` header names.
 */
function forwardHeaders(headers: IncomingHttpHeaders, dropped: ReadonlySet<string>): HeaderList {
  const connection = headers['connection'];
  // None for the usual `keep-alive` and `close` (`keep-alive` is a hop-by-hop header anyway).
  const named =
    connection === undefined || connection === 'keep-alive' || connection === 'close'
      ? undefined
      : String(connection)
          .split(',')
          .map((name) => name.trim().toLowerCase());
  const out: HeaderList = [];
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined || dropped.has(name) || named?.includes(name) === true) continue;
    out.push(name, value);
  }
  return out;
}

/**
 * A request's headers as they go to the target: the client's end-to-end ones, the target's
 * `host`, `x-forwarded-host` and `-proto`, and for a body the proxy read (`readLength`, its
 * byte length) that length instead of the client's framing.
 */
export function targetRequestHeaders(
  headers: IncomingHttpHeaders,
  targetHost: string,
  readLength: number | undefined,
): HeaderList {
  const read = readLength !== undefined;
  const out = forwardHeaders(headers, read ? READ_REQUEST_DROPPED : REQUEST_DROPPED);
  out.push('host', targetHost, 'x-forwarded-host', headers.host ?? '', 'x-forwarded-proto', 'http');
  if (read) out.push('content-length', String(readLength));
  return out;
}

/** An answer's headers as they go to the client, without its length (the proxy sets that). */
export function clientAnswerHeaders(headers: IncomingHttpHeaders): HeaderList {
  return forwardHeaders(headers, ANSWER_DROPPED);
}
