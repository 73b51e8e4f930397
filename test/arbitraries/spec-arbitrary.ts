/**
 * fast-check arbitraries of valid Specl projects. A project is built from a tape of choices
 * (so fast-check shrinks it by shortening the tape and lowering its numbers, and 0 is always
 * the simplest choice): enums, aliases, records (reference chains and cycles through optional,
 * nullable, list and map fields; acyclic spreads), errors, endpoints and properties, each
 * naming only declarations its file can see. Every condition is generated true on a witness
 * value of its types (spec-values.ts), so that the constraints and conditions of a generated
 * spec can all hold together.
 */
import fc from 'fast-check';
import { posix } from 'node:path';
import type {
  DeclModel,
  EndpointClause,
  EndpointDeclModel,
  Expr,
  HttpMethod,
  PathSegmentModel,
  PropertyStatement,
  RecordMember,
  SpecFileModel,
  SpecProject,
  TypeModel,
} from './spec-model.js';
import type { ExprEnv, Term } from './spec-expressions.js';
import { condition, nameRoot, terms } from './spec-expressions.js';
import type { TypeOptions, TypeWorld, Typed } from './spec-types.js';
import { genType, needsGuard } from './spec-types.js';
import type { FieldInfo, RT, RecordInfo, Value } from './spec-values.js';
import {
  Choices,
  available,
  evaluate,
  keywords,
  literal,
  makeOpt,
  stripOpt,
  witness,
} from './spec-values.js';

const pools = {
  record: [
    'Order',
    'Item',
    'User',
    'Account',
    'Invoice',
    'Address',
    'Product',
    'Review',
    'Team',
    'Task',
    'Note',
  ],
  enum: ['Status', 'Color', 'Kind', 'Priority', 'Level', 'Role'],
  alias: ['Count', 'Amount', 'Label', 'Code', 'Score', 'Slug', 'Ids', 'Days'],
  error: ['NotFound', 'Conflict', 'Invalid', 'Forbidden', 'Gone', 'TooMany', 'Unavailable'],
  endpoint: [
    'getThing',
    'listThings',
    'createThing',
    'updateThing',
    'removeThing',
    'search',
    'ping',
  ],
  property: ['roundTrip', 'createsThenReads', 'neverNegative', 'idempotent', 'keepsCount'],
  member: ['pending', 'active', 'closed', 'red', 'green', 'blue', 'low', 'high', 'draft', 'done'],
  keywordMember: ['in', 'all', 'true', 'type', 'String'],
  field: [
    'name',
    'count',
    'price',
    'email',
    'tags',
    'createdAt',
    'note',
    'score',
    'items',
    'owner',
    'total',
    'start',
    'end',
    'flag',
    'ratio',
    'parent',
    'children',
    'meta',
  ],
  keywordField: [
    'type',
    'body',
    'in',
    'all',
    'true',
    'error',
    'query',
    'Int',
    'List',
    'and',
    'or',
    'implies',
    'not',
  ],
  param: [
    'id',
    'limit',
    'offset',
    'q',
    'page',
    'sort',
    'token',
    'traceId',
    'since',
    'verbose',
    'tag',
  ],
  word: [
    'users',
    'items',
    'v1',
    'orders',
    'search',
    'me',
    'by-name',
    'export.csv',
    '~tmp',
    'items:batch',
    'type',
    'in',
    '2024',
    'List',
  ],
  wire: ['X-Trace-Id', 'Idempotency-Key', 'If-Match', 'x-api-key', 'Accept-Language'],
};

/** A name from `pool`, suffixed with a number when `taken` already has it. */
function freshName(g: Choices, pool: readonly string[], taken: Set<string>): string {
  const base = g.pick(pool);
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
  taken.add(name);
  return name;
}

interface Param {
  name: string;
  /** Whether a call must pass it (path parameters, required query parameters, the body). */
  required: boolean;
  /** Whether it may be absent where expressions read it (optional query parameters and headers). */
  optional: boolean;
  typed: Typed;
}

const recordTyped = (name: string): Typed => ({
  model: { kind: 'ref', base: { kind: 'named', name }, nullable: false, constraints: [] },
  rt: { k: 'record', name },
});

