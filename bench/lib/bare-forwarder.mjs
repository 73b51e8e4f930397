#!/usr/bin/env node
// The floor of `specl proxy`'s CPU a request: a bare forwarder built of the same two parts
// (node:http's server, undici's pool with a dispatch handler), which copies the method, path,
// headers (without the connection's own) and body to the target and its status, headers and
// body back, and does nothing else: no route, no checks, no telemetry, no timeouts of its own.
// It takes `specl proxy`'s command line and prints its `listening on URL,` line, so that a bench
// that starts a build runs it in its place:
//
//   node bench/proxy-instructions.mjs --cli bench/lib/bare-forwarder.mjs
//
// The gap between its figure and specl proxy's is what Specl's own code costs a request.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { Pool } from 'undici';

const { values } = parseArgs({
  allowPositionals: true, // `proxy SPEC`
  options: { target: { type: 'string' }, listen: { type: 'string' } },
});
if (values.target === undefined || values.listen === undefined)
  throw new Error('usage: bare-forwarder.mjs proxy SPEC --target URL --listen HOST:PORT');
const target = new URL(values.target);
const [host, port] = values.listen.split(':');
const pool = new Pool(target.origin);
/** Headers of the connection, and the length, which the forwarder sets itself. */
const DROPPED = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'host',
  'content-length',
]);

/** A message's headers as a flat list (name, value, ...), without those of its connection. */
function flatHeaders(headers) {
  const out = [];
  for (const name in headers) if (!DROPPED.has(name)) out.push(name, headers[name]);
  return out;
}

/** Relays the target's answer to the client as it comes. */
class Relay {
  constructor(res) {
    this.res = res;
  }
  onRequestStart() {}
  onResponseStart(_controller, status, headers) {
    const list = flatHeaders(headers);
    const length = headers['content-length'];
    if (length !== undefined) list.push('content-length', length);
    this.res.writeHead(status, list);
  }
  onResponseData(_controller, chunk) {
    this.res.write(chunk);
  }
  onResponseEnd() {
    this.res.end();
  }
  onResponseError() {
    if (this.res.headersSent) this.res.destroy();
    else this.res.writeHead(502).end();
  }
}

function send(req, res, body) {
  const headers = flatHeaders(req.headers);
  headers.push('host', target.host);
  if (body !== null) headers.push('content-length', String(body.length));
  const request = { origin: target.origin, method: req.method, path: req.url, headers, body };
  pool.dispatch(request, new Relay(res));
}

const server = createServer((req, res) => {
  if (req.method === 'GET' || req.method === 'HEAD') {
    req.resume();
    return send(req, res, null);
  }
  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => send(req, res, Buffer.concat(chunks)));
});
server.listen(Number(port), host || '127.0.0.1', () => {
  const { address, port: bound } = server.address();
  process.stdout.write(`bare forwarder listening on http://${address}:${bound}, forwarding\n`);
});
process.once('SIGINT', () => {
  server.close();
  server.closeAllConnections();
  void pool.destroy();
});
