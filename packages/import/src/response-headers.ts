import type { ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { childPointer } from './json-pointer.js';
import type { SchemaTranslator } from './schema-translator.js';
import { camelCase, isTypeName, pascalCase } from './specl-names.js';
import { docLines, stringLiteral } from './specl-text.js';

/** Headers HTTP sets from the body, which OpenAPI says to ignore as response headers. */
const FROM_THE_BODY = new Set(['content-type', 'content-length']);

/** The key under which Specl's own OpenAPI keeps a header: `RateLimit.remaining`. */
const SPECL_HEADER_KEY = /^([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/;

/** Where Specl's own OpenAPI keeps a header: `#/components/headers/RateLimit.remaining`. */
const SPECL_HEADER_REF = /^#\/components\/headers\/([A-Za-z_]\w*)\.([A-Za-z_]\w*)$/;

/** One header as import writes it, before its declaration has a name. */
interface HeaderText {
  readonly wire: string;
  /** The Specl name Specl's own OpenAPI gave it, with its declaration's. */
  readonly own?: { readonly decl: string; readonly name: string };
  readonly required: boolean;
  readonly type: string;
  readonly doc: string[];
}

/** The words of a wire name, without a leading `X`: `X-RateLimit-Limit` → `RateLimit`, `Limit`. */
function wireWords(wire: string): string[] {
  const words = wire.split(/[-_.]+/).filter((w) => w !== '');
  return words.length > 1 && /^x$/i.test(words[0]!) ? words.slice(1) : words;
}

/** The words every wire name starts with (compared in any case), as the first one writes them. */
function commonWords(wires: readonly string[]): string[] {
  const all = wires.map(wireWords);
  const common: string[] = [];
  for (let i = 0; all.every((w) => w.length > i + 1); i++) {
    const word = all[0]![i]!;
    if (!all.every((w) => w[i]!.toLowerCase() === word.toLowerCase())) break;
    common.push(word);
  }
  return common;
}

/**
 * The `headers` declarations of an imported document: one per distinct set of response
 * headers (the same headers, names, types and docs), shared by every answer that carries it,
 * named after what its headers' names share (`X-RateLimit-*` → `RateLimit`). A document Specl
 * wrote gets its own declarations back, by the keys of `components/headers` (used or not).
 */
export class HeadersCatalog {
  private readonly byKey = new Map<string, string>();
  /** Each header translated, by wire name and where it is defined: warned about once. */
  private readonly translated = new Map<string, HeaderText | undefined>();

  constructor(
    private readonly context: ImportContext,
    private readonly types: SchemaTranslator,
  ) {}

  /**
   * Declares, in a document Specl compiled, each of its own `headers` declarations, in the
   * order of `components/headers` (`Set.field`, with `x-specl-wire-name`): so that a set keeps
   * its name (`headers Limits { limit "X-RateLimit-Limit": Int }` is not named after its
   * header) and a set no answer carries is not lost. Answers then find them by their key.
   */
  declareComponents(): void {
    const components = this.context.document.components;
    const headers = isObject(components) ? components.headers : undefined;
    if (!this.context.restoreSpecl || !isObject(headers)) return;
    const sets = new Map<string, HeaderText[]>();
    for (const [key, raw] of Object.entries(headers)) {
      const decl = SPECL_HEADER_KEY.exec(key)?.[1];
      const wire = isObject(raw) ? raw['x-specl-wire-name'] : undefined;
      if (decl === undefined || typeof wire !== 'string') continue;
      const at = childPointer('#/components/headers', key);
      const text = this.header(wire, { $ref: at }, at, decl);
      if (text) sets.set(decl, [...(sets.get(decl) ?? []), text]);
    }
    for (const [decl, texts] of sets) this.declaration(decl, texts, decl);
  }

  /**
   * ` with A, B` for a response's `headers` object (at `pointer`), declaring what is new; `''`
   * when it has none that Specl can hold. `hint` names a set whose headers share nothing.
   */
  withClause(headers: unknown, pointer: string, hint: string): string {
    if (!isObject(headers)) return '';
    const texts: HeaderText[] = [];
    for (const [wire, raw] of Object.entries(headers)) {
      const text = this.header(wire, raw, childPointer(pointer, wire), hint);
      if (text) texts.push(text);
    }
    if (texts.length === 0) return '';
    const groups = new Map<string, HeaderText[]>();
    const own = this.context.restoreSpecl && texts.every((t) => t.own !== undefined);
    for (const text of texts) {
      const group = own ? text.own!.decl : '';
      groups.set(group, [...(groups.get(group) ?? []), text]);
    }
    const names = [...groups].map(([decl, group]) => this.declaration(decl, group, hint));
    return ` with ${names.join(', ')}`;
  }

  /** One header (translated once where it is defined), or undefined for one Specl cannot hold. */
  private header(wire: string, raw: unknown, at: string, hint: string): HeaderText | undefined {
    const { pointer } = this.context.deref(raw, at);
    const key = `${wire}\u0000${pointer}`;
    if (this.translated.has(key)) return this.translated.get(key);
    const text = this.translate(wire, raw, at, hint);
    this.translated.set(key, text);
    return text;
  }

  private translate(wire: string, raw: unknown, at: string, hint: string): HeaderText | undefined {
    const ref = isObject(raw) && typeof raw.$ref === 'string' ? raw.$ref : undefined;
    const { value, pointer } = this.context.deref(raw, at);
    if (!isObject(value)) return undefined;
    if (FROM_THE_BODY.has(wire.toLowerCase())) {
      this.context.warn(
        'left-out',
        at,
        `the response header ${wire} is left out: HTTP sets it from the body (OpenAPI ignores it)`,
      );
      return undefined;
    }
    if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(wire) || stringLiteral(wire) === undefined) {
      this.context.warn(
        'left-out',
        at,
        `the response header \`${wire}\` is left out: not a header name`,
      );
      return undefined;
    }
    const schema = value.schema;
    const shape = isObject(schema)
      ? this.context.deref(schema, childPointer(pointer, 'schema')).value
      : undefined;
    const kind = isObject(shape) ? shape.type : undefined;
    if (
      !isObject(schema) ||
      kind === 'object' ||
      kind === 'array' ||
      (isObject(shape) && (shape.properties !== undefined || shape.items !== undefined))
    ) {
      this.context.warn(
        'left-out',
        at,
        `the response header ${wire} is left out: Specl headers hold a string, number, boolean or enum`,
      );
      return undefined;
    }
    const type = this.types.typeExpr(
      schema,
      childPointer(pointer, 'schema'),
      `${hint}${pascalCase(wire)}`,
    );
    const match = ref === undefined ? null : SPECL_HEADER_REF.exec(ref);
    return {
      wire,
      ...(match && { own: { decl: match[1]!, name: match[2]! } }),
      required: value.required === true,
      type,
      doc: docLines(value.description),
    };
  }

  /** The doc comment Specl kept of its own declaration `name` (`x-specl-header-descriptions`). */
  private ownDescription(name: string): unknown {
    const components = this.context.document.components;
    const descriptions = isObject(components)
      ? components['x-specl-header-descriptions']
      : undefined;
    return isObject(descriptions) ? descriptions[name] : undefined;
  }

  /** The name of the declaration of a set of headers, declared on first use. */
  private declaration(own: string, texts: readonly HeaderText[], hint: string): string {
    const common = texts.length > 1 ? commonWords(texts.map((t) => t.wire)) : [];
    const names = new Set<string>();
    const members = texts.map((text) => {
      let name =
        text.own?.name ??
        camelCase(wireWords(text.wire).slice(common.length).join('-') || text.wire);
      for (let n = 2; names.has(name); n++) name = `${name}${n}`;
      names.add(name);
      const wire = name === text.wire ? '' : ` ${stringLiteral(text.wire)}`;
      return [...text.doc, `${name}${wire}${text.required ? '' : '?'}: ${text.type}`];
    });
    const key = JSON.stringify([own, members]);
    const known = this.byKey.get(key);
    if (known) return known;
    const wanted =
      own !== '' && isTypeName(own)
        ? own
        : common.length > 0
          ? pascalCase(common.join('-'))
          : texts.length === 1
            ? pascalCase(wireWords(texts[0]!.wire).join('-'))
            : `${pascalCase(hint)}Headers`;
    const name = this.context.names.claim(wanted);
    this.byKey.set(key, name);
    // Not a type: written with the security schemes and tags, before the types.
    this.context.declarations.push({
      kind: 'other',
      name,
      lines: [
        ...docLines(own === '' ? undefined : this.ownDescription(own)),
        `headers ${name} {`,
        ...members.flat().map((line) => `  ${line}`),
        '}',
      ],
    });
    return name;
  }
}