interface EndpointInfo {
  name: string;
  file: string;
  params: Param[];
  response?: RT;
  status: number;
}

class Builder implements TypeWorld {
  readonly enums: TypeWorld['enums'] = [];
  readonly aliases: TypeWorld['aliases'] = [];
  readonly records = new Map<string, RecordInfo>();
  readonly recordOrder: string[] = [];
  readonly errors: (RecordInfo & { status: number })[] = [];
  readonly endpoints: EndpointInfo[] = [];
  readonly decls = new Map<string, DeclModel[]>();
  private readonly taken = new Set<string>();
  private readonly routes = new Set<string>();
  private quantifiers = 0;

  constructor(
    readonly g: Choices,
    readonly files: string[],
    readonly imports: Map<string, string[]>,
  ) {
    files.forEach((f) => this.decls.set(f, []));
  }

  visible = (file: string, declarationFile: string) =>
    file === declarationFile || this.imports.get(file)!.includes(declarationFile);

  private add(file: string, decl: DeclModel) {
    if (this.g.chance(4)) decl.doc = `About ${decl.name}; "quoted" and \`code\`.`;
    this.decls.get(file)!.push(decl);
  }

  private type(o: TypeOptions): Typed {
    return genType(this, o);
  }

  private env(file: string, roots: Term[], scope: Map<string, Value>): ExprEnv {
    return {
      g: this.g,
      records: this.records,
      roots,
      scope,
      canQualify: (name) => this.visible(file, this.enums.find((e) => e.name === name)!.file),
      fresh: () => `it${++this.quantifiers}`,
      present: new Set(),
    };
  }

  /** A condition that holds on the witness values in scope; checked here, so a generator bug shows as one. */
  private holds(env: ExprEnv, depth: number): Expr {
    const expr = condition(env, true, depth);
    if (evaluate(expr, env.scope) !== true)
      throw new Error(`generator bug: condition is false on its witness`);
    return expr;
  }

  enum(file: string) {
    const g = this.g;
    const taken = new Set<string>();
    const members = Array.from({ length: g.int(1, 4) }, () =>
      freshName(g, g.chance(6) ? pools.keywordMember : pools.member, taken),
    );
    const name = freshName(g, pools.enum, this.taken);
    this.enums.push({ name, file, members });
    this.add(file, { kind: 'enum', name, members });
  }

  alias(file: string) {
    const name = freshName(this.g, pools.alias, this.taken);
    const typed = this.type({ file, self: -1, usage: 'value', depth: 0 });
    this.aliases.push({ name, file, rt: typed.rt });
    this.add(file, { kind: 'alias', name, type: typed.model });
  }

  /** Fields and spreads of a record or error; spreads name earlier records only, so they never cycle. */
  members(info: RecordInfo, self: number): RecordMember[] {
    const g = this.g;
    const names = new Set<string>();
    const members: RecordMember[] = [];
    const earlier = this.recordOrder.slice(0, Math.min(self, this.recordOrder.length));
    for (let i = g.nat(2); i > 0; i--) {
      const target = this.records.get(g.pick(earlier.length > 0 ? earlier : ['']));
      if (
        !target ||
        !this.visible(info.file, target.file) ||
        target.fields.some((f) => names.has(f.name))
      )
        continue;
      target.fields.forEach((f) => names.add(f.name));
      info.fields.push(...target.fields);
      members.push({ kind: 'spread', target: target.name });
    }
    for (let i = g.nat(5); i > 0; i--) {
      const name = freshName(
        g,
        g.chance(5)
          ? process.env.TEMP2
            ? ['type', 'body', 'true', 'error', 'query', 'Int', 'List', 'not']
            : pools.keywordField
          : pools.field,
        names,
      );
      const typed = this.type({ file: info.file, self, usage: 'field', depth: 0 });
      let optional = g.chance(4);
      let model: TypeModel = typed.model;
      let rt = typed.rt;
      if (needsGuard(rt, this, self) && !optional) {
        if (model.kind === 'ref' && g.bool())
          [model, rt] = [{ ...model, nullable: true }, makeOpt(rt)];
        else optional = true;
      }
      if (process.env.TEMP1 && rt.k === 'opt') optional = false; // TEMP
      info.fields.push({ name, optional, rt });
      const doc = g.chance(5) ? `The ${name}.` : undefined;
      members.push({ kind: 'field', name, optional, type: model, ...(doc ? { doc } : {}) });
    }
    return g.shuffle(members);
  }

