// The report of bench/compile.mjs: the tables and verdicts written into bench/RESULTS.md.
import { RING } from './gen-spec.mjs';
import { fmtInt, fmtMs, growth, markdownTable, TYPESPEC } from './results.mjs';

/** The speed aims against TypeSpec, by N: how many times faster specl must be. */
export const AIMS = { 1000: 10, 5000: 10 };

/** Megabytes with a thousands separator (fmtMB without one reads badly past 1,000 MB). */
export const fmtRss = (kib) => (kib == null ? 'n/a' : `${fmtInt(Math.round(kib / 1024))} MB`);
export const spread = (m) => (m ? `${fmtMs(m.minMs)} - ${fmtMs(m.maxMs)}` : '-');
export const cell = (m, f) => (m ? f(m) : 'n/a');
export const ratioOf = (row) => (row.ts && row.specl ? row.ts.medianMs / row.specl.medianMs : null);
/** The same ratio in CPU time, which a busy machine distorts less than wall time. */
export const cpuRatioOf = (row) =>
  row.ts?.cpuMs != null && row.specl?.cpuMs != null ? row.ts.cpuMs / row.specl.cpuMs : null;

export function mainTable(rows) {
  const header = [
    'N',
    'TypeSpec lines',
    'Specl lines',
    '`tsp compile` median',
    'spread (min-max)',
    'CPU',
    'peak RSS',
    '`specl compile` median',
    'spread (min-max)',
    'CPU',
    'peak RSS',
    'TypeSpec / specl',
    'same in CPU',
    'aim',
  ];
  const body = rows.map((r) => {
    const ratio = ratioOf(r);
    return [
      r.n === 2 ? '2 (fixed cost)' : fmtInt(r.n),
      fmtInt(r.tsLines),
      fmtInt(r.speclLines),
      cell(r.ts, (m) => fmtMs(m.medianMs)),
      spread(r.ts),
      cell(r.ts, (m) => (m.cpuMs == null ? 'n/a' : fmtMs(m.cpuMs))),
      cell(r.ts, (m) => fmtRss(m.peakKiB)),
      cell(r.specl, (m) => fmtMs(m.medianMs)),
      spread(r.specl),
      cell(r.specl, (m) => (m.cpuMs == null ? 'n/a' : fmtMs(m.cpuMs))),
      cell(r.specl, (m) => fmtRss(m.peakKiB)),
      ratio == null ? 'n/a' : `${ratio.toFixed(1)}x`,
      cpuRatioOf(r) == null ? 'n/a' : `${cpuRatioOf(r).toFixed(1)}x`,
      AIMS[r.n] ? `>= ${AIMS[r.n]}x` : '-',
    ];
  });
  return [header, ...body];
}

export function outputTable(rows) {
  const header = [
    'N',
    'TypeSpec openapi.json',
    'specl openapi.json',
    '`specl compile` of the `specl check` spec',
    'its peak RSS',
  ];
  const doc = (o) =>
    o
      ? `${fmtInt(o.bytes)} bytes, ${fmtInt(o.operations)} ops, ${fmtInt(o.schemas)} schemas`
      : 'n/a';
  const body = rows
    .filter((r) => r.n !== 2)
    .map((r) => [
      fmtInt(r.n),
      doc(r.ts?.openapi),
      doc(r.specl?.openapi),
      r.full
        ? `${fmtMs(r.full.medianMs)} (${spread(r.full)}; ${fmtInt(r.fullLines)} lines)`
        : 'n/a',
      r.full ? fmtRss(r.full.peakKiB) : 'n/a',
    ]);
  return [header, ...body];
}

export function probeTable(probes) {
  const header = ['tool', 'graph', 'spec lines', 'outcome', 'detail', 'wall', 'peak RSS'];
  const body = probes.map((p) => [
    p.tool === 'typespec' ? 'TypeSpec' : 'specl',
    `${p.link} of ${fmtInt(p.n)}`,
    fmtInt(p.lines),
    p.outcome,
    p.detail || '-',
    fmtMs(p.ms),
    fmtRss(p.peakKiB),
  ]);
  return [header, ...body];
}

export const showSteps = (steps) =>
  steps
    .map(
      (s) => `${s.from} -> ${s.to}: ${Number.isFinite(s.exponent) ? s.exponent.toFixed(2) : 'n/a'}`,
    )
    .join(', ');

