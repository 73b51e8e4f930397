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
