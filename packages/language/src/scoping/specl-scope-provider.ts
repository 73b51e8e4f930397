import type {
  AstNode,
  AstNodeDescription,
  LangiumCoreServices,
  LangiumDocument,
  ReferenceInfo,
  Scope,
  ScopeOptions,
} from 'langium';
import {
  AstUtils,
  DefaultScopeProvider,
  DocumentState,
  EMPTY_SCOPE,
  MapScope,
  WorkspaceCache,
  stream,
} from 'langium';
import type { EnumMember, SpecFile } from '../generated/ast.js';
import {
  Argument,
  EndpointCall,
  FieldInit,
  MemberAccess,
  NameRef,
  PaginatedClause,
  isEnumDecl,
  isQueryParam,
} from '../generated/ast.js';
import { expectedType, withContextGuard } from '../typing/expected-type.js';
import { isRecordLike, recordFields } from '../typing/records.js';
import type { RecordLike } from '../typing/records.js';
import { workspaceMemo } from '../typing/workspace-memo.js';
import type { SpeclType } from '../typing/specl-type.js';
import { stripOptional } from '../typing/specl-type.js';
import { typeOf } from '../typing/type-of.js';
import { outcomeDeclaration } from '../workspace/builtins.js';
import { importedUris } from '../workspace/imports.js';
import { scopeDocumentOf } from '../workspace/shadow-documents.js';
import type { LocalFinder } from './local-names.js';
import { endpointParameters, findLocal, localNames } from './local-names.js';
import {
  RESPONSE_HEADERS_NAME,
  RESPONSE_HEADERS_TYPE,
  responseHeadersEndpoint,
  successHeaders,
} from '../typing/response-header-reads.js';
import { NodeListScope } from './node-list-scope.js';
import { typeDeclarationTypes } from '../util/declaration-types.js';

/** The scope of a record's fields, by record (a node belongs to one workspace, so to one provider). */
const fieldScopes = workspaceMemo<RecordLike, Scope>();

/**
 * Resolves every kind of name in a spec: declarations visible in a file (its own and those
 * of the files it imports), names in expressions (locals, then declarations, then the members
 * of the enum the context expects), fields after `.`, fields of record literals, endpoints
 * and their parameters in calls.
 */
export class SpeclScopeProvider extends DefaultScopeProvider {
  private readonly visibleCache: WorkspaceCache<string, Scope>;

  constructor(private readonly services: LangiumCoreServices) {
    super(services);
    // Cleared as documents are indexed, as the memos are: what a file sees changes with them.
    this.visibleCache = new WorkspaceCache(services.shared, DocumentState.IndexedContent);
    // The last file's scope, forgotten whenever the cache may be cleared (and at every update).
    const builder = services.shared.workspace.DocumentBuilder;
    const forget = () => {
      this.lastVisible = undefined;
    };
    builder.onBuildPhase(DocumentState.IndexedContent, forget);
    builder.onUpdate(forget);
  }

  /** The scope {@link visibleDeclarations} gave last, and for which document: most names in a row are of one file. */
  private lastVisible: { readonly document: LangiumDocument; readonly scope: Scope } | undefined;

  /** As Langium's, with each node described only when a look-up finds it (see NodeListScope). */
  protected override createScopeForNodes(
    elements: Iterable<AstNode>,
    outerScope?: Scope,
    options?: ScopeOptions,
  ): Scope {
    if (options) return super.createScopeForNodes(elements, outerScope, options);
    return new NodeListScope(
      Array.isArray(elements) ? elements : [...elements],
      this.nameProvider,
      this.descriptions,
      outerScope,
    );
  }

  // The language server's linker (lsp/incremental-linker.ts) tells the last case from the others
  // to know what an edit may change: a new case must be listed in its `isDeclarationName`.
  override getScope(context: ReferenceInfo): Scope {
    const container = context.container;
    // By `$type`: none of these types has a subtype, so it is `isNameRef` and the others, read
    // once for each of a spec's references instead of asking the reflection six times.
    switch (container.$type) {
      case NameRef.$type:
        return this.nameScope(container as NameRef);
      case MemberAccess.$type:
        return this.memberScope(container as MemberAccess);
      case FieldInit.$type:
        return this.fieldInitScope(container as FieldInit);
      case Argument.$type:
        return this.argumentScope(container as Argument);
      case EndpointCall.$type:
        return this.endpoints(container);
      case PaginatedClause.$type:
        // The cursor of a `paginated` clause: a query parameter of its endpoint.
        return this.createScopeForNodes(
          (container as PaginatedClause).$container.clauses.filter(isQueryParam),
        );
      default:
        return this.visibleDeclarations(container);
    }
  }

