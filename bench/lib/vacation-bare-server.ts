// The Vacation example's node:http server as it is (with the bench's bounded store,
// bench/lib/vacation-bench-handlers.ts), for bench/proxy.mjs. Prints where it listens, as the
// examples' servers do.
import type { AddressInfo } from 'node:net';
import { vacationServer } from '../../examples/vacation/server/http-server.js';
import { boundedVacationHandlers } from './vacation-bench-handlers.js';

const server = vacationServer(boundedVacationHandlers());
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`vacation API listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => process.exit(0));