  /** The witness of a record: its spreads' witnesses and a value of each own field. */
  buildWitness(info: RecordInfo) {
    const w: { [key: string]: Value } = {};
    for (const f of info.fields)
      w[f.name] = witness(this.g, f.optional ? makeOpt(f.rt) : f.rt, this.records);
    info.witness = w;
    for (const name of this.recordOrder) {
      const spread = this.records.get(name)!;
      if (
        spread !== info &&
        spread.witness &&
        spread.fields.every((f) => info.fields.includes(f))
      ) {
        spread.fields.forEach((f) => (w[f.name] = spread.witness![f.name]!));
      }
    }
  }

  /** Invariants true on the record's witness, over its fields (bare, unless a keyword) and their members. */
  invariants(info: RecordInfo, members: RecordMember[]) {
    const roots = info.fields.flatMap((f) => nameRoot(f.name, f.optional ? makeOpt(f.rt) : f.rt));
    const scope = new Map(Object.entries(info.witness!));
    for (let i = this.g.chance(2) ? this.g.int(1, 2) : 0; i > 0; i--) {
      const expr = this.holds(this.env(info.file, roots, scope), 2);
      members.splice(this.g.nat(members.length), 0, { kind: 'invariant', expr });
    }
  }

  declareRecords(count: number, pickFile: () => string) {
    const infos = Array.from({ length: count }, (_, index): RecordInfo => {
      const info = {
        name: freshName(this.g, pools.record, this.taken),
        file: pickFile(),
        index,
        fields: [],
      };
      this.records.set(info.name, info);
      this.recordOrder.push(info.name);
      return info;
    });
    return infos;
  }

  fillRecords(infos: RecordInfo[]) {
    const members = infos.map((info) => this.members(info, info.index));
    infos.forEach((info) => this.buildWitness(info));
    infos.forEach((info, i) => {
      this.invariants(info, members[i]!);
      this.add(info.file, { kind: 'record', name: info.name, members: members[i]! });
    });
  }

  error(file: string) {
    const g = this.g;
    const name = freshName(g, pools.error, this.taken);
    const status = g.pick([400, 401, 403, 404, 409, 410, 422, 429, 500, 503, 599, g.int(400, 599)]);
    const info = { name, file, index: Infinity, fields: [] as FieldInfo[], status };
    const members = this.members(info, Infinity);
    this.buildWitness(info);
    this.invariants(info, members);
    this.errors.push(info);
    this.add(file, {
      kind: 'error',
      name,
      status,
      ...(members.length > 0 || g.bool() ? { members } : {}),
    });
  }

