// Generates the TextMate grammar of Specl (syntaxes/specl.tmLanguage.json) from the keywords
// of grammar/specl.langium, each sorted into a highlighting class below. A keyword of the
// grammar that no class names fails the generation, so the highlighting cannot fall behind
// the grammar. `--check` writes nothing and fails when the committed file differs.
//
//   node editors/vscode/scripts/generate-grammar.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const here = resolve(import.meta.dirname, '..');
const root = resolve(here, '../..');
const output = join(here, 'syntaxes/specl.tmLanguage.json');

/** Highlighting classes: TextMate scope and the keywords in it. */
const classes = [
  [
    'keyword.declaration.specl',
    'spec version import type enum error endpoint property auth tag server license contact flow scope headers',
  ],
  [
    'keyword.other.clause.specl',
    'header query body response errors requires ensures invariant security tags deprecated latency paginated items as no none by with',
  ],
  ['keyword.control.specl', 'forall where let try pages expect'],
  ['keyword.operator.word.specl', 'and or not implies in'],
  ['keyword.control.quantifier.specl', 'all any one'],
  ['support.function.builtin.specl', 'len matches'],
  ['constant.language.specl', 'true false null'],
  ['support.type.primitive.specl', 'String Int Float Bool Uuid Email Url Date DateTime List Map'],
];

/** The word keywords of the grammar: quoted words in its rules (terminals excluded). */
function grammarKeywords() {
  const text = readFileSync(join(root, 'grammar/specl.langium'), 'utf8')
    .replace(/\/\/[^\n]*/g, '')
    .replace(/terminal[^;]*;/g, '');
  return [...new Set([...text.matchAll(/'([A-Za-z_]\w*)'/g)].map((m) => m[1]))].sort();
}

function generate() {
  const keywords = grammarKeywords();
  const classified = new Set(classes.flatMap(([, words]) => words.split(' ')));
  const missing = keywords.filter((k) => !classified.has(k));
  const stale = [...classified].filter((k) => !keywords.includes(k));
  if (missing.length > 0 || stale.length > 0) {
    console.error(
      `generate-grammar: sort the grammar's keywords into classes in ${join('editors/vscode/scripts', 'generate-grammar.mjs')}` +
        (missing.length ? `; unclassified: ${missing.join(', ')}` : '') +
        (stale.length ? `; no longer in the grammar: ${stale.join(', ')}` : ''),
    );
    process.exit(1);
  }
  const words = (list) => `\\b(?:${list.split(' ').join('|')})\\b`;
  const grammar = {
    name: 'Specl',
    scopeName: 'source.specl',
    fileTypes: ['specl'],
    comment:
      'Generated from grammar/specl.langium by editors/vscode/scripts/generate-grammar.mjs; do not edit.',
    patterns: [
      { include: '#comments' },
      { include: '#strings' },
      { include: '#keywords' },
      { include: '#numbers' },
      { include: '#operators' },
    ],
    repository: {
      comments: {
        patterns: [
          { name: 'comment.line.documentation.specl', match: '///.*$' },
          { name: 'comment.line.double-slash.specl', match: '//.*$' },
          { name: 'comment.block.specl', begin: '/\\*', end: '\\*/' },
        ],
      },
      strings: {
        name: 'string.quoted.double.specl',
        begin: '"',
        end: '"',
        patterns: [{ name: 'constant.character.escape.specl', match: '\\\\.' }],
      },
      keywords: {
        patterns: [
          // A name followed by `:` or `?:` is a field or parameter, even when it is a keyword.
          { name: 'variable.other.property.specl', match: '\\b[A-Za-z_]\\w*(?=\\??\\s*:(?!:))' },
          ...classes.map(([name, list]) => ({ name, match: words(list) })),
        ],
      },
      numbers: {
        name: 'constant.numeric.specl',
        match: '\\b[0-9]+(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\\b',
      },
      operators: {
        name: 'keyword.operator.specl',
        match: '\\?\\?|\\?\\.|==|!=|<=|>=|\\.\\.\\.|[+\\-*/%<>|=?]',
      },
    },
  };
  return `${JSON.stringify(grammar, null, 2)}\n`;
}

const text = generate();
if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(output, 'utf8');
  } catch {
    // missing: drift
  }
  if (committed !== text) {
    console.error(
      'editors/vscode/syntaxes/specl.tmLanguage.json is out of date with grammar/specl.langium',
    );
    console.error('run `npm run generate-grammar -w editors/vscode` and commit the result');
    process.exit(1);
  }
  console.log('the TextMate grammar matches grammar/specl.langium');
} else {
  writeFileSync(output, text);
  console.log(`wrote ${output}`);
}
