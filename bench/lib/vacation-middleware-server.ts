// The Vacation example's node:http server (with the bench's bounded store,
// bench/lib/vacation-bench-handlers.ts) with the @specl/runtime middleware in front of its
// handler (OpenTelemetry through the API, no SDK: what an app without one pays), for
// bench/proxy.mjs. Prints where it listens, as the examples' servers do.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { withContract } from '@specl/runtime/node';
import { openTelemetry } from '@specl/runtime/otel';
import { endpoints, spec } from '../../examples/vacation/generated/properties.js';
import { vacationServer } from '../../examples/vacation/server/http-server.js';
import { boundedVacationHandlers } from './vacation-bench-handlers.js';

const inner = vacationServer(boundedVacationHandlers());
let violations = 0;
const server = createServer(
  withContract(
    { spec, endpoints },
    (req, res) => {
      inner.emit('request', req, res);
    },
    { telemetry: openTelemetry(), onViolation: () => violations++ },
  ),
);
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`vacation API with the contract middleware listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => {
  console.log(`violations: ${violations}`);
  process.exit(0);
});
