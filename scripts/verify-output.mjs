// Reads the failures out of `specl verify`'s pretty output, or out of a README that pastes
// it: what scripts/verify-examples.mjs and the examples' tests compare.

/**
 * The failed checks in a text: each `✗ <check> (<n> runs)` line, with the
 * `clause: <source>  at <file:line:col>` line under it (`(no clause)` when it has none).
 *
 * @param {string} text
 * @returns {{ check: string, clause: string, at: string }[]}
 */
export function verifyFailures(text) {
  const found = [];
  for (const line of text.split('\n')) {
    const failed = /^✗ (.+) \(\d+ runs?\)$/.exec(line);
    if (failed) {
      found.push({ check: failed[1], clause: '(no clause)', at: '' });
      continue;
    }
    const clause = /^\s+clause: (.+) {2}at (\S+)$/.exec(line);
    const last = found[found.length - 1];
    if (clause && last && last.at === '') {
      last.clause = clause[1];
      last.at = clause[2];
    }
  }
  return found;
}

/**
 * What a README's `## The broken variant` section shows: the `specl verify` command of its
 * first `sh` block (the arguments after `npx specl`) and the output block after it.
 *
 * @param {string} readme the README's text
 * @returns {{ args: string[], output: string } | undefined}
 */
export function brokenVariant(readme) {
  const start = readme.indexOf('\n## The broken variant');
  if (start < 0) return undefined;
  const section = readme.slice(start).split(/\n## /)[1] ?? '';
  const blocks = [...section.matchAll(/```(\w*)\n([\s\S]*?)```/g)];
  const command = blocks.findIndex(([, lang, body]) => lang === 'sh' && /npx specl /.test(body));
  const output = blocks[command + 1];
  if (command < 0 || !output) return undefined;
  const line = blocks[command][2].split('\n').find((l) => l.startsWith('npx specl '));
  return { args: line.slice('npx specl '.length).trim().split(/\s+/), output: output[2] };
}
