// The Vacation example's node:http server as it is, for bench/proxy.mjs, with the live-heap
// report (bench/lib/live-heap.ts) that bench/lib/vacation-middleware-server.ts has too.
import type { AddressInfo } from 'node:net';
import { vacationServer } from '../../examples/vacation/server/http-server.js';
import { reportLiveHeapOnSignal } from './live-heap.js';

reportLiveHeapOnSignal();
const server = vacationServer();
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  console.log(`vacation API listening on http://127.0.0.1:${port}`);
});
process.on('SIGTERM', () => process.exit(0));
