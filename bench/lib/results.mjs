// Formats benchmark figures and writes them into bench/RESULTS.md, replacing one `## ` section.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RING } from './gen-spec.mjs';

/** TypeSpec 1.11.0 `tsp compile` to OpenAPI 3.1, same API shape (from /work/shared/design/peers.md). */
export const TYPESPEC = {
  100: { lines: 1856, seconds: 1.32, rssMB: 144 },
  1000: { lines: 18506, seconds: 4.42, rssMB: 300 },
  5000: { lines: 92506, seconds: 29.3, rssMB: 865 },
};

export const fmtInt = (n) => n.toLocaleString('en-US');
export const fmtMs = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
export const fmtMB = (kib) => (kib == null ? 'n/a' : `${Math.round(kib / 1024)} MB`);

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The first and third quartiles of `values` (linear interpolation between ranks). */
export function quartiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => {
    const rank = q * (sorted.length - 1);
    const low = Math.floor(rank);
    const high = Math.min(low + 1, sorted.length - 1);
    return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
  };
  return [at(0.25), at(0.75)];
}

/** Growth exponent of the time above the fixed cost between consecutive sizes (1 = linear). */
export function growth(rows, baseMs, field = 'medianMs') {
  const out = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const ta = a[field] - baseMs;
    const tb = b[field] - baseMs;
    const exponent = ta > 0 && tb > 0 ? Math.log(tb / ta) / Math.log(b.n / a.n) : NaN;
    out.push({ from: a.n, to: b.n, exponent });
  }
  return out;
}

/** The table rows, as arrays of cells; the first row is the header. */
export function tableRows(rows, baseMs) {
  const header = [
    'N',
    'spec lines',
    'bytes',
    'median wall',
    'spread (min-max)',
    'median CPU',
    'peak RSS',
    'median / N',
    '(median - fixed) / N',
    'TypeSpec compile',
    'TypeSpec RSS',
  ];
  const body = rows.map((r) => {
    const ts = TYPESPEC[r.n];
    return [
      fmtInt(r.n),
      fmtInt(r.lines),
      fmtInt(r.bytes),
      fmtMs(r.medianMs),
      `${fmtMs(r.minMs)} - ${fmtMs(r.maxMs)}`,
      r.cpuMs == null ? 'n/a' : fmtMs(r.cpuMs),
      fmtMB(r.peakKiB),
      `${(r.medianMs / r.n).toFixed(3)} ms`,
      `${((r.medianMs - baseMs) / r.n).toFixed(3)} ms`,
      ts ? `${ts.seconds.toFixed(2)} s (${fmtInt(ts.lines)} lines)` : '-',
      ts ? `${ts.rssMB} MB` : '-',
    ];
  });
  return [header, ...body];
}

