// specl writes its commands' output with fs.writeSync to file descriptors 1 and 2
// (cli/src/fd-output.ts), not through process.stdout, which Node builds only if something reads
// it (closed-output.ts guards it then). A descriptor left non-blocking must still get all of a
// large output; a stream built later must still drop its output quietly when its reader is gone.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FdOutput } from '../../cli/src/fd-output.js';
import { repoRoot, tempProject } from '../helpers/run-cli.js';

const specl = join(repoRoot, 'cli/bin/specl.js');

/** The terminal's colour codes (ESC [ ... m). */
const colourCodes = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** A spec with 600 unknown types: its JSON report is about 140 KB, two pipe buffers. */
function manyErrors(): string {
  const types = Array.from({ length: 600 }, (_, i) => `type T${i} { x: Nope${i} }\n`);
  return `spec A version "1.0.0"\n${types.join('')}`;
}

describe("specl's output written to its file descriptors", () => {
  const project = tempProject({
    'many.specl': manyErrors(),
    'one.specl': 'spec A version "1.0.0"\ntype T0 { x: Nope0 }\n',
    // Read before specl starts, process.stdout makes the pipe non-blocking (libuv): a write to
    // the full pipe then fails with EAGAIN until the reader catches up. The reader takes the
    // first byte as soon as specl writes, then waits a second while the pipe fills up.
    'non-blocking.cjs': 'process.stdout;\n',
    'guarded.mjs': `import { guardWhenBuilt } from ${JSON.stringify(join(repoRoot, 'cli/dist/closed-output.js'))};
guardWhenBuilt('stdout');
process.stdout.write('x'.repeat(1 << 20));
`,
  });

  it('are whole in a non-blocking pipe read slowly, as in a file', () => {
    const toFile = spawnSync(
      'bash',
      ['-c', `"${process.execPath}" "${specl}" check --format json many.specl > file.json`],
      { cwd: project, encoding: 'utf8' },
    );
    expect(toFile.status, toFile.stderr).toBe(1);
    const command = `"${process.execPath}" --require ./non-blocking.cjs "${specl}" check --format json many.specl | (dd bs=1 count=1 status=none; sleep 1; cat) > pipe.json; echo "$\{PIPESTATUS[0]}"`;
    const throughPipe = spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8' });
    expect(throughPipe.stderr).toBe('');
    expect(throughPipe.stdout.trim()).toBe('1');
    const expected = readFileSync(join(project, 'file.json'), 'utf8');
    expect(expected.length).toBeGreaterThan(100_000);
    expect(readFileSync(join(project, 'pipe.json'), 'utf8')).toBe(expected);
  });

  it('are coloured in a terminal and plain in a pipe (script(1) gives specl a terminal)', () => {
    const check = `"${process.execPath}" "${specl}" check one.specl`;
    const env = { ...process.env, NO_COLOR: '', FORCE_COLOR: '' };
    const inTerminal = spawnSync('script', ['-qec', check, '/dev/null'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...env, TERM: 'xterm' },
    });
    const inPipe = spawnSync('bash', ['-c', `${check} 2>&1`], {
      cwd: project,
      encoding: 'utf8',
      env,
    });
    expect(inPipe.status).toBe(1);
    expect(inPipe.stdout).toContain('Nope0');
    expect(inPipe.stdout).not.toContain('\u001b[');
    // The terminal's output: the same diagnostics, with colour, and the lines ended as a
    // terminal ends them.
    expect(inTerminal.status, inTerminal.stderr).toBe(1);
    expect(inTerminal.stdout).toContain('\u001b[');
    const plain = inTerminal.stdout.replace(colourCodes, '').replace(/\r\n/g, '\n');
    expect(plain).toBe(inPipe.stdout);
  });

  it('leave process.stdout, built when first read, guarded against a closed pipe', () => {
    const command = `"${process.execPath}" guarded.mjs | true; echo "$\{PIPESTATUS[0]}"`;
    const run = spawnSync('bash', ['-c', command], { cwd: project, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0');
  });
});

describe('FdOutput', () => {
  const project = tempProject({});

  /** Runs `use` with an FdOutput of `path` opened for writing. */
  function withOutput(path: string, use: (output: FdOutput) => void): void {
    const fd = openSync(path, 'w');
    try {
      use(new FdOutput(fd, 'out', null));
    } finally {
      closeSync(fd);
    }
  }

  it('writes each text whole, in order, multi-byte characters included', () => {
    const path = join(project, 'out.txt');
    withOutput(path, (output) => {
      output.write('caf\u00e9 ');
      output.write('');
      output.write('\u{1f600}'.repeat(50_000));
    });
    expect(readFileSync(path, 'utf8')).toBe(`caf\u00e9 ${'\u{1f600}'.repeat(50_000)}`);
  });

  it('is no terminal when a file or /dev/null (a character device) is written', () => {
    withOutput(join(project, 'file.txt'), (output) => expect(output.isTTY).toBe(false));
    withOutput('/dev/null', (output) => expect(output.isTTY).toBe(false));
  });
});