  endpoint(file: string) {
    const g = this.g;
    const name = freshName(g, pools.endpoint, this.taken);
    const method = g.pick<HttpMethod>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
    const paramNames = new Set<string>();
    const params: Param[] = [];
    const path: PathSegmentModel[] = [];
    for (let i = g.nat(3); i > 0; i--) {
      if (g.chance(3)) {
        const typed = this.type({ file, self: Infinity, usage: 'path', depth: 0 });
        const param = {
          name: freshName(g, pools.param, paramNames),
          required: true,
          optional: false,
          typed,
        };
        params.push(param);
        path.push({ kind: 'param', name: param.name, type: param.typed.model });
      } else path.push({ kind: 'text', text: g.pick(pools.word) });
    }
    const route = () =>
      `${method} ${path.map((s) => (s.kind === 'param' ? '/{}' : s.kind === 'text' ? `/${s.text}` : '/')).join('')}`;
    if (path.length === 0) path.push({ kind: 'empty' });
    for (let i = 2; this.routes.has(route()); i++) {
      if (path[0]!.kind === 'empty') path.shift();
      path.push({ kind: 'text', text: `r${i}` });
    }
    this.routes.add(route());
    const clauses: EndpointClause[] = [];
    for (let i = g.nat(2); i > 0; i--) {
      const typed = this.type({ file, self: Infinity, usage: 'query', depth: 0 });
      const optional = g.chance(3);
      const p = {
        name: freshName(g, pools.param, paramNames),
        required: !optional,
        optional,
        typed,
      };
      params.push(p);
      clauses.push({ kind: 'query', name: p.name, optional: !p.required, type: p.typed.model });
    }
    if (g.chance(3)) {
      const typed = this.type({ file, self: Infinity, usage: 'header', depth: 0 });
      const p = {
        name: freshName(g, pools.param, paramNames),
        required: false,
        optional: g.bool(),
        typed,
      };
      params.push(p);
      const wire = g.bool() ? { wireName: g.pick(pools.wire) } : {};
      clauses.push({
        kind: 'header',
        name: p.name,
        ...wire,
        optional: p.optional,
        type: p.typed.model,
      });
    }
    const declared = (p: Param) => (p.optional ? makeOpt(p.typed.rt) : p.typed.rt);
    const roots: Term[] = params.flatMap((p) => nameRoot(p.name, declared(p)));
    const scope = new Map<string, Value>();
    for (const p of params) scope.set(p.name, witness(g, declared(p), this.records));
    if (['POST', 'PUT', 'PATCH', 'OPTIONS'].includes(method) && g.bool()) {
      const records = this.recordOrder.filter((n) => this.visible(file, this.records.get(n)!.file));
      const typed: Typed =
        records.length > 0 && g.bool()
          ? recordTyped(g.pick(records))
          : this.type({ file, self: Infinity, usage: 'value', depth: 0 });
      params.push({ name: 'body', required: true, optional: false, typed });
      clauses.push({ kind: 'body', type: typed.model });
      roots.push({ expr: { kind: 'body' }, rt: typed.rt });
      scope.set('$body', witness(g, typed.rt, this.records));
    }
    const statuses = g.shuffle([200, 201, 202, 204, 206, 299]).slice(0, g.chance(4) ? 2 : 1);
    let response: RT | undefined;
    for (const status of statuses) {
      const typed =
        status === 204 || g.chance(8)
          ? undefined
          : this.type({ file, self: Infinity, usage: 'value', depth: 0 });
      if (statuses.length === 1) response = typed?.rt;
      clauses.push({ kind: 'response', status, ...(typed ? { type: typed.model } : {}) });
    }
    const errorStatuses = new Set<number>();
    const errors = g
      .shuffle(this.errors.filter((e) => this.visible(file, e.file)))
      .filter((e) => !errorStatuses.has(e.status) && errorStatuses.add(e.status));
    const listed = errors.slice(0, g.nat(Math.min(3, errors.length))).map((e) => e.name);
    if (listed.length > 2 && g.bool())
      clauses.push(
        { kind: 'errors', names: listed.slice(0, 1) },
        { kind: 'errors', names: listed.slice(1) },
      );
    else if (listed.length > 0) clauses.push({ kind: 'errors', names: listed });
    for (let i = g.chance(3) ? g.int(1, 2) : 0; i > 0; i--)
      clauses.push({ kind: 'requires', expr: this.holds(this.env(file, roots, scope), 2) });
    if (response) {
      roots.push({ expr: { kind: 'response' }, rt: response });
      scope.set('$response', witness(g, response, this.records));
    }
    for (let i = g.chance(2) ? g.int(1, 2) : 0; i > 0; i--)
      clauses.push({ kind: 'ensures', expr: this.holds(this.env(file, roots, scope), 2) });
    this.endpoints.push({
      name,
      file,
      params,
      status: statuses[0]!,
      ...(response ? { response } : {}),
    });
    const decl: EndpointDeclModel = {
      kind: 'endpoint',
      name,
      method,
      path,
      clauses: g.chance(4) ? g.shuffle(clauses) : clauses,
    };
    this.add(file, decl);
  }

