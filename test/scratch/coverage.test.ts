import fc from 'fast-check';
import { it } from 'vitest';
import { specArbitrary, multiFileSpecArbitrary } from '../arbitraries/spec-arbitrary.js';
import { printProject } from '../arbitraries/print-spec.js';

it('coverage', () => {
  const arb = process.env.MULTI ? multiFileSpecArbitrary : specArbitrary;
  const texts = fc
    .sample(arb, { numRuns: 150, seed: 42 })
    .map((p) => Object.values(printProject(p)).join('\n'));
  const probes: Record<string, RegExp> = {
    all: /\ball \w+ in /,
    any: /\bany \w+ in /,
    coalesce: /\?\?/,
    optChain: /\?\./,
    let: /\blet /,
    try: /= try /,
    expect: /\bexpect /,
    forall: /\bforall /,
    where: / where /,
    spread: /\.\.\.[A-Z]/,
    invariant: /\binvariant /,
    requires: /\brequires /,
    ensures: /\bensures /,
    recordLit: /[(:,=] \{ \w+: /,
    union: / \| [A-Z]/,
    map: /Map</,
    import: /^import/m,
    matches: /matches\(/,
    len: /len\(/,
    implies: / implies /,
    inList: / in \[/,
    qualified: /\b[A-Z]\w*\.[a-z]\w*/,
    arithmetic: / [-+*%/] \d/,
    nullable: /\w\? \{|\w\?$/m,
    bodyRef: /\bbody\./,
    responseRef: /\bresponse\b(?! \d)/,
    emptyRoot: / \/ \{/,
    header: /\bheader /,
    wire: /header \w+ "/,
    callBody: /body: /,
    valueAccess: /\.value\b/,
    okAccess: /\.ok\b/,
    statusAccess: /\.status\b/,
    pattern: /pattern: /,
    unique: /unique: /,
    exclusive: /exclusive(Min|Max): /,
    listLit: /: \[/,
    negNum: /-\d/,
    docField: /^  \/\/\//m,
    twoErrors: /errors \w+\n\s+errors/,
  };
  const counts = Object.fromEntries(
    Object.entries(probes).map(([k, re]) => [k, texts.filter((t) => re.test(t)).length]),
  );
  console.log(JSON.stringify(counts));
  console.log('avg len', texts.reduce((a, t) => a + t.length, 0) / texts.length);
});
