/**
 * Starts LoopBack 4's todo example (@loopback/example-todo, as its authors ship it) on
 * 127.0.0.1 at a free port and prints its base URL on one line. Only its surroundings are
 * configured, through the bindings the example reads its configuration from: the database is
 * the in-memory connector without the example's seed file (fresh state, nothing written into
 * the installed package), and the geocoding service it calls when a todo has a
 * `remindAtAddress` (a public US Census API) is a stand-in on 127.0.0.1 that answers one match
 * in the same shape, so no request leaves the machine.
 *
 * Usage: node launch-loopback-todo.mjs <install dir>; stops on SIGTERM, or when its standard
 * input is a pipe that closes.
 */
import { fstatSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const installed = process.argv[2];
if (!installed) {
  process.stderr.write('usage: node launch-loopback-todo.mjs <install dir>\n');
  process.exit(2);
}
const require = createRequire(join(installed, 'package.json'));
const dist = join(installed, 'node_modules/@loopback/example-todo/dist');
const { TodoListApplication } = require(join(dist, 'application.js'));
const { GeocoderDataSource } = require(join(dist, 'datasources/geocoder.datasource.js'));

const geocoder = createServer((_request, response) => {
  response.setHeader('content-type', 'application/json');
  response.end(
    JSON.stringify({ result: { addressMatches: [{ coordinates: { x: -77.0365, y: 38.8977 } }] } }),
  );
});
await new Promise((resolve) => geocoder.listen(0, '127.0.0.1', resolve));
const { connector, ...geocoderConfig } = GeocoderDataSource.defaultConfig;
const localGeocoder = { ...structuredClone(geocoderConfig), connector };
localGeocoder.operations[0].template.url = `http://127.0.0.1:${geocoder.address().port}/geocoder/locations/onelineaddress`;

const app = new TodoListApplication({
  rest: { port: 0, host: '127.0.0.1', gracePeriodForClose: 0 },
});
app.bind('datasources.config.db').to({ name: 'db', connector: 'memory' });
app.bind('datasources.config.geocoder').to(localGeocoder);
await app.boot();
await app.start();
process.stdout.write(`${app.restServer.url}\n`);

const stop = async () => {
  await app.stop();
  geocoder.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
// Started by a test through a pipe: it stops when that test's process goes away.
if (fstatSync(0).isFIFO()) {
  process.stdin.on('end', stop);
  process.stdin.resume();
}
