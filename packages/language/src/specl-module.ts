import { LazyLexer } from './parser/lazy-lexer.js';
import { SharedTokenBuilder } from './parser/shared-token-builder.js';
import type {
  DeepPartial,
  DefaultSharedCoreModuleContext,
  LangiumCoreServices,
  LangiumSharedCoreServices,
  Module,
  PartialLangiumCoreServices,
  PartialLangiumSharedCoreServices,
} from 'langium';
import { createDefaultCoreModule, createDefaultSharedCoreModule, inject } from 'langium';
import { SpeclGeneratedModule, SpeclGeneratedSharedModule } from './generated/module.js';
import { reflection } from './generated/ast.js';
import { answerSubtypesFromMaps } from './util/subtype-answers.js';
import { createGuardedParser } from './parser/guarded-parser.js';
import { SpeclLinker } from './scoping/specl-linker.js';
import { SpeclScopeProvider } from './scoping/specl-scope-provider.js';
import { SpeclScopeComputation } from './scoping/specl-scope-computation.js';
import type { SpeclTypingServices } from './typing/workspace-memo.js';
import { SpeclTypingModule } from './typing/workspace-memo.js';
import { LazyNodeDescriptionProvider } from './workspace/lazy-node-descriptions.js';
import { SpeclDocumentBuilder } from './workspace/specl-document-builder.js';
import { SpeclDocumentValidator } from './validation/specl-document-validator.js';
import { SpeclValidationRegistry } from './validation/specl-validation-registry.js';
import { registerSpeclChecks } from './validation/specl-validator.js';
import type { SpeclCheckServices } from './validation/specl-check-services.js';
import { SpeclCheckModule } from './validation/specl-check-services.js';

// The reflection the generated `isX` predicates ask (the checks, typing and scoping call them
// for every node they look at).
answerSubtypesFromMaps(reflection);

/** Specl's services: Langium's core services with Specl's scoping, validation and checks. */
export type SpeclServices = LangiumCoreServices & SpeclCheckServices & SpeclTypingServices;

/** The parts of Langium's core services Specl replaces. */
export const SpeclModule: Module<
  SpeclServices,
  PartialLangiumCoreServices & DeepPartial<SpeclServices>
> = {
  ...SpeclCheckModule,
  ...SpeclTypingModule,
  parser: {
    LangiumParser: (services) => createGuardedParser(services),
    Lexer: (services) => new LazyLexer(services),
    TokenBuilder: () => new SharedTokenBuilder(),
  },
  references: {
    Linker: (services) => new SpeclLinker(services),
    ScopeProvider: (services) => new SpeclScopeProvider(services),
    ScopeComputation: (services) => new SpeclScopeComputation(services),
  },
  validation: {
    DocumentValidator: (services) => new SpeclDocumentValidator(services),
    ValidationRegistry: (services) => new SpeclValidationRegistry(services),
  },
};

/**
 * The shared services Specl replaces: the document builder, which loads what documents
 * import. The language server's module replaces it again with a subclass that also waits for
 * the typing to pause; both build through the same import graph.
 */
export const SpeclSharedModule: Module<
  LangiumSharedCoreServices,
  PartialLangiumSharedCoreServices
> = {
  workspace: {
    DocumentBuilder: (shared) => new SpeclDocumentBuilder(shared),
  },
};

/** Options of {@link createSpeclServices}. */
export interface SpeclServiceOptions {
  /**
   * Whether to index every reference (for find-references and rename). A one-shot check has
   * no use for the index, and skips the pass that builds it. Default: true.
   */
  indexReferences?: boolean;
  /**
   * Modules applied last, to replace or add services: a check class of `checks.*`, a
   * provider of Langium's. Tests and embedders use them; the tools use none.
   */
  modules?: readonly Module<SpeclServices, DeepPartial<SpeclServices>>[];
  /**
   * Whether texts without syntax errors are parsed by the fast parse path (see
   * `parser/fast/fast-specl-parser.ts`), which builds what Langium's parser builds. Default:
   * true, unless the environment variable `SPECL_FAST_PARSER` is `0`; false parses every text
   * with Langium's parser (for comparing the two, and as a way around a fault of the fast path).
   */
  fastParser?: boolean;
  /**
   * Whether the fast parse path builds each declaration's CST only when a tool first reads it
   * (`$cstNode`, `$refNode`, a range): less time and memory for a check that reads few of
   * them, more for a tool that reads them all. Default: false; the environment variable
   * `SPECL_LAZY_CST=0` turns it off wherever it is asked for (a way around a fault of it). See
   * `parser/fast/lazy-declaration-cst.ts`.
   *
   * Its nodes keep their default values (`false`, the empty list) on a prototype of their
   * type, not as own properties: they read as Langium's do, but whatever copies own properties
   * (Langium's `AstUtils.copyAstNode` and `JsonSerializer`, a spread, `structuredClone`) leaves
   * them out. Copy such a tree with a parse without this option.
   */
  lazyCst?: boolean;
}

const withoutFastParser: Module<SpeclServices, PartialLangiumCoreServices> = {
  parser: {
    LangiumParser: (services) => createGuardedParser(services, { fast: false }),
  },
};

/** False when the environment variable `name` is `0`. */
function onByEnvironment(name: 'SPECL_FAST_PARSER' | 'SPECL_LAZY_CST'): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process
    ?.env;
  return env?.[name] !== '0';
}

const withLazyCst: Module<SpeclServices, PartialLangiumCoreServices> = {
  parser: {
    LangiumParser: (services) => createGuardedParser(services, { lazyCst: true }),
  },
  workspace: {
    AstNodeDescriptionProvider: (services) => new LazyNodeDescriptionProvider(services),
  },
};

const withoutReferenceIndex: Module<SpeclServices, PartialLangiumCoreServices> = {
  workspace: {
    ReferenceDescriptionProvider: () => ({ createDescriptions: async () => [] }),
  },
};

/**
 * Creates Specl's core services (no language server): what `specl check`, the compiler and
 * tests use. The context gives the file system the checks read files through (see
 * `ReaderFileSystem`).
 *
 * The ASTs these services build are read-only: an empty list property of a node built by the
 * fast parse path is one frozen list shared by all (`EMPTY_LIST`), and adding to it throws.
 * Tools change a spec by editing its text and parsing again, as the language server does.
 */
export function createSpeclServices(
  context: DefaultSharedCoreModuleContext,
  options: SpeclServiceOptions = {},
): {
  shared: LangiumSharedCoreServices;
  Specl: SpeclServices;
} {
  const shared = inject(
    createDefaultSharedCoreModule(context),
    SpeclGeneratedSharedModule,
    SpeclSharedModule,
  );
  const Specl = inject(
    createDefaultCoreModule({ shared }),
    SpeclGeneratedModule,
    SpeclModule,
    options.indexReferences === false ? withoutReferenceIndex : {},
    (options.fastParser ?? onByEnvironment('SPECL_FAST_PARSER'))
      ? options.lazyCst === true && onByEnvironment('SPECL_LAZY_CST')
        ? withLazyCst
        : {}
      : withoutFastParser,
    ...(options.modules ?? []),
  );
  shared.ServiceRegistry.register(Specl);
  registerSpeclChecks(Specl);
  // Created at once: it subscribes to the builder before the first build.
  void Specl.typing.MemoStamp;
  return { shared, Specl };
}