export function verdicts(rows, probes, opts) {
  const lines = [];
  const sized = rows.filter((r) => r.n !== 2);
  const base = rows.find((r) => r.n === 2);
  for (const [n, aim] of Object.entries(AIMS)) {
    const row = sized.find((r) => r.n === Number(n));
    const ratio = row && ratioOf(row);
    lines.push(
      ratio == null
        ? `- At least ${aim}x faster than TypeSpec at N = ${fmtInt(Number(n))}: not measured in this run.`
        : `- At least ${aim}x faster than TypeSpec at N = ${fmtInt(Number(n))}: ${ratio >= aim ? 'MET' : 'MISSED'}` +
            ` (${ratio.toFixed(1)}x: TypeSpec ${fmtMs(row.ts.medianMs)}, specl ${fmtMs(row.specl.medianMs)}` +
            `${cpuRatioOf(row) == null ? '' : `; in CPU time ${cpuRatioOf(row).toFixed(1)}x`}).`,
    );
  }
  for (const [tool, label] of [
    ['specl', '`specl compile`'],
    ['ts', '`tsp compile`'],
  ]) {
    const list = sized.filter((r) => r[tool]).map((r) => ({ n: r.n, ...r[tool] }));
    if (list.length < 2 || !base?.[tool]) continue;
    const steps = growth(list, base[tool].medianMs);
    const worst = Math.max(...steps.map((s) => s.exponent).filter(Number.isFinite));
    const verdict =
      worst <= 1.15 ? 'LINEAR' : worst <= 1.4 ? 'SLIGHTLY SUPERLINEAR' : 'SUPERLINEAR';
    const cpu =
      base[tool].cpuMs != null && list.every((r) => r.cpuMs != null)
        ? `; CPU time: ${showSteps(growth(list, base[tool].cpuMs, 'cpuMs'))}`
        : '';
    lines.push(
      `- ${tool === 'specl' ? 'Time linear in N' : 'For comparison, TypeSpec'} (${label}): ${verdict}.` +
        ` Growth exponent of the wall time above the fixed cost (log(t2/t1)/log(N2/N1), 1 = linear): ${showSteps(steps)}${cpu}.`,
    );
  }
  const speclProbes = probes.filter((p) => p.tool === 'specl');
  if (speclProbes.length) {
    const bad = speclProbes.filter((p) => !p.ok);
    lines.push(
      `- specl compiles a reference ring and a chain of ${fmtInt(opts.probeN)} types without crashing: ` +
        (bad.length
          ? `FAILED (${bad.map((p) => `${p.link}: ${p.outcome}${p.detail ? `, ${p.detail}` : ''}`).join('; ')}).`
          : `MET (ring ${fmtMs(speclProbes.find((p) => p.link === 'ring')?.ms ?? NaN)}, chain ${fmtMs(speclProbes.find((p) => p.link === 'chain')?.ms ?? NaN)}).`),
    );
  }
  const tsProbes = probes.filter((p) => p.tool === 'typespec');
  if (tsProbes.length) {
    lines.push(
      `- TypeSpec on the same graphs: ${tsProbes
        .map(
          (p) =>
            `${p.link} of ${fmtInt(p.n)}: ${p.outcome}${p.ok ? '' : ` (${p.detail})`} after ${fmtMs(p.ms)}, ${fmtRss(p.peakKiB)}`,
        )
        .join('; ')}.`,
    );
  }
  return lines;
}