  /** Whether every name a type model uses is visible from `file`. */
  private modelVisible(model: TypeModel, file: string): boolean {
    if (model.kind === 'union') return model.options.every((o) => this.modelVisible(o, file));
    const base = model.base;
    if (base.kind === 'list') return this.modelVisible(base.element, file);
    if (base.kind === 'map') return this.modelVisible(base.value, file);
    if (base.kind === 'primitive') return true;
    const decl = [...this.enums, ...this.aliases, ...this.records.values()].find(
      (d) => d.name === base.name,
    )!;
    return this.visible(file, decl.file);
  }

  property(file: string) {
    const g = this.g;
    const endpoints = this.endpoints.filter((e) => this.visible(file, e.file));
    if (endpoints.length === 0) return;
    const names = new Set<string>();
    const vars: { name: string; type: TypeModel }[] = [];
    const roots: Term[] = [];
    const scope = new Map<string, Value>();
    const addVar = (typed: Typed): Expr => {
      const name = freshName(g, ['x', 'y', 'input', 'data'], names);
      vars.push({ name, type: typed.model });
      roots.push({ expr: { kind: 'name', name }, rt: typed.rt });
      scope.set(name, witness(g, typed.rt, this.records));
      return { kind: 'name', name };
    };
    for (let i = g.nat(2); i > 0; i--)
      addVar(this.type({ file, self: Infinity, usage: 'value', depth: 0 }));
    const whereAt =
      vars.length > 0 && g.chance(3)
        ? this.holds(this.env(file, [...roots], new Map(scope)), 1)
        : undefined;
    const body: PropertyStatement[] = [];
    calls: for (let i = g.int(1, 3); i > 0; i--) {
      const endpoint = g.pick(endpoints);
      const args: { name: string; value: Expr }[] = [];
      for (const p of endpoint.params) {
        if (!p.required && !g.chance(3)) continue;
        const env = this.env(file, roots, scope);
        const sources = terms(env).filter((t) =>
          assignable(t.rt, p.optional ? makeOpt(p.typed.rt) : p.typed.rt),
        );
        const value = witness(g, p.typed.rt, this.records);
        const lit =
          g.chance(p.name === 'body' ? 2 : 3) || sources.length === 0
            ? literal(value, p.typed.rt, env)
            : undefined;
        const chosen =
          lit ??
          (sources.length > 0
            ? g.pick(sources).expr
            : this.modelVisible(p.typed.model, file)
              ? addVar(p.typed)
              : undefined);
        if (chosen) args.push({ name: p.name, value: chosen });
        else if (p.required) continue calls; // nothing this file can write for it
      }
      const name = freshName(g, ['created', 'fetched', 'res', 'after', 'before'], names);
      const attempt = g.chance(3);
      body.push({
        kind: 'let',
        name,
        try: attempt,
        call: { kind: 'call', endpoint: endpoint.name, args: g.shuffle(args) },
      });
      const value =
        endpoint.response && available(endpoint.response, this.records)
          ? witness(g, endpoint.response, this.records)
          : null;
      if (attempt) {
        roots.push({
          expr: { kind: 'name', name },
          rt: { k: 'outcome', value: endpoint.response, status: endpoint.status },
        });
        scope.set(name, { ok: true, status: endpoint.status, value, error: null });
      } else if (endpoint.response && value !== null) {
        roots.push({ expr: { kind: 'name', name }, rt: endpoint.response });
        scope.set(name, value);
      }
      if (g.chance(4))
        body.push({ kind: 'expect', expr: this.holds(this.env(file, roots, scope), 2) });
    }
    for (let i = g.int(0, 2); i > 0; i--)
      body.push({ kind: 'expect', expr: this.holds(this.env(file, roots, scope), 2) });
    const statements: PropertyStatement[] = [];
    if (vars.length > 0) {
      const split = g.nat(vars.length - 1);
      if (split > 0) statements.push({ kind: 'forall', variables: vars.slice(0, split) });
      statements.push({
        kind: 'forall',
        variables: vars.slice(split),
        ...(whereAt ? { where: whereAt } : {}),
      });
    }
    this.add(file, {
      kind: 'property',
      name: freshName(g, pools.property, this.taken),
      statements: [...statements, ...body],
    });
  }
}

