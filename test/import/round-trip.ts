import { buildOpenApiDocument } from '@specl/compiler';
import type { ImportResult, ImportWarning, WarningKind } from '@specl/import';
import { importOpenApi, loadOpenApi } from '@specl/import';
import { lowerFiles } from '../helpers/lower.js';
import { compareBySampling, toJsonSchema } from './schema-sampling.js';

type Json = Record<string, unknown>;

/** A document imported and compiled back, with every difference the round trip shows. */
export interface RoundTrip {
  readonly result: ImportResult;
  /** Differences no warning explains: each one a sentence. */
  readonly unexplained: string[];
  /** Schema pairs compared by sampling, and those a warning exempted. */
  readonly schemasCompared: number;
  readonly schemasExempt: number;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

/** Imports `file`, compiles the spec to OpenAPI 3.1, and compares it with the source. */
export async function roundTrip(file: string, seed = 1): Promise<RoundTrip> {
  const result = await importOpenApi(file, file);
  const source = (await loadOpenApi(file, file)).document;
  const ir = await lowerFiles({ '/imported.specl': result.text }, '/imported.specl');
  const compiled = buildOpenApiDocument(ir) as unknown as Json;
  const check = new Comparison(source, compiled, result.warnings, seed);
  check.operations();
  return {
    result,
    unexplained: check.unexplained,
    schemasCompared: check.compared,
    schemasExempt: check.exempt,
  };
}

class Comparison {
  readonly unexplained: string[] = [];
  compared = 0;
  exempt = 0;

  constructor(
    private readonly source: Json,
    private readonly compiled: Json,
    private readonly warnings: readonly ImportWarning[],
    private readonly seed: number,
  ) {}

  /** Whether a warning of one of `kinds` stands at `pointer` or inside it. */
  private warned(pointer: string, kinds?: readonly WarningKind[]): boolean {
    return this.warnings.some(
      (w) =>
        (w.pointer === pointer || w.pointer.startsWith(`${pointer}/`)) &&
        (kinds === undefined || kinds.includes(w.kind)),
    );
  }

  private fail(message: string): void {
    this.unexplained.push(message);
  }

  operations(): void {
    const compiledOps = new Map<string, { op: Json; path: string }>();
    for (const [path, item] of Object.entries((this.compiled.paths ?? {}) as Json)) {
      for (const method of methods) {
        const op = (item as Json)[method] as Json | undefined;
        if (op) compiledOps.set(`${method} ${shape(path)}`, { op, path });
      }
    }
    const seen = new Set<string>();
    for (const [path, rawItem] of Object.entries((this.source.paths ?? {}) as Json)) {
      const item = rawItem as Json;
      for (const method of [...methods, 'trace']) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const pointer = ptr('#/paths', path, method);
        const key = `${method} ${shape(path.replace(/(.)\/$/, '$1'))}`;
        const found = compiledOps.get(key);
        if (!found) {
          if (!this.warned(pointer, ['left-out']))
            this.fail(`${key}: missing from the compiled document`);
          continue;
        }
        seen.add(key);
        this.operation(item, op, pointer, found.op);
      }
    }
    for (const key of compiledOps.keys())
      if (!seen.has(key)) this.fail(`${key}: not in the source`);
  }

  /**
   * An operation's security requirements (its own, else the root's) as sorted alternatives,
   * `scheme(scope,...)`; the compiled side's scheme names are the spec's.
   */
  private requirements(op: Json, root: Json): string[] {
    const list = (op.security ?? root.security ?? []) as Json[];
    return list
      .map((r) =>
        Object.entries(r)
          .map(([scheme, scopes]) => `${scheme}(${[...(scopes as string[])].sort().join(',')})`)
          .sort()
          .join('+'),
      )
      .sort();
  }

