import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const spec = (version: string, type = 'Int') =>
  `spec W version "${version}"\ntype A { x: ${type} }\nendpoint get GET /a { response 200 A }\n`;

/** Resolves when the output so far contains `text` (after `from`), or rejects after 20 s. */
function waitFor(output: () => string, text: string, from: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const at = output().indexOf(text, from);
      if (at >= 0) {
        clearInterval(poll);
        resolve(at + text.length);
      } else if (Date.now() - started > 20_000) {
        clearInterval(poll);
        reject(
          new Error(`timed out waiting for ${JSON.stringify(text)}; output so far:\n${output()}`),
        );
      }
    }, 50);
  });
}

describe('specl compile --watch', () => {
  it('recompiles on change, reports errors and keeps running, and stops on Ctrl-C', async () => {
    const cwd = tempProject({ 'w.specl': spec('1.0.0') });
    const child = spawn(
      process.execPath,
      [join(repoRoot, 'cli/bin/specl.js'), 'compile', 'w.specl', '--out', 'out', '--watch'],
      {
        cwd,
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    try {
      let at = await waitFor(() => output, 'wrote out/openapi.json, out/types.ts', 0);
      at = await waitFor(() => output, 'watching 1 file(s) for changes', at);
      expect(JSON.parse(readFileSync(join(cwd, 'out/openapi.json'), 'utf8')).info.version).toBe(
        '1.0.0',
      );

      writeFileSync(join(cwd, 'w.specl'), spec('1.0.1', 'Strin'));
      at = await waitFor(() => output, 'unknown type `Strin`', at);
      at = await waitFor(() => output, 'nothing written', at);
      expect(JSON.parse(readFileSync(join(cwd, 'out/openapi.json'), 'utf8')).info.version).toBe(
        '1.0.0',
      );

      writeFileSync(join(cwd, 'w.specl'), spec('1.0.2'));
      await waitFor(() => output, 'wrote out/openapi.json, out/types.ts', at);
      expect(JSON.parse(readFileSync(join(cwd, 'out/openapi.json'), 'utf8')).info.version).toBe(
        '1.0.2',
      );
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(existsSync(join(cwd, 'out/types.ts'))).toBe(true);
  });
});
