// An open-loop load at a steady rate, timed to the microsecond, for bench/proxy.mjs.
//
// autocannon's `overallRate` is a budget per connection and second: each connection sends its
// share back to back at the start of every second, then waits for the next one, so at 2,000
// requests/s over 20 connections the server sees a burst of 20 requests in flight and its p99
// is the time to serve that queue; and its latencies are whole milliseconds. Here requests are
// sent on a schedule (one every 1/rate s, in the batches a 1 ms timer allows) through undici's
// keep-alive pool, whatever the answers' pace, and each one's latency (from the moment it is
// handed to the client until its whole body is read) is recorded in microseconds in a
// perf_hooks histogram. How late the sends were against their schedule is recorded too: if
// the generator itself falls behind, the rate it reports is not the rate offered.
import { createHistogram } from 'node:perf_hooks';
import { Pool } from 'undici';

/**
 * @typedef {object} PacedRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string>} [headers]
 * @property {string} [body]
 */

/**
 * @typedef {object} PacedResult
 * @property {number} sent requests sent
 * @property {number} answered requests answered 2xx
 * @property {number} errors requests that failed or were not answered 2xx
 * @property {number} seconds how long the run took, until the last answer
 * @property {import('node:perf_hooks').RecordableHistogram} latency in microseconds
 * @property {import('node:perf_hooks').RecordableHistogram} lateness how late the sends were
 *   against their schedule, in microseconds
 */

/**
 * Sends `requests` in turn to `base` at `rate` requests/s for `duration` seconds over at most
 * `connections` keep-alive connections, and waits for every answer.
 *
 * `onAnswer`, when given, is told of each answered request: when it was handed to the client
 * (performance.now()) and its latency, in ms.
 *
 * @param {string} base
 * @param {{ rate: number, duration: number, connections: number, requests: PacedRequest[], onAnswer?: (from: number, ms: number) => void }} options
 * @returns {Promise<PacedResult>}
 */
export async function pacedLoad(base, { rate, duration, connections, requests, onAnswer }) {
  const pool = new Pool(base, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  const latency = microseconds();
  const lateness = microseconds();
  const interval = 1000 / rate;
  const total = Math.round(rate * duration);
  let sent = 0;
  let answered = 0;
  let errors = 0;
  let finished = 0;
  const started = performance.now();
  let allDone;
  const done = new Promise((resolve) => (allDone = resolve));

  const settle = () => {
    finished++;
    if (finished === total) allDone();
  };
  const fire = (index, now) => {
    const request = requests[index % requests.length];
    lateness.record(Math.max(1, Math.round((now - (started + index * interval)) * 1000)));
    const from = performance.now();
    pool
      .request({
        method: request.method,
        path: request.path,
        headers: request.headers,
        body: request.body,
      })
      .then(async (response) => {
        await response.body.arrayBuffer();
        const ms = performance.now() - from;
        latency.record(Math.max(1, Math.round(ms * 1000)));
        onAnswer?.(from, ms);
        if (response.statusCode >= 200 && response.statusCode < 300) answered++;
        else errors++;
      })
      .catch(() => errors++)
      .finally(settle);
  };
  const tick = () => {
    const now = performance.now();
    while (sent < total && started + sent * interval <= now) fire(sent++, now);
    if (sent < total) setTimeout(tick, 1);
  };
  tick();
  await done;
  const seconds = (performance.now() - started) / 1000;
  await pool.close();
  return { sent, answered, errors, seconds, latency, lateness };
}

/** A histogram of microseconds, from 1 µs to a minute, to three significant figures. */
export function microseconds() {
  return createHistogram({ lowest: 1, highest: 60_000_000, figures: 3 });
}