  /**
   * The declarations a file sees: those of the files it imports, then its own (which win).
   * Types shadow endpoints and properties of the same name (a duplicate that is reported), so
   * that a type reference still finds the type.
   */
  visibleDeclarations(node: AstNode): Scope {
    const document = scopeDocumentOf(AstUtils.getDocument(node)) as LangiumDocument<SpecFile>;
    const last = this.lastVisible;
    if (last?.document === document) return last.scope;
    const scope = this.visibleScope(document);
    this.lastVisible = { document, scope };
    return scope;
  }

  /**
   * The scope of {@link visibleDeclarations} of a document, from the cache or made. A method of
   * its own: the closures below capture its variables, so a call allocates their context as it
   * starts, which {@link visibleDeclarations} did for every name it was asked about.
   */
  private visibleScope(document: LangiumDocument<SpecFile>): Scope {
    const key = document.uri.toString();
    return this.visibleCache.get(key, () => {
      const imported = importedUris(document).filter((uri) => uri !== key);
      // Each description put in its scope's map as it comes, in the order of the index (a later
      // one of a name replaces an earlier one, as MapScope's constructor does), without a list
      // of them all and two filtered copies of it.
      const others = new MapScope([]);
      const types = new MapScope([], others);
      const add = (description: AstNodeDescription) =>
        (typeDeclarationTypes.has(description.type) ? types : others).elements.set(
          description.name,
          description,
        );
      for (const description of this.indexManager.allElements(undefined, new Set(imported)))
        add(description);
      for (const description of this.indexManager.allElements(undefined, new Set([key])))
        add(description);
      return types;
    });
  }

  private endpoints(node: AstNode): Scope {
    const key = `${scopeDocumentOf(AstUtils.getDocument(node)).uri.toString()}#endpoints`;
    return this.visibleCache.get(
      key,
      () =>
        new MapScope(
          this.visibleDeclarations(node)
            .getAllElements()
            .filter((d) => d.type === 'Endpoint'),
        ),
    );
  }

  private nameScope(ref: NameRef): Scope {
    return new NameScope(ref, this.visibleDeclarations(ref), this.nameScopeParts);
  }

  /** What every {@link NameScope} asks of this provider, made once. */
  private readonly nameScopeParts: NameScopeParts = {
    describe: (node, name) => this.descriptions.createDescription(node, name),
    locals: {
      // A record's fields are described once, by its field scope.
      field: (record, name) => this.fieldScope(record).getElement(name),
      node: (node, name) => this.descriptions.createDescription(node, name),
    },
  };

  /** The scope of a record's fields (own and spread), made once per record. */
  private fieldScope(record: RecordLike): Scope {
    const known = fieldScopes.get(record);
    if (known) return known;
    const scope = this.createScopeForNodes(recordFields(record));
    fieldScopes.set(record, scope);
    return scope;
  }

  private memberScope(access: MemberAccess): Scope {
    return this.membersOf(stripOptional(typeOf(access.receiver)));
  }

  /** The members that `.name` may name on a value of the given type. */
  membersOf(type: SpeclType): Scope {
    switch (type.kind) {
      case 'record':
        return this.fieldScope(type.decl);
      case 'responseHeaders':
        return this.createScopeForNodes(successHeaders(type.endpoint));
      case 'typeName':
        return isEnumDecl(type.decl) ? this.createScopeForNodes(type.decl.members) : EMPTY_SCOPE;
      case 'outcome': {
        const outcome = outcomeDeclaration(this.services.shared);
        return outcome ? this.createScopeForNodes(recordFields(outcome)) : EMPTY_SCOPE;
      }
      case 'union': {
        const records = type.options.map(stripOptional);
        if (!records.every((option) => option.kind === 'record')) return EMPTY_SCOPE;
        const [first, ...rest] = records.map((option) => recordFields(option.decl));
        const common = (first ?? []).filter((field) =>
          rest.every((fields) => fields.some((f) => f.name === field.name)),
        );
        return this.createScopeForNodes(common);
      }
      default:
        return EMPTY_SCOPE;
    }
  }

