import type { ErrorStatus, ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import { constrainedAlias } from './constrained-alias.js';
import { listConstraints, numberConstraints, stringConstraints } from './type-constraints.js';
import { childPointer, lastKey } from './json-pointer.js';
import { noteSchemaKeywords } from './schema-notes.js';
import {
  enumMembers,
  isNullSchema,
  isNullable,
  isRecordSchema,
  typesOf,
  unionOptions,
} from './schema-shape.js';
import { isTypeName, pascalCase } from './specl-names.js';
import { docLines } from './specl-text.js';
import { carriedHeaders, errorStatus, mediaTypesOf } from './specl-extensions.js';
import {
  constantType,
  formats,
  inferType,
  numberFormats,
  numberTypeName,
  withNullable,
} from './type-text.js';
import { translateRecord } from './record-translator.js';
import { discriminatorOf, disjointOptions } from './union-shape.js';
import {
  annotationEntries,
  annotationSite,
  annotatedType,
  annotationsLeftOut,
  isAnnotationOnly,
  withAnnotations,
} from './annotations.js';

/** The type of any JSON value (null too). */
const ANY_JSON = 'Json';

/** Translates JSON Schemas (OpenAPI's dialect) to Specl type expressions and declarations. */
export class SchemaTranslator {
  /** Declared names by the pointer of the schema they declare. */
  private readonly named = new Map<string, string>();
  private readonly visiting = new Set<string>();
  private readonly errorStatuses = new Map<string, ErrorStatus>();
  /** The pointer of the discriminated union being declared (`A | B by kind`), if any. */
  private discriminating: string | undefined;

  constructor(private readonly context: ImportContext) {}

  /** Names every schema of `components/schemas`, then declares each. */
  declareComponents(): void {
    const schemas = (this.context.document.components as Record<string, unknown> | undefined)
      ?.schemas;
    if (!isObject(schemas)) return;
    const entries = Object.entries(schemas);
    for (const [key] of entries) {
      const pointer = childPointer('#/components/schemas', key);
      this.named.set(pointer, this.context.names.claim(isTypeName(key) ? key : pascalCase(key)));
    }
    for (const [key, schema] of entries) {
      const pointer = childPointer('#/components/schemas', key);
      const name = this.named.get(pointer)!;
      const { notes } = this.context.collecting(() => {
        if (name !== key)
          this.context.warn('renamed', pointer, `schema \`${key}\` is named \`${name}\``);
      });
      this.declare(name, schema, pointer, notes);
    }
  }

  /** The status of the schema at `pointer` when it is declared as an `error`. */
  errorStatusAt(pointer: string): ErrorStatus | undefined {
    return this.errorStatuses.get(pointer);
  }

  /** The declared name of the schema at `pointer`, if it has one. */
  nameAt(pointer: string): string | undefined {
    return this.named.get(pointer);
  }

  /** Declares `schema` (at `pointer`) as `name`: a record, an enum or an alias. */
  private declare(name: string, schema: unknown, pointer: string, before: string[] = []): void {
    this.named.set(pointer, name);
    const value = isObject(schema) ? schema : {};
    const site = annotationSite(value, pointer);
    if (site.schema !== value && isRecordSchema(this.context, value, pointer)) {
      // `type X = Account { example: { .. } }`, as Specl compiles it: `allOf: [{ $ref }, { examples }]`.
      const { result, notes } = this.context.collecting(() =>
        annotatedType(
          this.context,
          this.typeExpr((value.allOf as unknown[])[0], childPointer(pointer, 'allOf', 0), name),
          site,
        ),
      );
      const lines = [
        ...before,
        ...notes,
        ...docLines(value.description),
        `type ${name} = ${result}`,
      ];
      this.context.declarations.push({ kind: 'text', name, lines });
      return;
    }
    if (isRecordSchema(this.context, value, pointer) && value.$ref === undefined) {
      if (!isNullable(value)) {
        this.declareRecord(name, value, pointer, before);
        return;
      }
      // A nullable object: the record under its own name, the schema's name for it or null.
      const recordName = this.context.names.claim(`${name}Value`);
      this.declareRecord(recordName, value, pointer, []);
      this.context.declarations.push({
        kind: 'text',
        name,
        lines: [...before, `type ${name} = ${recordName}?`],
      });
      return;
    }
    const members = value.$ref === undefined ? enumMembers(value) : undefined;
    if (members && typesOf(value).every((t) => t === 'string')) {
      const { notes } = this.context.collecting(() =>
        noteSchemaKeywords(this.context, value, pointer),
      );
      const nullable = isNullable(value);
      const enumName = nullable ? this.context.names.claim(`${name}Value`) : name;
      const lines = [
        ...before,
        ...notes,
        ...docLines(value.description),
        `enum ${enumName} {`,
        ...members.map((m) => `  ${m}`),
        '}',
      ];
      this.context.declarations.push({ kind: 'text', name: enumName, lines });
      if (nullable)
        this.context.declarations.push({
          kind: 'text',
          name,
          lines: [`type ${name} = ${enumName}?`],
        });
      return;
    }
    const by = discriminatorOf(this.context, value, pointer);
    const { result, notes } = this.context.collecting(() => {
      // `type X = Y { example: .. }` is `allOf: [{ $ref: Y }, { examples }]`: the second part's.
      const entries = annotationEntries(this.context, site.schema, site.pointer, {
        field: false,
        optional: false,
      });
      this.discriminating = by === undefined ? undefined : pointer;
      const union = this.typeExpr(value, pointer, name, true);
      this.discriminating = undefined;
      const plain = by === undefined ? union : `${union} by ${by}`;
      const annotated = withAnnotations(plain, entries);
      if (annotated === undefined) annotationsLeftOut(this.context, pointer);
      return annotated ?? plain;
    });
    const lines = [...before, ...notes, ...docLines(value.description), `type ${name} = ${result}`];
    this.context.declarations.push({ kind: 'text', name, lines });
  }

  /** Declares an object schema (at `pointer`) as the record `name`. */
  private declareRecord(
    name: string,
    value: Record<string, unknown>,
    pointer: string,
    before: string[],
  ): void {
    const { result, notes } = this.context.collecting(() =>
      translateRecord(this.context, this, value, pointer, name),
    );
    const status = this.context.restoreSpecl ? errorStatus(value) : undefined;
    if (status !== undefined) this.errorStatuses.set(pointer, status);
    const carried = status === undefined ? '' : carriedHeaders(value) + mediaTypesOf(value);
    this.context.declarations.push({
      kind: 'record',
      name,
      lines: [...before, ...notes, ...docLines(value.description)],
      members: result,
      ...(status !== undefined && { status }),
      ...(carried !== '' && { suffix: carried }),
    });
  }

  /**
   * The Specl type of `schema` (at `pointer`); objects and enums written inline are declared
   * under a name made from `hint`. `declaring` is set for the top of an alias declaration.
   */
  typeExpr(schema: unknown, pointer: string, hint: string, declaring = false): string {
    if (schema === true || (isObject(schema) && Object.keys(schema).length === 0)) {
      return ANY_JSON;
    }
    if (!isObject(schema)) {
      this.context.warn(
        'approximated',
        pointer,
        'a schema that accepts nothing is imported as String',
      );
      return 'String';
    }
    if (typeof schema.$ref === 'string') return this.refType(schema, pointer, hint);
    const constant = constantType(schema);
    if (constant !== undefined) {
      noteSchemaKeywords(this.context, { ...schema, description: undefined }, pointer);
      return withNullable(constant, isNullable(schema));
    }
    if (!declaring) noteSchemaKeywords(this.context, schema, pointer);
    else noteSchemaKeywords(this.context, { ...schema, description: undefined }, pointer);
    const nullable = isNullable(schema);
    const options = unionOptions(schema).filter((option) => !isNullSchema(option));
    if (options.length > 0) return this.union(schema, options, pointer, hint, nullable);
    if (Array.isArray(schema.allOf)) return this.allOf(schema, pointer, hint, nullable);
    if (isRecordSchema(this.context, schema, pointer)) {
      return this.inlineDeclaration(schema, pointer, hint) + (nullable ? '?' : '');
    }
    const types = typesOf(schema);
    if (types.length > 1) {
      const variants = types.map((type) =>
        this.single({ ...schema, type, nullable: undefined }, type, pointer, hint),
      );
      return withNullable(variants.join(' | '), nullable);
    }
    return this.single(schema, types[0] ?? inferType(schema), pointer, hint, nullable);
  }

  private single(
    schema: Record<string, unknown>,
    type: string | undefined,
    pointer: string,
    hint: string,
    nullable = false,
  ): string {
    const q = nullable ? '?' : '';
    switch (type) {
      case 'string':
        return this.stringType(schema, pointer, hint, q);
      case 'integer':
      case 'number':
        if (typeof schema.format === 'string' && !numberFormats.has(schema.format)) {
          this.context.warn(
            'widened',
            childPointer(pointer, 'format'),
            `format \`${schema.format}\` left out: any ${type} is accepted`,
          );
        }
        return (
          numberTypeName(type, schema.format) +
          q +
          numberConstraints(this.context, schema, pointer, type === 'integer', schema.format)
        );
      case 'boolean':
        if (Array.isArray(schema.enum))
          this.context.warn(
            'widened',
            childPointer(pointer, 'enum'),
            'a boolean enum is imported as Bool',
          );
        return `Bool${q}`;
      case 'array': {
        const items = schema.items;
        let element: string;
        if (Array.isArray(items) || Array.isArray(schema.prefixItems)) {
          this.context.warn(
            'approximated',
            pointer,
            'a tuple is imported as a List of its first item type',
          );
          const first = Array.isArray(items) ? items[0] : (schema.prefixItems as unknown[])[0];
          element = this.typeExpr(first ?? {}, childPointer(pointer, 'items', 0), `${hint}Item`);
        } else {
          element = this.typeExpr(items ?? {}, childPointer(pointer, 'items'), `${hint}Item`);
        }
        return `List<${element}>${q}${listConstraints(schema)}`;
      }
      case 'object':
        return this.mapType(schema, pointer, hint) + q;
      default:
        return ANY_JSON;
    }
  }

  private stringType(
    schema: Record<string, unknown>,
    pointer: string,
    hint: string,
    q: string,
  ): string {
    if (schema.enum !== undefined || schema.const !== undefined) {
      const members = enumMembers(schema);
      if (members) {
        const name = this.context.names.claim(pascalCase(hint));
        const lines = [`enum ${name} {`, ...members.map((m) => `  ${m}`), '}'];
        this.context.declarations.push({ kind: 'text', name, lines });
        this.named.set(pointer, name);
        return name + q;
      }
    }
    const format = typeof schema.format === 'string' ? schema.format : undefined;
    const binary =
      format === 'binary' ||
      (typeof schema.contentMediaType === 'string' && schema.contentEncoding === undefined);
    if (binary && this.context.bytes.allowsBytes(pointer)) return `Bytes${q}`;
    let base = 'String';
    if (format !== undefined && formats[format]) base = formats[format]!;
    else if (format !== undefined) {
      this.context.warn(
        'widened',
        childPointer(pointer, 'format'),
        `format \`${format}\` left out: any string is accepted`,
      );
    }
    return base + q + stringConstraints(this.context, schema, pointer);
  }

  private mapType(schema: Record<string, unknown>, pointer: string, hint: string): string {
    const extra = schema.additionalProperties;
    if (isObject(extra) && Object.keys(extra).length > 0) {
      return `Map<${this.typeExpr(extra, childPointer(pointer, 'additionalProperties'), `${hint}Value`)}>`;
    }
    if (extra === false) {
      this.context.warn(
        'widened',
        pointer,
        'an object that holds no properties is imported as Map<String>',
      );
      return 'Map<String>';
    }
    return 'Map<Json>';
  }

  private refType(schema: Record<string, unknown>, pointer: string, hint: string): string {
    const ref = schema.$ref as string;
    const nullable = isNullable(schema);
    const known = this.named.get(ref);
    if (known) return withNullable(known, nullable);
    const { value, pointer: target } = this.context.deref(schema, pointer);
    const again = this.named.get(target);
    if (again) return withNullable(again, nullable);
    if (this.visiting.has(target)) {
      // A recursive schema outside components/schemas: give it a name to refer to.
      const name = this.context.names.claim(pascalCase(hint));
      this.named.set(target, name);
      return withNullable(name, nullable);
    }
    if (isRecordSchema(this.context, value, target) || (isObject(value) && enumMembers(value))) {
      const name = this.context.names.claim(pascalCase(lastKey(target) ?? hint));
      this.declare(name, value, target);
      return withNullable(name, nullable);
    }
    this.visiting.add(target);
    try {
      const type = this.typeExpr(value, target, hint);
      const named = this.named.get(target);
      if (named && !this.context.declarations.some((d) => d.name === named)) {
        this.context.declarations.push({
          kind: 'text',
          name: named,
          lines: [`type ${named} = ${type}`],
        });
        return withNullable(named, nullable);
      }
      return nullable ? withNullable(type, true) : type;
    } finally {
      this.visiting.delete(target);
    }
  }

  private union(
    schema: Record<string, unknown>,
    options: unknown[],
    pointer: string,
    hint: string,
    nullable: boolean,
  ): string {
    const keyword = Array.isArray(schema.oneOf) ? 'oneOf' : 'anyOf';
    const discriminated = this.discriminating === pointer;
    if (schema.discriminator !== undefined && !discriminated) {
      this.context.warn(
        'left-out',
        childPointer(pointer, 'discriminator'),
        'the discriminator is left out; the union of its options is kept',
      );
    }
    if (isObject(schema.properties) || Array.isArray(schema.allOf)) {
      this.context.warn(
        'approximated',
        pointer,
        `properties beside \`${keyword}\` are left out; the union of its options is kept`,
      );
    }
    if (
      keyword === 'oneOf' &&
      options.length > 1 &&
      !discriminated &&
      !disjointOptions(this.context, options, pointer)
    ) {
      this.context.warn(
        'widened',
        childPointer(pointer, 'oneOf'),
        '`oneOf` is imported as a union: a value that matches several options is accepted',
      );
    }
    const variants: string[] = [];
    options.forEach((option, i) => {
      const type = this.typeExpr(
        option,
        childPointer(pointer, keyword, i),
        `${hint}Option${i + 1}`,
      );
      for (const part of type.split(' | ')) if (!variants.includes(part)) variants.push(part);
    });
    return withNullable(variants.join(' | '), nullable);
  }

  private allOf(
    schema: Record<string, unknown>,
    pointer: string,
    hint: string,
    nullable: boolean,
  ): string {
    const parts = schema.allOf as unknown[];
    // Parts that only annotate (`{ readOnly: true }`) allow every value: the first part alone.
    const allowing = parts.filter((part, i) => i === 0 || !isAnnotationOnly(part));
    if (allowing.length === 1 && !isObject(schema.properties)) {
      // What their holder did not write of them is warned of.
      parts.forEach((part, i) => {
        if (i > 0)
          noteSchemaKeywords(
            this.context,
            part as Record<string, unknown>,
            childPointer(pointer, 'allOf', i),
          );
      });
      return withNullable(
        this.typeExpr(parts[0], childPointer(pointer, 'allOf', 0), hint),
        nullable,
      );
    }
    if (isRecordSchema(this.context, schema, pointer)) {
      return withNullable(this.inlineDeclaration(schema, pointer, hint), nullable);
    }
    const narrowed = constrainedAlias(this.context, parts, pointer, (part, at) =>
      this.typeExpr(part, at, hint),
    );
    if (narrowed !== undefined) return withNullable(narrowed, nullable);
    this.context.warn(
      'approximated',
      childPointer(pointer, 'allOf'),
      'an `allOf` of non-objects is imported as its first schema',
    );
    return withNullable(
      this.typeExpr(parts[0] ?? {}, childPointer(pointer, 'allOf', 0), hint),
      nullable,
    );
  }

  /** Declares an inline object schema as a record named from `hint`. */
  private inlineDeclaration(
    schema: Record<string, unknown>,
    pointer: string,
    hint: string,
  ): string {
    const known = this.named.get(pointer);
    if (known) return known;
    const name = this.context.names.claim(pascalCase(hint));
    this.declare(name, { ...schema, nullable: undefined, description: undefined }, pointer);
    return name;
  }
}
