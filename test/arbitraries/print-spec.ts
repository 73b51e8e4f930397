/**
 * Prints the spec model of `spec-model.ts` as Specl text. Expressions get the parentheses the
 * grammar needs and no more, so that generated specs exercise the precedence rules.
 */
import type {
  AuthDeclModel,
  Constraint,
  DeclModel,
  EndpointClause,
  Expr,
  JsonValue,
  LatencyModel,
  SecurityModel,
  SpecSettingModel,
  LayoutModel,
  PathSegmentModel,
  PropertyStatement,
  RecordMember,
  SpecFileModel,
  SpecProject,
  TypeModel,
  TypeRefModel,
} from './spec-model.js';

/** A string literal: backslashes and quotes escaped (Langium's STRING converter undoes both). */
export function printString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function printNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(value).replace(/^0\./, '0.');
}

/** A key of a JSON value: bare when it is a name (keywords are names there), else a string. */
function printKey(key: string): string {
  return /^[_a-zA-Z]\w*$/.test(key) ? key : printString(key);
}

/** A JSON value written in place, on one line: `{ id: 1, "x-key": [1, "a"], note: null }`. */
export function printJson(value: JsonValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return printString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return `${value < 0 ? '-' : ''}${printNumber(Math.abs(value))}`;
  if (Array.isArray(value)) return `[${value.map(printJson).join(', ')}]`;
  const entries = Object.entries(value).map(([k, v]) => `${printKey(k)}: ${printJson(v)}`);
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function printConstraint(c: Constraint): string {
  return `${c.name}: ${printJson(c.value)}`;
}

function printTypeRef(ref: TypeRefModel, commas: boolean): string {
  const base = ref.base;
  let text: string;
  if (base.kind === 'primitive') text = base.name;
  else if (base.kind === 'named') text = base.name;
  else if (base.kind === 'list') text = `List<${printType(base.element, commas)}>`;
  else if (base.kind === 'const')
    text =
      typeof base.value === 'string'
        ? printString(base.value)
        : typeof base.value === 'number'
          ? `${base.value < 0 ? '-' : ''}${printNumber(Math.abs(base.value))}`
          : String(base.value);
  else text = `Map<${printType(base.value, commas)}>`;
  if (ref.nullable) text += '?';
  if (ref.constraints.length > 0) {
    text += ` { ${ref.constraints.map(printConstraint).join(commas ? ', ' : ' ')} }`;
  }
  return text;
}

export function printType(type: TypeModel, commas = true): string {
  if (type.kind === 'union') return type.options.map((o) => printTypeRef(o, commas)).join(' | ');
  return printTypeRef(type, commas);
}

// ---------------------------------------------------------------- expressions

/** Binding strength, lowest first: implies, or, and, not, comparison, ??, + -, * / %, unary -, postfix. */
const level: Record<string, number> = {
  implies: 1,
  or: 2,
  and: 3,
  not: 4,
  '==': 5,
  '!=': 5,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  in: 5,
  '??': 6,
  '+': 7,
  '-': 7,
  '*': 8,
  '/': 8,
  '%': 8,
};
const PREFIX = 9;
const PRIMARY = 10;

interface Printed {
  text: string;
  level: number;
  /** Ends in a quantifier's predicate, which would swallow whatever followed it. */
  greedy: boolean;
}

/** `e` where the grammar needs at least `min`, parenthesized if needed; `tail` when nothing follows. */
function sub(e: Expr, min: number, tail: boolean): Printed {
  const p = printed(e);
  if (p.level >= min && (!p.greedy || tail)) return p;
  return { text: `(${p.text})`, level: PRIMARY, greedy: false };
}

function printed(e: Expr): Printed {
  const primary = (text: string): Printed => ({ text, level: PRIMARY, greedy: false });
  switch (e.kind) {
    case 'num':
      return primary(`${printNumber(e.value)}${e.exponent ? 'e0' : ''}`);
    case 'str':
      return primary(printString(e.value));
    case 'bool':
      return primary(String(e.value));
    case 'null':
      return primary('null');
    case 'name':
      return primary(e.name);
    case 'body':
      return primary('body');
    case 'response':
      return primary('response');
    case 'paren':
      return primary(`(${printExpr(e.inner)})`);
    case 'member':
      return primary(`${sub(e.receiver, PRIMARY, false).text}${e.optional ? '?.' : '.'}${e.name}`);
    case 'builtin':
      return primary(`${e.name}(${e.args.map(printExpr).join(', ')})`);
    case 'list':
      return primary(`[${e.items.map(printExpr).join(', ')}]`);
    case 'record':
      return primary(`{ ${e.fields.map((f) => `${f.name}: ${printExpr(f.value)}`).join(', ')} }`);
    case 'call':
      return primary(
        `${e.endpoint}(${e.args.map((a) => `${a.name}: ${printExpr(a.value)}`).join(', ')})`,
      );
    case 'quantifier': {
      const collection = sub(e.collection, level['??']!, false).text;
      const text = `${e.q} ${e.variable} in ${collection}: ${printExpr(e.predicate)}`;
      return { text, level: PRIMARY, greedy: true };
    }
    case 'unary': {
      const l = e.op === 'not' ? level.not! : PREFIX;
      const operand = sub(e.operand, l, true);
      return {
        text: `${e.op === 'not' ? 'not ' : '-'}${operand.text}`,
        level: l,
        greedy: operand.greedy,
      };
    }
    case 'binary': {
      const l = level[e.op]!;
      // implies and ?? associate to the right; comparisons do not associate; the rest to the left.
      const rightAssoc = e.op === 'implies' || e.op === '??';
      const leftMin = rightAssoc || l === 5 ? l + 1 : l;
      const rightMin = rightAssoc ? l : l + 1;
      const left = sub(e.left, leftMin, false);
      const right = sub(e.right, rightMin, true);
      return { text: `${left.text} ${e.op} ${right.text}`, level: l, greedy: right.greedy };
    }
  }
}

export function printExpr(e: Expr): string {
  return printed(e).text;
}

// ---------------------------------------------------------------- declarations

/** A doc comment: `///` before each line (a blank line between paragraphs is a bare `///`). */
function doc(text: string | undefined, indent: string): string {
  if (text === undefined) return '';
  return text
    .split('\n')
    .map((line) => `${indent}///${line === '' ? '' : ` ${line}`}\n`)
    .join('');
}

/** An end-of-line comment on every other line, when the layout has comments. */
function trailing(layout: LayoutModel, i: number): string {
  return layout.comments && i % 2 === 1 ? ` // line ${i}` : '';
}

function printMember(m: RecordMember, layout: LayoutModel): string {
  switch (m.kind) {
    case 'field':
      return `${m.name}${m.optional ? '?' : ''}: ${printType(m.type, layout.commas)}`;
    case 'spread':
      return `...${m.target}`;
    case 'open':
      return `...Map<${printType(m.type, layout.commas)}>`;
    case 'invariant':
      return `invariant ${layout.comments ? '/* always */ ' : ''}${printExpr(m.expr)}`;
  }
}

const operatorWords = new Set(['in', 'and', 'or', 'implies', 'not']);

function printMembers(members: RecordMember[], layout: LayoutModel): string {
  if (members.length === 0) return '{}';
  if (layout.oneLine) return `{ ${members.map((m) => printMember(m, layout)).join(', ')} }`;
  const lines = members.map((m, i) => {
    const docText = m.kind === 'field' ? doc(m.doc, layout.indent) : '';
    // An invariant would read a next field named like an operator (`in`, `and`, ...) as one: a comma ends it.
    const next = members[i + 1];
    const ends = m.kind === 'invariant' && next?.kind === 'field' && operatorWords.has(next.name);
    const comma = layout.commas || ends ? ',' : '';
    return `${docText}${layout.indent}${printMember(m, layout)}${comma}${trailing(layout, i)}`;
  });
  return `{\n${lines.join('\n')}\n}`;
}

function printPath(path: PathSegmentModel[]): string {
  return path
    .map((s) =>
      s.kind === 'text'
        ? `/${s.text}`
        : s.kind === 'empty'
          ? '/'
          : `/{${s.name}: ${printType(s.type)}}`,
    )
    .join('');
}

/** ` as "a/b", "c/d"`, or nothing. */
function media(types: string[] | undefined): string {
  return types && types.length > 0 ? ` as ${types.map(printString).join(', ')}` : '';
}

function printSecurity(s: SecurityModel): string {
  if (s.none) return 'security none';
  const options = s.options.map(
    (o) => `${o.scheme}${o.scopes ? `(${o.scopes.map(printString).join(', ')})` : ''}`,
  );
  return `security ${options.join(' | ')}`;
}

function printLatency(l: LatencyModel): string {
  return `latency ${l.limits.map((x) => `${x.percentile} < ${printNumber(x.value)} ${x.unit}`).join(', ')}`;
}

/** ` { a: "x", b: "y" }`, or nothing. */
function settings(entries: { name: string; value: string | undefined }[], commas: boolean): string {
  const present = entries.filter((e) => e.value !== undefined);
  if (present.length === 0) return '';
  const text = present.map((e) => `${e.name}: ${printString(e.value!)}`);
  return ` { ${text.join(commas ? ', ' : ' ')} }`;
}

function printSetting(s: SpecSettingModel, layout: LayoutModel): string {
  const indent = layout.indent;
  switch (s.kind) {
    case 'server': {
      const head = `${doc(s.doc, indent)}${indent}server ${printString(s.url)}`;
      if (s.variables.length === 0) return head;
      const vars = s.variables.map(
        (v) =>
          `${doc(v.doc, indent + indent)}${indent}${indent}${v.name}: ${v.values.map(printString).join(' | ')}${layout.commas ? ',' : ''}`,
      );
      return `${head} {\n${vars.join('\n')}\n${indent}}`;
    }
    case 'license':
      return `${indent}license ${printString(s.name)}${settings([{ name: 'url', value: s.url }], layout.commas)}`;
    case 'contact': {
      const name = s.name === undefined ? '' : ` ${printString(s.name)}`;
      const rest = [
        { name: 'email', value: s.email },
        { name: 'url', value: s.url },
      ];
      return `${indent}contact${name}${settings(rest, layout.commas)}`;
    }
    case 'security':
      return `${indent}${printSecurity(s)}`;
    case 'latency':
      return `${indent}${printLatency(s)}`;
  }
}

/** ` with A, B`, or nothing. */
function withHeaders(names: string[] | undefined): string {
  return names && names.length > 0 ? ` with ${names.join(', ')}` : '';
}

function printClause(c: EndpointClause): string {
  switch (c.kind) {
    case 'header': {
      const wire = c.wireName === undefined ? '' : ` ${printString(c.wireName)}`;
      return `header ${c.name}${wire}${c.optional ? '?' : ''}: ${printType(c.type)}`;
    }
    case 'query':
      return `query ${c.name}${c.optional ? '?' : ''}: ${printType(c.type)}`;
    case 'body':
      return `body ${printType(c.type)}${media(c.media)}`;
    case 'response': {
      const type = c.type ? ` ${printType(c.type)}${media(c.media)}` : '';
      return `response ${c.status}${type}${withHeaders(c.headers)}`;
    }
    case 'errors':
      return `errors ${c.names.join(', ')}`;
    case 'requires':
      return `requires ${printExpr(c.expr)}`;
    case 'ensures':
      return `ensures ${printExpr(c.expr)}`;
    case 'paginated':
      return 'by' in c
        ? `paginated by ${c.by}, items = ${printExpr(c.items)}`
        : `paginated ${c.cursor} = ${printExpr(c.next)}, items = ${printExpr(c.items)}`;
    case 'security':
      return printSecurity(c);
    case 'tags':
      return `tags ${c.names.join(', ')}`;
    case 'deprecated':
      return 'deprecated';
    case 'latency':
      return printLatency(c);
  }
}

function printStatement(s: PropertyStatement): string {
  switch (s.kind) {
    case 'forall': {
      const vars = s.variables.map((v) => `${v.name}: ${printType(v.type)}`).join(', ');
      return `forall ${vars}${s.where ? ` where ${printExpr(s.where)}` : ''}`;
    }
    case 'let':
      return `let ${s.name} = ${s.try ? 'try ' : s.pages ? 'pages ' : ''}${printExpr(s.call)}`;
    case 'expect':
      return `expect ${printExpr(s.expr)}`;
  }
}

function printAuth(d: AuthDeclModel, layout: LayoutModel): string {
  const s = d.scheme;
  switch (s.kind) {
    case 'bearer':
      return `auth ${d.name} bearer${s.format === undefined ? '' : ` ${printString(s.format)}`}`;
    case 'basic':
      return `auth ${d.name} basic`;
    case 'apiKey':
      return `auth ${d.name} apiKey ${s.location} ${printString(s.param)}`;
    case 'openIdConnect':
      return `auth ${d.name} openIdConnect ${printString(s.url)}`;
    case 'oauth2': {
      const i = layout.indent;
      const flows = s.flows.map(
        (f) => `${i}flow ${f.name}${settings(f.settings, layout.commas) || ' {}'}`,
      );
      const scopes = s.scopes.map((x) => `${doc(x.doc, i)}${i}scope ${printString(x.name)}`);
      return `auth ${d.name} oauth2 {\n${[...flows, ...scopes].join('\n')}\n}`;
    }
  }
}

export function printDeclaration(d: DeclModel, layout: LayoutModel): string {
  const head = doc(d.doc, '');
  switch (d.kind) {
    case 'record':
      return `${head}type ${d.name} ${printMembers(d.members, layout)}`;
    case 'alias':
      return `${head}type ${d.name} = ${printType(d.type, layout.commas)}${d.by ? ` by ${d.by}` : ''}`;
    case 'enum': {
      if (layout.oneLine || d.members.length === 0) {
        return `${head}enum ${d.name} { ${d.members.join(layout.commas ? ', ' : ' ')} }`;
      }
      const members = d.members.map((m) => `${layout.indent}${m}${layout.commas ? ',' : ''}`);
      return `${head}enum ${d.name} {\n${members.join('\n')}\n}`;
    }
    case 'error': {
      const body = d.bodyless
        ? ' no body'
        : d.members === undefined
          ? ''
          : ` ${printMembers(d.members, layout)}`;
      return `${head}error ${d.name} ${d.status}${withHeaders(d.headers)}${media(d.media)}${body}`;
    }
    case 'auth':
      return `${head}${printAuth(d, layout)}`;
    case 'tag':
      return `${head}tag ${d.name}${d.displayName === undefined ? '' : ` ${printString(d.displayName)}`}`;
    case 'headers': {
      const members = d.members.map((m) => {
        const wire = m.wireName === undefined ? '' : ` ${printString(m.wireName)}`;
        return `${m.name}${wire}${m.optional ? '?' : ''}: ${printType(m.type, layout.commas)}`;
      });
      if (layout.oneLine || members.length === 0)
        return `${head}headers ${d.name} { ${members.join(layout.commas ? ', ' : ' ')} }`;
      const lines = members.map((m) => `${layout.indent}${m}${layout.commas ? ',' : ''}`);
      return `${head}headers ${d.name} {\n${lines.join('\n')}\n}`;
    }
    case 'endpoint': {
      const clauses = d.clauses
        .map((c, i) => `${layout.indent}${printClause(c)}${trailing(layout, i)}\n`)
        .join('');
      return `${head}endpoint ${d.name} ${d.method} ${printPath(d.path)} {\n${clauses}}`;
    }
    case 'property': {
      const statements = d.statements.map(
        (s, i) => `${layout.indent}${printStatement(s)}${trailing(layout, i)}\n`,
      );
      return `${head}property ${d.name} {\n${statements.join('')}}`;
    }
  }
}

export function printSpecFile(file: SpecFileModel): string {
  const parts: string[] = [];
  if (file.header) {
    const h = file.header;
    const block =
      h.settings === undefined
        ? ''
        : ` {\n${h.settings.map((s) => `${printSetting(s, file.layout)}\n`).join('')}}`;
    parts.push(`${doc(h.doc, '')}spec ${h.name} version ${printString(h.version)}${block}\n`);
  }
  if (file.imports.length > 0)
    parts.push(file.imports.map((p) => `import ${printString(p)}\n`).join(''));
  file.declarations.forEach((d, i) => {
    if (file.layout.comments)
      parts.push(i % 2 === 0 ? `// declaration ${i}\n` : `/* declaration\n   ${i} */\n`);
    parts.push(`${printDeclaration(d, file.layout)}\n`);
  });
  const text = parts.join('\n');
  return file.layout.crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Every file of a project, printed, by path. */
export function printProject(project: SpecProject): Record<string, string> {
  return Object.fromEntries(
    Object.entries(project.files).map(([path, file]) => [path, printSpecFile(file)]),
  );
}
