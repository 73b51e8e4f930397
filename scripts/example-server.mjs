// Starts an example's node:http server as a user would (`node --import tsx <server> 0`, any free
// port) and waits for the line that says where it listens. Used by scripts/verify-examples.mjs
// and bench/verify.mjs.
import { spawn } from 'node:child_process';

/**
 * Starts the server module (relative to `cwd`) on a free port of 127.0.0.1.
 *
 * @param {string} module
 * @param {string} cwd
 * @param {string[]} [nodeOptions] more options for node (such as `--expose-gc`)
 * @returns {Promise<{ base: string, pid: number, stdout: import('node:stream').Readable, stop: () => Promise<void> }>}
 */
export function startExampleServer(module, cwd, nodeOptions = []) {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', module, '0'], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`${module} did not say where it listens within 30 s:\n${output}`));
    }, 30_000);
    child.stderr.setEncoding('utf8').on('data', (chunk) => (output += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({ base: match[1], pid: child.pid, stdout: child.stdout, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${module} exited (${code}) before it listened:\n${output}`));
    });
  });
}
