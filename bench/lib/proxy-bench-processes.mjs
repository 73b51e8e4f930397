// The processes of bench/proxy.mjs besides the bare servers: a proxy (`specl proxy`, or a stand-in
// that takes its command line, such as bench/lib/bare-forwarder.mjs) started in front of a
// target, and the requests of the load, made against a running setup.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Starts the proxy script `cli` (with the Node options `nodeOptions`) as `specl proxy` of the
 * Vacation example in front of `target`, on a free port, and waits until it listens.
 */
export function startProxy(root, cli, nodeOptions, target) {
  const spec = join(root, 'examples/vacation/vacation.specl');
  const child = spawn(
    process.execPath,
    [...nodeOptions, cli, 'proxy', spec, '--target', target, '--listen', '127.0.0.1:0'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+?),/.exec(output);
      if (match)
        resolve({ base: match[1], pid: child.pid, stdout: child.stdout, stop: () => stop(child) });
    });
    child.once('exit', (code) => reject(new Error(`${cli} proxy exited (${code}):\n${output}`)));
  });
}

function stop(child) {
  return new Promise((done) => {
    if (child.exitCode !== null) return done();
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/** One employee to read, created through `base`. */
async function seed(base) {
  const response = await fetch(`${base}/employees`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Ada', email: 'ada@example.com', balance: 20 }),
  });
  return (await response.json()).id;
}

/** The requests of the load: a POST that creates an employee and a GET of one. */
export async function requestsFor(base) {
  const id = await seed(base);
  const body = JSON.stringify({ name: 'Grace', email: 'grace@example.com', balance: 12 });
  return [
    { method: 'POST', path: '/employees', headers: { 'content-type': 'application/json' }, body },
    { method: 'GET', path: `/employees/${id}` },
  ];
}
