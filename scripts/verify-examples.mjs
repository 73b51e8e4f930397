#!/usr/bin/env node
// Runs every example as a user would, with the built CLI: `specl check`, `specl compile` (and
// `--check` against the committed generated/), `specl verify` of the in-process implementation
// and of its node:http server over loopback, and the README's broken variant, which must exit 1
// with exactly the failures the README shows. Exits 1 at the first step that does not do what
// it should, printing that step's output. Used by .ci/run.
//
//   node scripts/verify-examples.mjs [example ...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startExampleServer } from './example-server.mjs';
import { brokenVariant, verifyFailures } from './verify-output.mjs';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'cli/bin/specl.js');
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };

/** Every folder of examples/ with a root spec named after it. */
function allExamples() {
  return readdirSync(join(root, 'examples'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .filter((name) => existsSync(join(root, 'examples', name, `${name}.specl`)));
}

function fail(step, run) {
  console.error(`\n✗ ${step}`);
  if (run) {
    console.error(`exit ${run.status}\n${run.stdout}${run.stderr}`);
  }
  process.exit(1);
}

/** Runs `specl` from the root of the repository. */
function specl(args) {
  const run = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8', env });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function expectExit(step, args, status) {
  const run = specl(args);
  if (run.status !== status)
    fail(`${step}: \`specl ${args.join(' ')}\` should exit ${status}`, run);
  return run;
}

function checkCount(stdout) {
  return (stdout.match(/^✓ /gm) ?? []).length;
}

async function runExample(name) {
  const folder = `examples/${name}`;
  const spec = `${folder}/${name}.specl`;
  const done = [];
  const check = expectExit(`${name}: check`, ['check', folder], 0);
  if (!check.stdout.includes('no problems found')) fail(`${name}: check reports problems`, check);
  done.push('check');
  expectExit(`${name}: compile`, ['compile', spec, '--out', `out/${name}`], 0);
  expectExit(
    `${name}: generated/`,
    ['compile', spec, '--out', `${folder}/generated`, '--check'],
    0,
  );
  done.push('compile (generated/ up to date)');
  const inProcess = expectExit(
    `${name}: verify`,
    ['verify', spec, '--impl', `${folder}/impl/handlers.ts`],
    0,
  );
  done.push(`verify in process (${checkCount(inProcess.stdout)} checks held)`);
  const server = await startExampleServer(`${folder}/server/http-server.ts`, root);
  try {
    const http = expectExit(`${name}: verify over HTTP`, ['verify', spec, '--url', server.base], 0);
    done.push(`verify over HTTP (${checkCount(http.stdout)} checks held)`);
  } finally {
    await server.stop();
  }
  const shown = brokenVariant(readFileSync(join(root, folder, 'README.md'), 'utf8'));
  if (!shown) fail(`${name}: ${folder}/README.md shows no broken variant (## The broken variant)`);
  const broken = expectExit(`${name}: the broken variant`, shown.args, 1);
  const promised = verifyFailures(shown.output);
  const found = verifyFailures(broken.stdout);
  if (promised.length === 0 || JSON.stringify(found) !== JSON.stringify(promised))
    fail(
      `${name}: the broken variant does not fail as the README shows\n` +
        `README: ${JSON.stringify(promised, null, 2)}\nfound: ${JSON.stringify(found, null, 2)}`,
    );
  done.push(`broken variant fails as its README shows (${found.map((f) => f.check).join(', ')})`);
  console.log(`✓ ${name}: ${done.join('; ')}`);
}

const names = process.argv.length > 2 ? process.argv.slice(2) : allExamples();
for (const name of names) await runExample(name);
console.log(`${names.length} examples checked, compiled and verified`);
