/**
 * fast-check arbitraries of valid Specl projects. A project is built from a tape of choices
 * (so fast-check shrinks it by shortening the tape and lowering its numbers, and 0 is always
 * the simplest choice): enums, aliases, records (reference chains and cycles through optional,
 * nullable, list and map fields; acyclic spreads; options of a discriminated union; a page of a
 * paginated listing, perhaps held by another), errors (exact statuses, `4XX`, `5XX`,
 * `default`; some without a body), sets of response headers (most declared where first attached with `with`, some
 * never used), endpoints and properties (spec-endpoints.ts), each naming only declarations its file can see. Every condition is
 * generated true on a witness value of its types (spec-values.ts), so that the constraints and
 * conditions of a generated spec can all hold together.
 */
import fc from 'fast-check';
import { posix } from 'node:path';
import { genEndpoint, genProperty } from './spec-endpoints.js';
import type { EndpointInfo } from './spec-endpoints.js';
import { condition } from './spec-expressions.js';
import type { AuthInfo } from './spec-auth.js';
import { declareAuth } from './spec-auth.js';
import { annotate, annotateFields, valueAnnotations } from './spec-examples.js';
import type { HeaderSetInfo } from './spec-headers.js';
import { declareHeaders, withHeaders } from './spec-headers.js';
import { jsonMedia } from './spec-media.js';
import { declareTags, specSettings } from './spec-metadata.js';
import { freshName, pools, refTo, words } from './spec-names.js';
import { pageFields } from './spec-pagination.js';
import type { ExprEnv, Term } from './spec-terms.js';
import { taggedUnion } from './spec-unions.js';
import { nameRoot } from './spec-terms.js';
import type {
  DeclModel,
  ErrorStatus,
  Expr,
  RecordMember,
  SpecFileModel,
  SpecProject,
  TypeModel,
} from './spec-model.js';
import type { TypeOptions, TypeWorld, Typed } from './spec-types.js';
import { genType, needsGuard } from './spec-types.js';
import type { FieldInfo, RecordInfo, Value } from './spec-values.js';
import { Choices, evaluate, makeOpt, witness } from './spec-values.js';

/** What a project is built from: its declarations so far, by file, and what each file sees. */
export class Builder implements TypeWorld {
  readonly enums: TypeWorld['enums'] = [];
  readonly aliases: TypeWorld['aliases'] = [];
  readonly records = new Map<string, RecordInfo>();
  readonly recordOrder: string[] = [];
  /** The errors declared; a `bodyless` one (`no body`) has no fields and no witness. */
  readonly errors: (RecordInfo & { status: ErrorStatus; bodyless?: true })[] = [];
  readonly endpoints: EndpointInfo[] = [];
  readonly decls = new Map<string, DeclModel[]>();
  readonly taken = new Set<string>();
  readonly routes = new Set<string>();
  /** The discriminated unions declared: their names, tag fields and options. */
  readonly taggedUnions: { name: string; field: string; options: RecordInfo[] }[] = [];
  /** The sets of response headers declared (`headers NAME { ... }`). */
  readonly headerSets: HeaderSetInfo[] = [];
  /** The security schemes declared (`auth NAME KIND ...`). */
  readonly auths: AuthInfo[] = [];
  /** The tags declared (`tag NAME`). */
  readonly tags: { name: string; file: string }[] = [];
  /** Every response header's name on the wire, lower case: unique in a project. */
  readonly wires = new Set<string>();
  /** Records chosen to be pages of a paginated listing (see `pageFields`). */
  readonly pageRecords = new Set<RecordInfo>();
  /** Records chosen to hold a page record (declared before them) in a required field. */
  readonly pageHolders = new Map<RecordInfo, RecordInfo>();
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

  add(file: string, decl: DeclModel) {
    if (this.g.chance(4)) decl.doc = `About ${decl.name}; "quoted" and \`code\`.`;
    this.decls.get(file)!.push(decl);
  }

