import type { Range } from 'vscode-languageserver-types';
import type { AstNode, LangiumCoreServices, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils, DocumentState, WorkspaceCache } from 'langium';
import type {
  AliasDecl,
  EnumDecl,
  RecordDecl,
  RecordMember,
  ErrorDecl,
  SpecFile,
  TypeRef,
} from '../generated/ast.js';
import {
  Endpoint,
  Field,
  Spread,
  HeadersDecl,
  Property,
  SpecHeader,
  isAliasDecl,
  isTypeRef,
} from '../generated/ast.js';
import { recordFields, spreadTarget } from '../typing/records.js';
import { strongComponents } from '../typing/strong-components.js';
import type { RecordLike } from '../typing/records.js';
import { BUILTIN_SCHEME } from '../workspace/builtins.js';
import { importPathBetween, importedUris, resolveImportUri } from '../workspace/imports.js';
import { report } from './report.js';
import { rangeOf, replaceWith } from './fixes.js';
import { isSpread } from '../generated/ast.js';

const SEMVER =
  /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** Checks of whole files and of declarations: headers, imports, names, spreads, aliases. */
export class DeclarationChecks {
  /** Every file some other file imports, computed once per build of the workspace. */
  private readonly importedSets: WorkspaceCache<'imported', Set<string>>;

  constructor(private readonly services: LangiumCoreServices) {
    this.importedSets = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
  }

  /** Every file some other file of the workspace imports, computed once per build. */
  private importedAnywhere(): Set<string> {
    return this.importedSets.get('imported', () => {
      const documents = this.services.shared.workspace.LangiumDocuments;
      const imported = new Set<string>();
      for (const other of documents.all) {
        const self = other.uri.toString();
        for (const uri of importedUris(other as LangiumDocument<SpecFile>))
          if (uri !== self) imported.add(uri);
      }
      return imported;
    });
  }

  checkSpecHeader(header: SpecHeader, accept: ValidationAcceptor): void {
    const version = header.version ?? '';
    if (!SEMVER.test(version)) {
      const suggestion = suggestSemver(version);
      report(
        accept,
        'specl/invalid-semver',
        'default',
        { version, suggestion },
        { node: header, property: 'version' },
        replaceWith(
          `Change the version to "${suggestion}"`,
          rangeOf(header, 'version'),
          `"${suggestion}"`,
        ),
      );
    }
  }

  checkImports(file: SpecFile, accept: ValidationAcceptor): void {
    const document = AstUtils.getDocument(file);
    const documents = this.services.shared.workspace.LangiumDocuments;
    const seen = new Set<string>();
    for (const imp of file.imports) {
      const path = imp.path;
      if (path === undefined) continue;
      if (!path.endsWith('.specl')) {
        report(
          accept,
          'specl/unresolved-import',
          'importOnlySpecl',
          { path },
          {
            node: imp,
            property: 'path',
          },
        );
        continue;
      }
      const uri = resolveImportUri(document, path);
      if (uri.toString() === document.uri.toString()) {
        report(
          accept,
          'specl/unresolved-import',
          'fileImportItself',
          {},
          {
            node: imp,
            property: 'path',
          },
        );
      } else if (!documents.hasDocument(uri)) {
        report(
          accept,
          'specl/unresolved-import',
          'findCheckPath',
          { path },
          { node: imp, property: 'path' },
        );
      } else if (seen.has(uri.toString())) {
        report(
          accept,
          'specl/duplicate-import',
          'default',
          { path },
          {
            node: imp,
            property: 'path',
          },
        );
      }
      seen.add(uri.toString());
    }
  }

  /** A root file (one no other file imports) must name its spec. */
  checkSpecPresent(file: SpecFile, accept: ValidationAcceptor): void {
    if (file.header) return;
    const document = AstUtils.getDocument(file);
    if (document.uri.scheme === BUILTIN_SCHEME) return;
    // A header that failed to parse is reported as the syntax error it is.
    if (document.parseResult.parserErrors.length > 0) return;
    if (this.importedAnywhere().has(document.uri.toString())) return;
    const firstNode: AstNode = file.imports[0] ?? file.declarations[0] ?? file;
    const name = toSpecName(document);
    report(accept, 'specl/missing-spec', 'default', { name }, { node: firstNode }, [
      {
        title: `Add \`spec ${name} version "0.1.0"\``,
        edits: [{ range: atStartOf(firstNode), newText: `spec ${name} version "0.1.0"\n\n` }],
      },
    ]);
  }