  /** Security: the same alternatives, unless a warning stands at the requirement or a scheme. */
  private security(op: Json, pointer: string, out: Json): void {
    const source = this.requirements(op, this.source);
    const compiled = this.requirements(out, this.compiled);
    if (JSON.stringify(source) === JSON.stringify(compiled)) return;
    const at = op.security !== undefined ? `${pointer}/security` : '#/security';
    const schemes = source.flatMap((r) => r.split('+').map((s) => s.replace(/\(.*$/, '')));
    if (
      this.warned(at) ||
      schemes.some((scheme) => this.warned(ptr('#/components/securitySchemes', scheme)))
    )
      return;
    this.fail(`${pointer}: security ${source.join(' | ')} became ${compiled.join(' | ')}`);
  }

  private operation(item: Json, op: Json, pointer: string, out: Json): void {
    const id = op.operationId;
    if (
      id !== undefined
        ? id !== out.operationId && !this.warned(`${pointer}/operationId`, ['renamed'])
        : !this.warned(pointer, ['renamed'])
    ) {
      this.fail(`${pointer}: operationId ${String(id)} became ${String(out.operationId)}`);
    }
    this.parameters(item, op, pointer, out);
    this.body(op, pointer, out);
    this.responses(op, pointer, out);
    this.security(op, pointer, out);
  }

  private resolve(value: unknown): { value: Json; pointer?: string } {
    let current = value as Json;
    let pointer: string | undefined;
    for (let i = 0; i < 16 && current && typeof current.$ref === 'string'; i++) {
      pointer = current.$ref;
      current = current.$ref
        .slice(2)
        .split('/')
        .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
        .reduce((n: Json, k) => n?.[k] as Json, this.source);
    }
    return { value: current, pointer };
  }

  private parameters(item: Json, op: Json, pointer: string, out: Json): void {
    const merged = new Map<string, { param: Json; at: string }>();
    const add = (list: unknown, at: string) =>
      ((list as unknown[]) ?? []).forEach((raw, i) => {
        const { value, pointer: resolved } = this.resolve(raw);
        merged.set(`${String(value.in)} ${String(value.name)}`, {
          param: value,
          at: resolved ?? `${at}/parameters/${i}`,
        });
      });
    add(item.parameters, pointer.slice(0, pointer.lastIndexOf('/')));
    add(op.parameters, pointer);
    const compiledParams = (out.parameters ?? []) as Json[];
    const matched = new Set<Json>();
    for (const { param, at } of merged.values()) {
      const match = compiledParams.find((p) => p.in === param.in && p.name === param.name);
      if (!match) {
        const renamedPath = param.in === 'path' && this.warned(pointer, ['renamed']);
        if (!renamedPath && !this.warned(at, ['left-out']))
          this.fail(`${at}: parameter ${String(param.name)} missing`);
        continue;
      }
      matched.add(match);
      if ((param.required === true || param.in === 'path') !== (match.required === true))
        this.fail(`${at}: required differs`);
      this.schemas(param.schema ?? { type: 'string' }, `${at}/schema`, match.schema);
    }
    for (const p of compiledParams) {
      if (!matched.has(p) && !(p.in === 'path' && this.warned(pointer, ['renamed'])))
        this.fail(`${pointer}: parameter ${String(p.name)} appeared`);
    }
  }

  private body(op: Json, pointer: string, out: Json): void {
    const { value: body, pointer: bodyAt } = op.requestBody
      ? this.resolve(op.requestBody)
      : { value: undefined, pointer: undefined };
    const at = bodyAt ?? `${pointer}/requestBody`;
    const compiledBody = out.requestBody as Json | undefined;
    if (!body) {
      if (compiledBody) this.fail(`${pointer}: a body appeared`);
      return;
    }
    if (!compiledBody) {
      if (!this.warned(`${at}/content`, ['left-out'])) this.fail(`${at}: body missing`);
      return;
    }
    if (body.required !== true && !this.warned(at, ['narrowed']))
      this.fail(`${at}: optional body not warned`);
    this.content(body.content as Json, `${at}/content`, compiledBody.content as Json);
  }

  private content(source: Json | undefined, at: string, compiled: Json | undefined): void {
    const sourceTypes = Object.keys(source ?? {});
    const compiledTypes = Object.keys(compiled ?? {});
    for (const type of sourceTypes) {
      const where = ptr(at, type);
      if (compiledTypes.includes(type)) {
        // Raw bytes have no schema: any bytes, as the source's binary string says.
        if ((compiled![type] as Json).schema === undefined) continue;
        this.schemas(
          ((source![type] as Json).schema ?? {}) as Json,
          `${where}/schema`,
          (compiled![type] as Json).schema,
        );
      } else if (!this.warned(where)) {
        this.fail(`${where}: media type left out without a warning`);
      } else if (
        this.warned(where, ['approximated']) &&
        compiledTypes.includes('application/json')
      ) {
        this.exempt++;
      }
    }
    for (const type of compiledTypes) {
      if (
        !sourceTypes.includes(type) &&
        !sourceTypes.some((t) => this.warned(ptr(at, t), ['approximated']))
      )
        this.fail(`${at}: media type ${type} appeared`);
    }
  }

  private responses(op: Json, pointer: string, out: Json): void {
    const source = (op.responses ?? {}) as Json;
    const compiled = (out.responses ?? {}) as Json;
    const at = `${pointer}/responses`;
    for (const [status, raw] of Object.entries(source)) {
      const where = ptr(at, status);
      if (!(status in compiled)) {
        if (
          !this.warned(where, ['left-out']) &&
          !(status === 'default' && this.warned(at, ['approximated']))
        )
          this.fail(`${where}: status missing`);
        continue;
      }
      const { value, pointer: resolved } = this.resolve(raw);
      const response = compiled[status] as Json;
      const content = (response.content ?? undefined) as Json | undefined;
      const base = resolved ?? where;
      if (!value.content && content) {
        if (!this.warned(base, ['approximated']) && !this.warned(where, ['approximated']))
          this.fail(`${where}: a body appeared`);
        continue;
      }
      this.content(value.content as Json | undefined, `${base}/content`, content);
    }
    // Specl answers 401 without a body on every endpoint that needs credentials.
    const protectedOp = this.requirements(out, this.compiled).length > 0;
    for (const status of Object.keys(compiled)) {
      const added401 = status === '401' && protectedOp && !(compiled[status] as Json).content;
      if (!(status in source) && !added401 && !this.warned(at, ['approximated']))
        this.fail(`${at}: status ${status} appeared`);
    }
  }

  /** Compares two schemas by sampling, in the directions no warning on them exempts. */
  private schemas(sourceSchema: unknown, at: string, compiledSchema: unknown): void {
    const reach = this.reachable(sourceSchema, at);
    const exempt = (kinds: WarningKind[]) => reach.some((p) => this.warned(p, kinds));
    const bothWays = exempt(['approximated', 'renamed']);
    if (bothWays) {
      this.exempt++;
      return;
    }
    this.compared++;
    const sampled = compareBySampling(
      { schema: toJsonSchema(sourceSchema), components: toJsonSchema(this.source.components) },
      { schema: compiledSchema, components: this.compiled.components },
      this.seed,
    );
    if (sampled.sourceNotInImported.length > 0 && !exempt(['narrowed'])) {
      this.fail(
        `${at}: the spec rejects ${JSON.stringify(sampled.sourceNotInImported[0])}, which the source accepts`,
      );
    }
    if (sampled.importedNotInSource.length > 0 && !exempt(['widened'])) {
      this.fail(
        `${at}: the spec accepts ${JSON.stringify(sampled.importedNotInSource[0])}, which the source rejects`,
      );
    }
  }

  /** The pointers a schema covers: its own place and every schema it refers to. */
  private reachable(schema: unknown, at: string): string[] {
    const found = new Set<string>([at]);
    const stack = [schema];
    while (stack.length > 0) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        const ref = (node as Json).$ref;
        if (typeof ref === 'string' && !found.has(ref)) {
          found.add(ref);
          stack.push(this.resolve({ $ref: ref }).value);
        }
        stack.push(...Object.values(node));
      }
    }
    return [...found];
  }
}

function ptr(base: string, ...keys: string[]): string {
  return base + keys.map((k) => `/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function shape(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}');
}