/** Whether a value of `s` can be passed where `d` is expected (the checker allows more). */
function assignable(s: RT, d: RT): boolean {
  if (d.k === 'opt') return assignable(stripOpt(s), d.inner);
  if (s.k === 'opt') return false;
  switch (d.k) {
    case 'num':
      return s.k === 'num' && (!d.int || s.int);
    case 'str':
      return (
        s.k === 'str' && (s.format === d.format || s.format === 'String' || d.format === 'String')
      );
    case 'bool':
      return s.k === 'bool';
    case 'enum':
    case 'record':
      return s.k === d.k && s.name === d.name;
    case 'list':
      return s.k === 'list' && assignable(s.el, d.el);
    case 'map':
      return s.k === 'map' && assignable(s.val, d.val);
    default:
      return false;
  }
}

const layout = (g: Choices) => {
  const commas = g.bool();
  return {
    commas,
    oneLine: commas && g.chance(3),
    comments: g.chance(3),
    crlf: g.chance(5),
    indent: g.pick(['  ', '\t', '    ', ' ']),
  };
};

/** Builds a project from a tape of choices: one root, and with `multiFile` 1-2 more files it imports. */
export function buildProject(tape: readonly number[], multiFile: boolean): SpecProject {
  const g = new Choices(tape);
  const root = '/spec/main.specl';
  const libs = multiFile
    ? g
        .shuffle(['/spec/lib/common.specl', '/spec/shared.specl', '/spec/lib/deep/types.specl'])
        .slice(0, g.int(1, 2))
    : [];
  const files = [root, ...libs];
  const imports = new Map<string, string[]>(files.map((f) => [f, []]));
  libs.forEach((lib, i) => {
    const importer = i === 0 || g.bool() ? root : libs[0]!;
    if (!imports.get(importer)!.includes(lib)) imports.get(importer)!.push(lib);
    const back = g.pick([undefined, root, ...libs.filter((l) => l !== lib && l !== importer)]);
    if (back && back !== importer && !imports.get(lib)!.includes(back))
      imports.get(lib)!.push(back);
  });
  const b = new Builder(g, files, imports);
  const pickFile = () => g.pick(files);
  for (let i = g.nat(3); i > 0; i--) b.enum(pickFile());
  const records = b.declareRecords(g.int(1, 5), pickFile);
  for (let i = g.nat(3); i > 0; i--) b.alias(pickFile());
  b.fillRecords(records);
  for (let i = g.nat(3); i > 0; i--) b.error(pickFile());
  for (let i = g.int(1, 4); i > 0; i--) b.endpoint(pickFile());
  for (let i = g.nat(2); i > 0; i--) b.property(pickFile());
  const relative = (from: string, to: string) => {
    const path = posix.relative(posix.dirname(from), to);
    if (g.chance(6)) return `./${posix.basename(posix.dirname(from))}/../${path}`; // not normalised
    return path.startsWith('.') || !g.bool() ? path : `./${path}`;
  };
  const model = (file: string): SpecFileModel => ({
    ...(file === root || g.chance(3)
      ? {
          header: {
            name: file === root ? 'Generated' : 'Lib',
            version: g.pick(['1.0.0', '0.1.0-beta.1', '2.3.4+build.5', '10.20.30']),
            ...(g.chance(4) ? { doc: 'The API.' } : {}),
          },
        }
      : {}),
    imports: imports.get(file)!.map((to) => relative(file, to)),
    declarations: g.shuffle(b.decls.get(file)!),
    layout: layout(g),
  });
  return { root, files: Object.fromEntries(files.map((f) => [f, model(f)])) };
}

const tape = fc.array(fc.nat({ max: 0xffff }), { maxLength: 1500, size: 'max' });

/** Valid single-file specs. */
export const specArbitrary: fc.Arbitrary<SpecProject> = tape.map((t) => buildProject(t, false));

/** Valid projects of a root importing one or two files (which may import it back). */
export const multiFileSpecArbitrary: fc.Arbitrary<SpecProject> = tape.map((t) =>
  buildProject(t, true),
);

export { keywords };
