import type { IncomingHttpHeaders } from 'node:http';

/** Headers of one connection, not of the message: a proxy never forwards them (RFC 9110 7.6.1). */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Headers as a flat list, name then value (a repeated header's lines as a list): what both
 * `res.writeHead` and undici take as they are, without an object of headers to build and each
 * then to walk by key (two per request and direction, on objects of many shapes).
 */
export type HeaderList = (string | string[])[];

/**
 * The headers of a message to forward, without hop-by-hop ones, those `connection` names and
 * those in `drop`.
 */
export function forwardHeaders(
  headers: IncomingHttpHeaders,
  drop: readonly string[] = [],
): HeaderList {
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
    if (value === undefined || HOP_BY_HOP.has(name) || named?.includes(name) === true) continue;
    if (drop.length > 0 && drop.includes(name)) continue;
    out.push(name, value);
  }
  return out;
}