export function sectionBody({
  rev,
  opts,
  pins,
  machine,
  loadBefore,
  loadAfter,
  rows,
  probes,
  summary,
}) {
  const date = new Date().toISOString().slice(0, 10);
  const flags = [
    `--runs ${opts.runs}`,
    `--typespec-runs ${opts.tsRuns}`,
    `--sizes ${opts.sizes.join(',')}`,
    ...(opts.probes
      ? [`--probe-n ${opts.probeN}`, `--probe-timeout ${opts.probeTimeoutMs / 1000}`]
      : ['--no-probes']),
    ...(opts.specl && opts.typespec ? [] : [`--only ${opts.specl ? 'specl' : 'typespec'}`]),
  ].join(' ');
  const versions = Object.entries(pins)
    .map(([name, version]) => `${name}@${version}`)
    .join(', ');
  const peers = Object.entries(TYPESPEC)
    .map(([n, t]) => `${t.seconds} s and ${t.rssMB} MB at N = ${fmtInt(Number(n))}`)
    .join(', ');
  return [
    `Measured ${date} on the build of ${rev} with \`node bench/compile.mjs ${flags}\`:` +
      ' wall time of the whole child process (Node start-up included), one untimed warm-up run and then' +
      ` ${opts.tsRuns} timed run${opts.tsRuns === 1 ? '' : 's'} of TypeSpec and ${opts.runs} of specl per size,` +
      ' each into a fresh, empty output folder; peak RSS is the largest maxRSS of the timed runs, CPU the median user + system time of all threads.' +
      " Both tools' children run without NODE_EXTRA_CA_CERTS (bench/lib/child-env.mjs: these machines set it, and every Node process then parses the listed certificates at start, about 40 ms) and with a CommonJS preload that measures them.",
    '',
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.ramGiB} GiB RAM, Node ${machine.node}, ${machine.os};` +
      ` 1-minute load average ${loadBefore.toFixed(2)} before and ${loadAfter.toFixed(2)} after the runs` +
      " (the benchmark's own children count as about 1; more means other work shared the CPU).",
    '',
    'Aims: `specl compile --target openapi` at least 10x faster than TypeSpec at N = 1,000 and N = 5,000 (issue 17); time linear in N;' +
      ` a reference ring and a chain of ${fmtInt(opts.probeN)} types compile without crashing.`,
    '',
    `Commands: \`tsp compile . --emit @typespec/openapi3\` (${versions}, installed in bench/typespec/ with its own lock file;` +
      ' tspconfig.yaml asks for OpenAPI 3.1.0 as JSON, so both tools write one openapi.json) and' +
      ' `specl compile <spec> --out <dir> --target openapi`. Every spec is asserted to compile without warnings in both tools' +
      ' (and to `specl check` with no diagnostics), and both outputs to be JSON with `openapi: 3.1.0` and N operations.',
    '',
    'The API (bench/lib/gen-typespec.mjs and `generateSpec(n, { shape: "peer" })` in bench/lib/gen-spec.mjs, one the' +
      ' translation of the other line for line): the peers.md shape, N models of 8 fields (`id` string, `name` string with' +
      ' min length 1 and max length 120, `count` integer with minimum 0, a boolean, an own 3-member enum, an array of the pair' +
      ' partner (0<->1, 2<->3, ...), an optional string, a date-time) and N operations, N/2 pairs of `GET /things{k}/{id}` and' +
      ' `POST /things{k}` (body and 200 response the model). Differences the languages force: TypeSpec `int32` is Specl `Int`,' +
      ' `utcDateTime` is `DateTime`, `@service` is `spec ... version`; Specl writes each enum on one line, so its spec has fewer' +
      ' lines. The two openapi.json files have the same paths, operations and schemas (counted below); per schema, specl adds' +
      ' `additionalProperties: false` and the bound `maximum: 9007199254740991` on `count`, TypeSpec adds `format: int32`,' +
      ' an empty `tags` list and longer response descriptions.',
    '',
    markdownTable(mainTable(rows)),
    '',
    "What was written, and `specl compile` of the full `specl check` benchmark spec (bench/check.mjs's shape: the same" +
      ` models with Uuid ids, maxItems and maxLength, plus a ring of ${RING} types, a chain through the rest, invariants,` +
      ' declared errors, requires/ensures and properties; TypeSpec cannot state most of it):',
    '',
    markdownTable(outputTable(rows)),
    '',
    ...(probes.length
      ? [
          `Deep reference graphs (one run each, ${opts.probeTimeoutMs / 1000} s timeout): the peer shape plus an optional` +
            ' field that joins all N types in one ring (`next`, k -> k+1, the last -> the first) or one chain (`previous`, k -> k-1).' +
            ' The smaller TypeSpec probes look for where its limits lie. A peak RSS of a killed run is the last sample of its VmHWM.',
          '',
          markdownTable(probeTable(probes)),
          '',
        ]
      : []),
    `The TypeSpec figures in peers.md for this shape: ${peers}.`,
    '',
    ...summary,
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------
