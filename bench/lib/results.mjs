// Formats benchmark figures and writes them into bench/RESULTS.md, replacing one `## ` section.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

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

/** Growth exponent of the time above the fixed cost between consecutive sizes (1 = linear). */
export function growth(rows, baseMs) {
  const out = [];
  for (let i = 1; i < rows.length; i++) {
    const [a, b] = [rows[i - 1], rows[i]];
    const ta = a.medianMs - baseMs;
    const tb = b.medianMs - baseMs;
    const exponent = ta > 0 && tb > 0 ? Math.log(tb / ta) / Math.log(b.n / a.n) : NaN;
    out.push({ from: a.n, to: b.n, exponent });
  }
  return out;
}

/** The table rows, as arrays of cells; the first row is the header. */
export function tableRows(rows, baseMs) {
  const header = ['N', 'spec lines', 'bytes', 'median wall', 'spread (min-max)', 'peak RSS',
    'median / N', '(median - fixed) / N', 'TypeSpec compile', 'TypeSpec RSS'];
  const body = rows.map((r) => {
    const ts = TYPESPEC[r.n];
    return [fmtInt(r.n), fmtInt(r.lines), fmtInt(r.bytes), fmtMs(r.medianMs),
      `${fmtMs(r.minMs)} - ${fmtMs(r.maxMs)}`, fmtMB(r.peakKiB),
      `${(r.medianMs / r.n).toFixed(3)} ms`, `${((r.medianMs - baseMs) / r.n).toFixed(3)} ms`,
      ts ? `${ts.seconds.toFixed(2)} s (${fmtInt(ts.lines)} lines)` : '-', ts ? `${ts.rssMB} MB` : '-'];
  });
  return [header, ...body];
}

export function markdownTable(cells) {
  const line = (row) => `| ${row.join(' | ')} |`;
  return [line(cells[0]), line(cells[0].map(() => '---')), ...cells.slice(1).map(line)].join('\n');
}

export function plainTable(cells) {
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  return cells.map((row) => row.map((cell, c) => cell.padStart(widths[c])).join('  ')).join('\n');
}

/** Replaces the section that starts with `heading` (up to the next `## ` heading) or appends it. */
export function writeSection(file, heading, body) {
  const section = `${heading}\n\n${body.trim()}\n`;
  if (!existsSync(file)) {
    writeFileSync(file, `# Specl benchmarks\n\n${section}`);
    return;
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const start = lines.findIndex((l) => l.trim() === heading);
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