  type(o: TypeOptions): Typed {
    return genType(this, o);
  }

  env(file: string, roots: Term[], scope: Map<string, Value>): ExprEnv {
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

  /** A condition that holds on the witness values in scope (checked, so that a generator bug shows as one). */
  holds(env: ExprEnv, depth: number): Expr {
    const expr = condition(env, true, depth);
    if (evaluate(expr, env.scope) !== true)
      throw new Error('generator bug: a condition is false on its witness');
    return expr;
  }

  /** Whether every name a type model uses is visible from `file`. */
  modelVisible(model: TypeModel, file: string): boolean {
    if (model.kind === 'union') return model.options.every((o) => this.modelVisible(o, file));
    const base = model.base;
    if (base.kind === 'list') return this.modelVisible(base.element, file);
    if (base.kind === 'map') return this.modelVisible(base.value, file);
    if (base.kind === 'primitive' || base.kind === 'const') return true;
    const decls = [...this.enums, ...this.aliases, ...this.records.values()];
    return this.visible(file, decls.find((d) => d.name === base.name)!.file);
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
    // Perhaps an example of the alias (never of a record: none has a witness yet).
    const example = valueAnnotations(this, typed.rt, false).filter((a) => a.name === 'example');
    this.add(file, { kind: 'alias', name, type: annotate(typed.model, example) });
  }

  /**
   * Fields and spreads of a record or error. Spreads name records before `self` (directly or
   * through an alias), so they never cycle; fields naming records not built yet are optional
   * or nullable, or in a list or map, so that every record has finite values.
   */
  members(info: RecordInfo, self: number): RecordMember[] {
    const g = this.g;
    const names = new Set<string>();
    const members: RecordMember[] = [];
    // A tag field is the record's own: a spread record's field of that name is left out.
    if (info.tag) names.add(info.tag.field);
    const earlier = this.recordOrder.slice(0, Math.min(self, this.recordOrder.length));
    const spreadable = [
      ...earlier.map((name) => ({ name, file: this.records.get(name)!.file, record: name })),
      ...this.aliases
        .filter((a) => a.rt.k === 'record' && earlier.includes(a.rt.name))
        .map((a) => ({ name: a.name, file: a.file, record: (a.rt as { name: string }).name })),
    ].filter((s) => this.visible(info.file, s.file));
    for (let i = spreadable.length > 0 ? g.nat(2) : 0; i > 0; i--) {
      const spread = g.pick(spreadable);
      const target = this.records.get(spread.record)!;
      if (target.fields.some((f) => names.has(f.name))) continue;
      target.fields.forEach((f) => names.add(f.name));
      info.fields.push(...target.fields);
      if (target.open) info.open = true; // spreading an open record makes an open record
      members.push({ kind: 'spread', target: spread.name });
    }
    if (!info.open && g.chance(5)) {
      // `...Map<T>`: further fields of any type (they are optional, as a map's entries).
      const typed = this.type({ file: info.file, self, usage: 'value', depth: 1 });
      info.open = true;
      members.push({ kind: 'open', type: typed.model });
    }
    for (let i = g.nat(5); i > 0; i--) {
      const name = freshName(g, g.chance(5) ? pools.keywordField : pools.field, names);
      const typed = this.type({ file: info.file, self, usage: 'field', depth: 0 });
      let optional = g.chance(4);
      let model: TypeModel = typed.model;
      let rt = typed.rt;
      if (needsGuard(rt, this, self) && !optional) {
        if (model.kind === 'ref' && g.bool())
          [model, rt] = [{ ...model, nullable: true }, makeOpt(rt)];
        else optional = true;
      }
      let access: { access?: 'readOnly' | 'writeOnly' } = {};
      if (model.kind === 'ref' && g.chance(6)) {
        // Answered but never sent, or sent but never answered.
        const annotation = g.pick(['readOnly', 'writeOnly'] as const);
        access = { access: annotation };
        model = {
          ...model,
          constraints: [...model.constraints, { name: annotation, value: true }],
        };
      }
      info.fields.push({ name, optional, rt, ...access });
      const doc = g.chance(5) ? { doc: `The ${name}.` } : {};
      members.push({ kind: 'field', name, optional, type: model, ...doc });
    }
    if (info.tag) {
      const { field, value } = info.tag;
      info.fields.push({ name: field, optional: false, rt: { k: 'const', value } });
      const type = refTo({ kind: 'const', value });
      members.push({ kind: 'field', name: field, optional: false, type });
    }
    if (this.pageRecords.has(info)) members.push(...pageFields(this, info, self, names));
    const page = this.pageHolders.get(info);
    if (page && this.visible(info.file, page.file)) {
      const field = freshName(g, words('page listing result'), names);
      info.fields.push({ name: field, optional: false, rt: { k: 'record', name: page.name } });
      info.holdsPage = { field, record: page.name };
      members.push({
        kind: 'field',
        name: field,
        optional: false,
        type: refTo({ kind: 'named', name: page.name }),
      });
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

  /** Invariants true on the record's witness, over its fields and their members. */
  invariants(info: RecordInfo, members: RecordMember[]) {
    const roots = info.fields.flatMap((f) => nameRoot(f.name, f.optional ? makeOpt(f.rt) : f.rt));
    const scope = new Map(Object.entries(info.witness!));
    for (let i = this.g.chance(2) ? this.g.int(1, 2) : 0; i > 0; i--) {
      const expr = this.holds(this.env(info.file, roots, scope), 2);
      members.splice(this.g.nat(members.length), 0, { kind: 'invariant', expr });
    }
  }

  /** Names the records first, so that aliases and fields can refer to any of them. */
  declareRecords(count: number, pickFile: () => string): RecordInfo[] {
    return Array.from({ length: count }, (_, index) => {
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
  }

  fillRecords(infos: RecordInfo[]) {
    const members = infos.map((info) => this.members(info, info.index));
    infos.forEach((info) => this.buildWitness(info));
    infos.forEach((info, i) => annotateFields(this, info, members[i]!));
    infos.forEach((info, i) => {
      this.invariants(info, members[i]!);
      this.add(info.file, { kind: 'record', name: info.name, members: members[i]! });
    });
  }

  error(file: string) {
    const g = this.g;
    const name = freshName(g, pools.error, this.taken);
    // Exact statuses, and (one time in four) a range or `default` (an endpoint's errors keep them apart).
    const status: ErrorStatus = g.chance(4)
      ? g.pick(['4XX', '5XX', 'default'] as const)
      : g.pick([400, 401, 403, 404, 409, 410, 422, 429, 500, 503, 599, g.int(400, 599)]);
    const info = { name, file, index: Infinity, fields: [] as FieldInfo[], status };
    if (g.chance(6)) {
      // `error TooMany 429 with RateLimit no body`: an answer without any body.
      this.errors.push({ ...info, bodyless: true });
      this.add(file, { kind: 'error', name, status, ...withHeaders(this, file), bodyless: true });
      return;
    }
    const members = this.members(info, Infinity);
    this.buildWitness(info);
    annotateFields(this, info, members);
    this.invariants(info, members);
    this.errors.push(info);
    this.add(file, {
      kind: 'error',
      name,
      status,
      ...withHeaders(this, file),
      ...jsonMedia(this, 5),
      ...(members.length > 0 || g.bool() ? { members } : {}),
    });
  }
}

const layout = (g: Choices) => {
  const commas = g.bool();
  const indent = g.pick(['  ', '\t', '    ', ' ']);
  return {
    commas,
    oneLine: commas && g.chance(3),
    comments: g.chance(3),
    crlf: g.chance(5),
    indent,
  };
};

const versions = ['1.0.0', '0.1.0-beta.1', '2.3.4+build.5', '10.20.30'];

/**
 * Declares a project's types and errors, each in a file `pickFile` chooses: enums, records (one
 * perhaps a page of a paginated listing and a later one holding it, some perhaps the options
 * of a discriminated union), aliases, then the records' members, then errors.
 */
export function declareTypes(b: Builder, pickFile: () => string): void {
  const g = b.g;
  for (let i = g.nat(3); i > 0; i--) b.enum(pickFile());
  const records = b.declareRecords(g.int(1, 5), pickFile);
  if (g.chance(2)) taggedUnion(b, records);
  if (g.chance(2)) {
    const page = g.pick(records);
    b.pageRecords.add(page);
    const later = records.filter((r) => r.index > page.index);
    if (later.length > 0 && g.bool()) b.pageHolders.set(g.pick(later), page);
  }
  for (let i = g.nat(3); i > 0; i--) b.alias(pickFile());
  b.fillRecords(records);
  // A set of headers no answer may carry (compiled OpenAPI keeps it by `x-specl-wire-name`).
  if (g.chance(5)) declareHeaders(b, pickFile());
  for (let i = g.nat(3); i > 0; i--) b.error(pickFile());
  if (g.chance(2)) declareAuth(b, pickFile);
  declareTags(b, pickFile);
}

/** Builds a project from a tape of choices: one root, and with `multiFile` 1-2 more files it imports. */
export function buildProject(tape: readonly number[], multiFile: boolean): SpecProject {
  const g = new Choices(tape);
  const root = '/spec/main.specl';
  const others = ['/spec/lib/common.specl', '/spec/shared.specl', '/spec/lib/deep/types.specl'];
  const libs = multiFile ? g.shuffle(others).slice(0, g.int(1, 2)) : [];
  const files = [root, ...libs];
  const imports = new Map<string, string[]>(files.map((f) => [f, []]));
  const addImport = (from: string, to: string) => {
    if (from !== to && !imports.get(from)!.includes(to)) imports.get(from)!.push(to);
  };
  libs.forEach((lib, i) => {
    const importer = i === 0 || g.bool() ? root : libs[0]!;
    addImport(importer, lib);
    const back = g.pick([undefined, root, ...libs]); // cycles are allowed
    if (back && back !== importer) addImport(lib, back);
  });
  const b = new Builder(g, files, imports);
  const pickFile = () => g.pick(files);
  declareTypes(b, pickFile);
  for (let i = g.int(1, 4); i > 0; i--) genEndpoint(b, pickFile());
  for (let i = g.nat(2); i > 0; i--) genProperty(b, pickFile());
  const relative = (from: string, to: string) => {
    const path = posix.relative(posix.dirname(from), to);
    if (g.chance(6)) return `./${posix.basename(posix.dirname(from))}/../${path}`; // not normalised
    return path.startsWith('.') || !g.bool() ? path : `./${path}`;
  };
  // The root's header block (servers, license, contact, security, latency) perhaps.
  const settings = specSettings(b, root);
  const header = (file: string) => ({
    name: file === root ? 'Generated' : 'Lib',
    version: g.pick(versions),
    ...(g.chance(4) ? { doc: 'The API.' } : {}),
    ...(file === root && settings ? { settings } : {}),
  });
  const model = (file: string): SpecFileModel => ({
    ...(file === root || g.chance(3) ? { header: header(file) } : {}),
    imports: imports.get(file)!.map((to) => relative(file, to)),
    declarations: g.shuffle(b.decls.get(file)!),
    layout: layout(g),
  });
  return { root, files: Object.fromEntries(files.map((f) => [f, model(f)])) };
}

const tape = fc.array(fc.nat({ max: 0xffff }), { maxLength: 1500, size: 'max' });

/** Valid single-file specs. */
export const specArbitrary: fc.Arbitrary<SpecProject> = tape.map((t) => buildProject(t, false));

/** Valid projects of a root importing one or two files (which may import it, or each other, back). */
export const multiFileSpecArbitrary: fc.Arbitrary<SpecProject> = tape.map((t) =>
  buildProject(t, true),
);
