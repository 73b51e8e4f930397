// What Linux says of a process, for bench/proxy.mjs: its resident memory, the CPU it used,
// and how long its threads waited for a CPU while they could run (the scheduler's run queue,
// /proc/<pid>/task/<tid>/schedstat): on a shared machine, the time a server is ready to answer
// but another process has the core. Also the reports of bench/lib/live-heap.mjs, read over a
// bench process's stdout.
import { readFileSync, readdirSync } from 'node:fs';

/** The resident memory of a process, in MiB. */
export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** The CPU time a process has used (user and system, all threads), in ms (100 ticks a second). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * How long the threads of the processes `pids` have waited, runnable, for a CPU, in ms, summed
 * over their threads (a thread gone since is no longer counted: read before and after a run
 * of processes that keep their threads, as node does).
 */
export function cpuWaitMs(pids) {
  let waited = 0;
  for (const pid of pids)
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      try {
        const fields = readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ');
        waited += Number(fields[1]) / 1e6;
      } catch {
        // the thread ended between the listing and the read
      }
    }
  return waited;
}

/**
 * @typedef {object} LiveReport
 * @property {number} heap MiB in use after two full collections
 * @property {number} loopP99 the event loop's delay p99 since the last report, ms
 * @property {number} loopMax the event loop's longest delay since the last report, ms
 * @property {{ count: number, totalMs: number, maxMs: number, p99Ms: number }} gc the pauses
 *   since the last report
 * @property {[number, number][]} pauses each pause since the last report: its start (ms since
 *   the epoch) and length (ms)
 */

/**
 * Asks a process started with bench/lib/live-heap.mjs for its report and reads it from its
 * stdout: with `collect` (SIGUSR2), after two full collections, with the live heap; without
 * (SIGWINCH), the figures alone, `heap` NaN, and the JIT's work left as it was.
 *
 * @param {{ pid: number, stdout: import('node:stream').Readable }} child
 * @param {boolean} [collect]
 * @returns {Promise<LiveReport>}
 */
export function liveReport(child, collect = true) {
  return new Promise((resolve) => {
    let output = '';
    const listen = (chunk) => {
      output += chunk;
      const match =
        /live heap: (-?\d+).* loop p99: ([\d.]+) max: ([\d.]+) gc: (\d+) ([\d.]+) ([\d.]+) ([\d.]+) pauses: (\[.*\])\n/.exec(
          output,
        );
      if (!match) return;
      child.stdout.off('data', listen);
      const [heap, loopP99, loopMax, count, totalMs, maxMs, p99Ms] = match.slice(1, 8).map(Number);
      resolve({
        heap: heap < 0 ? NaN : heap / 1048576,
        loopP99,
        loopMax,
        gc: { count, totalMs, maxMs, p99Ms },
        pauses: JSON.parse(match[8]),
      });
    };
    child.stdout.setEncoding('utf8').on('data', listen);
    process.kill(child.pid, collect ? 'SIGUSR2' : 'SIGWINCH');
  });
}
