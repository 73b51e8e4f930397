import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../helpers/run-cli.js';

/** A spec with two errors, for the editors to show. */
export const brokenSpec = `spec Shop version "1.0.0"

type Item {
  name: Strin
  count: Int { min: 0 }
}

endpoint getItem get /items/{id: Uuid} {
  response 200 Item
}
`;

/** Fails with how to install an editor that is not there (CI installs them in .ci/run). */
export function requireEditor(command: string, aptPackages: string): void {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  if (found.status !== 0) {
    throw new Error(
      `${command} is not installed; install it with \`apt-get install -y ${aptPackages}\``,
    );
  }
}

/**
 * Runs an editor headless on the broken spec in a fresh folder (its working folder) and
 * answers the JSON the editor's test script wrote, failing with its output if it wrote none.
 */
export function runEditor(
  command: string,
  args: (spec: string) => string[],
  env: Record<string, string> = {},
): unknown {
  const folder = mkdtempSync(join(tmpdir(), `specl-${command}-`));
  const spec = join(folder, 'shop.specl');
  const out = join(folder, 'out.json');
  writeFileSync(spec, brokenSpec);
  const run = spawnSync(command, args(spec), {
    cwd: folder,
    encoding: 'utf8',
    timeout: 90_000,
    env: {
      ...process.env,
      SPECL_REPO: repoRoot,
      OUT_JSON: out,
      SPEC_FILE: spec,
      HOME: folder,
      ...env,
    },
  });
  try {
    return JSON.parse(readFileSync(out, 'utf8'));
  } catch {
    throw new Error(
      `${command} wrote no diagnostics (exit ${run.status}, signal ${run.signal}):\n${run.stdout}\n${run.stderr}`,
    );
  }
}