  checkDuplicateDeclarations(file: SpecFile, accept: ValidationAcceptor): void {
    const document = AstUtils.getDocument(file) as LangiumDocument<SpecFile>;
    const own = new Map<string, unknown>();
    for (const declaration of file.declarations) {
      if (!declaration.name) continue;
      if (own.has(declaration.name)) {
        report(
          accept,
          'specl/duplicate-declaration',
          'alreadyDeclaredFile',
          { declarationName: declaration.name },
          { node: declaration, property: 'name' },
        );
      }
      own.set(declaration.name, declaration);
    }
    const documents = this.services.shared.workspace.LangiumDocuments;
    const importedFrom = new Map<string, string>();
    for (const imp of file.imports) {
      if (!imp.path?.endsWith('.specl')) continue;
      const uri = resolveImportUri(document, imp.path);
      const imported = documents.getDocument(uri) as LangiumDocument<SpecFile> | undefined;
      if (!imported || imported === document) continue;
      for (const declaration of imported.parseResult.value.declarations) {
        const first = importedFrom.get(declaration.name);
        if (first !== undefined && first !== importPathBetween(document.uri, imported.uri)) {
          report(
            accept,
            'specl/duplicate-declaration',
            'declaredBothWhich',
            {
              declarationName: declaration.name,
              first,
              importPathBetween: importPathBetween(document.uri, imported.uri),
            },
            { node: imp, property: 'path' },
          );
        }
        if (first === undefined)
          importedFrom.set(declaration.name, importPathBetween(document.uri, imported.uri));

        const clash = own.get(declaration.name);
        if (clash) {
          report(
            accept,
            'specl/duplicate-declaration',
            'alsoDeclaredImported',
            {
              declarationName: declaration.name,
              importPathBetween: importPathBetween(document.uri, imported.uri),
            },
            { node: clash as SpecFile['declarations'][number], property: 'name' },
          );
        }
      }
    }
  }

  /**
   * Two fields of one name in a record, its own or brought by spreads. One field reached twice
   * through spreads (a diamond: `...B, ...C` where both spread `D`) is the same field, once.
   */
  checkRecordFields(decl: RecordDecl | ErrorDecl, accept: ValidationAcceptor): void {
    if (ownFieldsOnlyAndDistinct(decl.members)) return;
    // The first field of each name, and for one a spread brought, the record spread: no object
    // a field (the validator asks this of every record).
    const seen = new Map<string, Field>();
    let broughtBy: Map<string, RecordLike> | undefined;
    const where = (name: string) => {
      const target = broughtBy?.get(name);
      return target ? `brought by \`...${target.name}\`` : 'declared in this record';
    };
    const clash = (field: Field) => {
      const first = seen.get(field.name);
      return first && first !== field ? first : undefined;
    };
    for (const member of decl.members) {
      // By `$type` (neither type has a subtype), as records.ts sorts members.
      if (member.$type === Field.$type) {
        const first = clash(member);
        if (first) {
          report(
            accept,
            'specl/duplicate-field',
            'fieldAlreadyRename',
            { memberName: member.name, where: where(member.name) },
            { node: member, property: 'name' },
          );
        }
        seen.set(member.name, member);
        broughtBy?.delete(member.name);
      } else if (member.$type === Spread.$type) {
        const target = spreadTarget(member);
        // A recursive spread is reported as such; its fields would only repeat it.
        if (!target || spreadsReach(target, decl)) continue;
        for (const field of recordFields(target)) {
          const first = clash(field);
          if (first) {
            report(
              accept,
              'specl/duplicate-field',
              'spreadingBringsField',
              { targetName: target.name, fieldName: field.name, where: where(field.name) },
              { node: member, property: 'target' },
            );
          } else if (!seen.has(field.name)) {
            seen.set(field.name, field);
            (broughtBy ??= new Map()).set(field.name, target);
          }
        }
      }
    }
  }

  checkSpread(spread: Spread, accept: ValidationAcceptor): void {
    const named = spread.target.ref;
    if (!named) return;
    const target = spreadTarget(spread);
    if (!target) {
      report(
        accept,
        'specl/not-a-record',
        'default',
        {
          namedName: named.name,
          describeDeclaration: describeDeclaration(named),
          arg2: isAliasDecl(named) ? ' of something other than a record' : '',
        },
        { node: spread, property: 'target' },
      );
      return;
    }
    const owner = spread.$container as RecordLike;
    if (spreadsReach(target, owner)) {
      const how = target === owner ? '' : ` through \`${target.name}\``;
      report(
        accept,
        'specl/recursive-spread',
        'default',
        { ownerName: owner.name, how },
        {
          node: spread,
          property: 'target',
        },
      );
    }
  }

  checkEnum(decl: EnumDecl, accept: ValidationAcceptor): void {
    const seen = new Set<string>();
    for (const member of decl.members) {
      if (seen.has(member.name)) {
        report(
          accept,
          'specl/duplicate-enum-member',
          'default',
          { memberName: member.name, declName: decl.name },
          {
            node: member,
            property: 'name',
          },
        );
      }
      seen.add(member.name);
    }
  }