/** A Markdown table, padded the way Prettier formats one (so `prettier --check` stays quiet). */
export function markdownTable(cells) {
  const widths = cells[0].map((_, c) => Math.max(3, ...cells.map((row) => row[c].length)));
  const line = (row) => `| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  const rule = `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

export function plainTable(cells) {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return cells.map((row) => row.map((cell, c) => cell.padStart(widths[c])).join('  ')).join('\n');
}

/**
 * Replaces the section that starts with `heading` (up to the next `## ` heading) or, when there
 * is none, appends it (or, with `first`, puts it first, under the title).
 */
export function writeSection(file, heading, body, options = {}) {
  replaceSection(file, heading, body, options);
  // The file is checked by the lint (prettier --check): write it as prettier would.
  execFileSync(process.execPath, [prettierBin, '--write', '--log-level', 'warn', file]);
}

const prettierBin = fileURLToPath(
  new URL('../../node_modules/prettier/bin/prettier.cjs', import.meta.url),
);

function replaceSection(file, heading, body, { first = false } = {}) {
  const section = `${heading}\n\n${body.trim()}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `# Specl benchmarks\n\n${section}`);
    return;
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
  if (start < 0 && first) {
    const next = lines.findIndex((l) => /^## /.test(l));
    const at = next < 0 ? lines.length : next;
    const before = lines.slice(0, at).join('\n').trimEnd();
    const after = lines.slice(at).join('\n').trim();
    writeFileSync(file, `${before}\n\n${section}${after ? `\n${after}\n` : ''}`);
    return;
  }
  if (start < 0) {
    writeFileSync(file, `${lines.join('\n').trimEnd()}\n\n${section}`);
    return;
  }
  let end = lines.findIndex((l, i) => i > start && /^#{1,2} /.test(l));
  if (end < 0) end = lines.length;
  const before = lines.slice(0, start).join('\n').trimEnd();
  const after = lines.slice(end).join('\n').trim();
  writeFileSync(file, `${before ? `${before}\n\n` : ''}${section}${after ? `\n${after}\n` : ''}`);
}

/** One line per aim: met or missed, with the growth exponents. */
export function verdicts(rows, base, aimMs) {
  const lines = [];
  const at5k = rows.find((r) => r.n === 5000);
  if (at5k) {
    const met = at5k.medianMs < aimMs;
    lines.push(
      `- 5,000 endpoints in under 2 s: ${met ? 'MET' : 'MISSED'} (median ${fmtMs(at5k.medianMs)}` +
        `${TYPESPEC[5000] ? `; TypeSpec ${TYPESPEC[5000].seconds} s, ${((TYPESPEC[5000].seconds * 1000) / at5k.medianMs).toFixed(1)}x slower` : ''}).`,
    );
  } else {
    lines.push('- 5,000 endpoints in under 2 s: not measured in this run (add 5000 to --sizes).');
  }
  const steps = growth(rows, base.medianMs);
  const show = (list) =>
    list
      .map(
        (s) =>
          `${s.from} -> ${s.to}: ${Number.isFinite(s.exponent) ? s.exponent.toFixed(2) : 'n/a'}`,
      )
      .join(', ');
  if (steps.length) {
    const worst = Math.max(...steps.map((s) => s.exponent).filter(Number.isFinite));
    const verdict =
      worst <= 1.15 ? 'LINEAR' : worst <= 1.4 ? 'SLIGHTLY SUPERLINEAR' : 'SUPERLINEAR';
    lines.push(
      `- Time linear in N: ${verdict}. Growth exponent of the wall time above the fixed cost ` +
        `(log(t2/t1)/log(N2/N1), 1 = linear): ${show(steps)}.`,
    );
    if (base.cpuMs != null && rows.every((r) => r.cpuMs != null)) {
      lines.push(
        `  The same for CPU time (less sensitive to a busy machine): ${show(growth(rows, base.cpuMs, 'cpuMs'))}.`,
      );
    }
  }
  return lines;
}

/** The text of the `## specl check` section of RESULTS.md. */
export function sectionBody({
  rev,
  runs,
  sizes,
  machine,
  loadBefore,
  loadAfter,
  cells,
  base,
  summary,
}) {
  const date = new Date().toISOString().slice(0, 10);
  const body = [
    `Measured ${date} on the build of ${rev} with \`node bench/check.mjs --runs ${runs} --sizes ${sizes.join(',')}\`` +
      ` (wall time of the whole \`specl check\` child process, ${runs} run${runs === 1 ? '' : 's'} after one warm-up; peak RSS is the child's maxRSS; the children run without NODE_EXTRA_CA_CERTS, bench/lib/child-env.mjs).`,
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os};` +
      ` 1-minute load average ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after the runs` +
      " (the benchmark's own children count as about 1; more means other work shared the CPU and wall times are inflated).",
    '',
    'Aims: 5,000 endpoints checked in under 2 s; time linear in N.',
    '',
    `Spec shape: N record types (8 constrained fields: Uuid id, String name with minLength/maxLength, Int count with min, Bool,` +
      ' an own 3-member enum, a List of its pair partner, an optional String, a DateTime; pairs 0<->1, 2<->3, ...;' +
      ` the first ${RING} types (or all, if fewer) form one ring through an optional \`next\` field, the rest one chain through \`previous\`),` +
      ' invariants on every 2nd, 5th and 7th type, N endpoints (N/2 pairs of `GET /things{k}/{id: Uuid}` and `POST /things{k}`' +
      ' with a body, a 201 response and a declared error; every 2nd pair with requires/ensures) and max(3, N/100) properties.' +
      ' Generated into bench/.work/, one file per size.',
    '',
    markdownTable(cells),
    '',
    `Fixed cost (Node start-up and loading the toolchain, N = 2): median ${fmtMs(base.medianMs)} wall,` +
      ` ${base.cpuMs == null ? 'n/a' : fmtMs(base.cpuMs)} CPU, peak RSS ${fmtMB(base.peakKiB)}.` +
      " CPU is user + system time of all the child's threads (GC helpers included), so it can exceed wall time.",
    'TypeSpec figures are TypeSpec 1.11.0 `tsp compile` to OpenAPI 3.1 for the same shape, from the design notes (peers.md);' +
      ' they include emitting OpenAPI, which `specl check` does not, and their spec line counts are TypeSpec lines.',
    '',
    ...summary,
  ].join('\n');
  return body;
}