  private fieldInitScope(init: FieldInit): Scope {
    const literal = init.$container;
    const expected = stripOptional(expectedType(literal));
    return expected.kind === 'record' && isRecordLike(expected.decl)
      ? this.createScopeForNodes(recordFields(expected.decl))
      : EMPTY_SCOPE;
  }

  private argumentScope(argument: Argument): Scope {
    const call = argument.$container as EndpointCall;
    const endpoint = call.endpoint?.ref;
    return endpoint ? this.createScopeForNodes(endpointParameters(endpoint)) : EMPTY_SCOPE;
  }
}

/** What a {@link NameScope} asks of its scope provider. */
interface NameScopeParts {
  /** The description of `node` under `name`. */
  readonly describe: (node: AstNode, name: string) => AstNodeDescription;
  /** The description of a local: a record's field from the scope `.field` uses, any other node made. */
  readonly locals: LocalFinder<AstNodeDescription>;
}

/**
 * The scope of a bare name: locals, then visible declarations, then (only when neither has
 * the name) the members of the enum the context expects, which costs a type inference; and
 * `headers` in an `ensures`: the success answer's headers, found only when no other meaning of
 * the name is (a parameter, declaration or enum member named `headers` wins). One object a
 * name, its parts methods: the linker makes one for every name of a spec.
 */
class NameScope implements Scope {
  /** `headers` in an `ensures`: undefined until asked, null when the name is not bound here. */
  private headers: AstNodeDescription | null | undefined = undefined;

  constructor(
    private readonly ref: NameRef,
    private readonly globals: Scope,
    private readonly parts: NameScopeParts,
  ) {}

  private allLocals(): AstNodeDescription[] {
    return [...localNames(this.ref)].map(([name, node]) => this.parts.describe(node, name));
  }

  /** A local of `name`. */
  private local(name: string): AstNodeDescription | undefined {
    return findLocal(this.ref, name, this.parts.locals);
  }

  /** The members of the enum the context expects (none when it expects no enum). */
  private expectedMembers(): readonly EnumMember[] {
    const ref = this.ref;
    const expected = stripOptional(withContextGuard(ref, () => expectedType(ref)));
    return expected.kind === 'enum' ? expected.decl.members : [];
  }

  private enumMembers(): AstNodeDescription[] {
    return this.expectedMembers().map((member) => this.parts.describe(member, member.name));
  }

  /** The first member of `name` of the enum the context expects, alone described. */
  private enumMember(name: string): AstNodeDescription | undefined {
    const members = this.expectedMembers();
    for (let i = 0; i < members.length; i++) {
      const member = members[i]!;
      if (member.name === name) return this.parts.describe(member, name);
    }
    return undefined;
  }

  /**
   * `headers` in an `ensures`. Its own type, so that completion offers it as a value, not as the
   * endpoint it links to. Set on the description, not spread from it: a spread reads its
   * segments, which builds the endpoint's CST where that is built on demand (`specl check` built
   * every endpoint's).
   */
  private get responseHeaders(): AstNodeDescription | undefined {
    if (this.headers === undefined) {
      const endpoint = responseHeadersEndpoint(this.ref);
      this.headers = endpoint
        ? Object.assign(this.parts.describe(endpoint, RESPONSE_HEADERS_NAME), {
            type: RESPONSE_HEADERS_TYPE,
          })
        : null;
    }
    return this.headers ?? undefined;
  }

  getElement(name: string): AstNodeDescription | undefined {
    return (
      this.local(name) ??
      this.globals.getElement(name) ??
      this.enumMember(name) ??
      (name === RESPONSE_HEADERS_NAME ? this.responseHeaders : undefined)
    );
  }

  getElements(name: string) {
    const element = this.getElement(name);
    return stream(element ? [element] : []);
  }

  getAllElements() {
    const headers = this.responseHeaders;
    const shadowed = headers && this.getElement(headers.name) !== headers;
    return stream(this.allLocals())
      .concat(this.globals.getAllElements())
      .concat(this.enumMembers())
      .concat(headers && !shadowed ? [headers] : []);
  }
}
