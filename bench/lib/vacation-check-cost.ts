// The CPU time Specl's own work takes per exchange on the Vacation example, apart from HTTP: what
// the proxy and the middleware run for each request (route, request check, response check with
// the answer's headers, telemetry through the OpenTelemetry API with no SDK), timed over many
// exchanges in this process. Prints `check cost: <µs per exchange>`. For bench/proxy.mjs; run
// with `node --import tsx`.
import { ExchangeChecker } from '@specl/runtime';
import { openTelemetry } from '@specl/runtime/otel';
import { endpoints, spec } from '../../examples/vacation/generated/properties.js';

const contract = { spec, endpoints };
const checker = new ExchangeChecker(contract);
const telemetry = openTelemetry();
const id = '9283b91f-5ef3-4fd1-b2be-720a93fd17cf';
const json = 'application/json';
const created = { name: 'Grace', email: 'grace@example.com', balance: 12 };
const requestBody = Buffer.from(JSON.stringify(created));
const responseBody = Buffer.from(JSON.stringify({ id, ...created, tags: [] }));
/** The answer's headers, as node:http gives them to the proxy. */
const answerHeaders = {
  'content-type': json,
  'content-length': String(responseBody.length),
  date: new Date(0).toUTCString(),
  connection: 'keep-alive',
  'keep-alive': 'timeout=5',
};

/** One exchange as the proxy sees it: the request's bytes, then the answer's. */
function exchange(method: string, url: string, status: number, body?: Buffer) {
  const routed = checker.route(method, url);
  if (routed === undefined) throw new Error(`no endpoint for ${method} ${url}`);
  const started = telemetry.start(contract, {
    method,
    url,
    endpoint: routed.contract.name,
    route: routed.contract.path,
  });
  const headers = body ? { 'content-type': json, 'content-length': String(body.length) } : {};
  const checked = checker.checkRequest(
    routed,
    url,
    headers,
    body ? { contentType: json, bytes: body } : { unread: true },
  );
  const violations = [
    ...checked.violations,
    ...checker.checkResponse(
      checked,
      status,
      { contentType: json, bytes: responseBody },
      answerHeaders,
    ),
  ];
  if (violations.length > 0) throw new Error(`unexpected violation: ${violations[0]!.detail}`);
  started.end(status, 0.001);
}

const both = () => {
  exchange('POST', '/employees', 201, requestBody);
  exchange('GET', `/employees/${id}`, 200);
};
for (let i = 0; i < 20_000; i++) both(); // warm-up: the JIT
const rounds = 100_000;
const before = process.cpuUsage();
for (let i = 0; i < rounds; i++) both();
const used = process.cpuUsage(before);
console.log(`check cost: ${((used.user + used.system) / (2 * rounds)).toFixed(2)}`);