  /**
   * An alias that reaches itself through the aliases it names, anywhere in its body (a union
   * option, a list's element): `type A = A | Int`, `type T = List<T>`. Records may refer to
   * themselves; aliases stand for a type and must end in one.
   */
  checkAlias(decl: AliasDecl, accept: ValidationAcceptor): void {
    if (aliasComponent(decl).cyclic) {
      report(
        accept,
        'specl/recursive-alias',
        'default',
        { declName: decl.name },
        { node: decl, property: 'name' },
      );
    }
  }

  checkTypeRefTarget(ref: TypeRef, accept: ValidationAcceptor): void {
    const target = ref.ref?.ref;
    // By `$type` (none of these types has a subtype): one read for each of a spec's type
    // references, most of which name a type, instead of four questions to the reflection.
    const type: string | undefined = target?.$type;
    if (
      type === Endpoint.$type ||
      type === Property.$type ||
      type === SpecHeader.$type ||
      type === HeadersDecl.$type
    ) {
      const declaration = target as Endpoint | Property | SpecHeader | HeadersDecl;
      report(
        accept,
        'specl/not-a-type',
        'default',
        { targetName: declaration.name, describeDeclaration: describeDeclaration(declaration) },
        {
          node: ref,
          property: 'ref',
        },
      );
    }
  }
}

/** The aliases an alias names anywhere in its body: the edges of the alias graph. */
function* namedAliases(alias: AliasDecl): Iterable<AliasDecl> {
  for (const node of AstUtils.streamAst(alias.type)) {
    const target = isTypeRef(node) ? node.ref?.ref : undefined;
    if (isAliasDecl(target)) yield target;
  }
}

/** The records a record spreads: the edges of the spread graph. */
function* spreadRecords(decl: RecordLike): Iterable<RecordLike> {
  for (const member of decl.members) {
    const target = isSpread(member) ? spreadTarget(member) : undefined;
    if (target) yield target;
  }
}

const aliasComponent = strongComponents(namedAliases);
const spreadComponent = strongComponents(spreadRecords);

/** Whether `from`, which `goal` spreads, spreads `goal` in turn (directly or through others). */
function spreadsReach(from: RecordLike, goal: RecordLike): boolean {
  return from === goal || spreadComponent(from) === spreadComponent(goal);
}

/** "an endpoint", "an enum", ... for messages. */
export function describeDeclaration(node: { $type: string }): string {
  switch (node.$type) {
    case 'Endpoint':
      return 'an endpoint';
    case 'Property':
      return 'a property';
    case 'EnumDecl':
      return 'an enum';
    case 'AliasDecl':
      return 'an alias';
    case 'ErrorDecl':
      return 'an error';
    case 'RecordDecl':
      return 'a record type';
    case 'AuthDecl':
      return 'a security scheme';
    case 'TagDecl':
      return 'a tag';
    case 'HeadersDecl':
      return 'a headers declaration';
    case 'SpecHeader':
      return "the spec's name";
    default:
      return 'not a declaration';
  }
}

function suggestSemver(version: string): string {
  const numbers = version.match(/\d+/g) ?? [];
  const [major = '0', minor = '0', patch = '0'] = numbers.map((n) => String(Number(n)));
  return `${major}.${minor}.${patch}`;
}

function toSpecName(document: LangiumDocument): string {
  const base =
    document.uri.path
      .split('/')
      .pop()
      ?.replace(/\.specl$/, '') ?? 'Api';
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const name = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  return /^[A-Za-z_]/.test(name) ? name : `Api${name}`;
}

/** An empty range where a node's first line begins (the start of the file for the file). */
function atStartOf(node: AstNode): Range {
  const start = node.$cstNode?.range.start ?? { line: 0, character: 0 };
  const position = { line: start.line, character: 0 };
  return { start: position, end: position };
}

/** Beyond this many members, the duplicate-field check's map of names is cheaper than comparing. */
const FEW_MEMBERS = 24;

/**
 * Whether a record spreads nothing and names each of its fields once, found by comparing the
 * names of a few members pairwise: most records, for which the duplicate-field check had made a
 * map of their names (4.4 MB of maps at N = 5,000). False when unsure (many members).
 */
function ownFieldsOnlyAndDistinct(members: readonly RecordMember[]): boolean {
  if (members.length > FEW_MEMBERS) return false;
  for (let i = 0; i < members.length; i++) {
    const member = members[i]!;
    if (member.$type === Spread.$type) return false;
    if (member.$type !== Field.$type) continue;
    const name = (member as Field).name;
    for (let j = 0; j < i; j++) {
      const other = members[j]!;
      if (other.$type === Field.$type && (other as Field).name === name) return false;
    }
  }
  return true;
}
