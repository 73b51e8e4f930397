import type { SpeclTypingServices } from '../typing/workspace-memo.js';
import type { DeepPartial, Module } from 'langium';
import { inject } from 'langium';
import type {
  DefaultSharedModuleContext,
  LangiumServices,
  LangiumSharedServices,
  PartialLangiumServices,
  PartialLangiumSharedServices,
} from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { SpeclGeneratedModule, SpeclGeneratedSharedModule } from '../generated/module.js';
import { SpeclModule } from '../specl-module.js';
import { registerSpeclChecks } from '../validation/specl-validator.js';
import { SpeclCompletionProvider } from './completion/specl-completion-provider.js';
import { SpeclHoverProvider } from './hover/specl-hover-provider.js';
import { SpeclDefinitionProvider } from './navigation/specl-definition-provider.js';
import { SpeclRenameProvider } from './navigation/specl-rename-provider.js';
import { SpeclDocumentSymbolProvider } from './symbols/specl-document-symbol-provider.js';
import { SpeclNodeKindProvider } from './symbols/specl-node-kind-provider.js';
import { SpeclFoldingRangeProvider } from './presentation/specl-folding-range-provider.js';
import { SpeclInlayHintProvider } from './presentation/specl-inlay-hint-provider.js';
import { SpeclSemanticTokenProvider } from './presentation/specl-semantic-token-provider.js';
import { SpeclCodeActionProvider } from './actions/specl-code-action-provider.js';
import { SpeclFormatter } from './presentation/specl-formatter.js';
import { DiagnosticsPublisher } from './diagnostics/diagnostics-publisher.js';
import { ExtraDiagnosticSources } from './diagnostics/extra-diagnostic-sources.js';
import { SpeclDocumentUpdateHandler } from './specl-document-update-handler.js';
import { SpeclDocumentFactory } from '../parser/specl-document-factory.js';
import { SpeclConfigurationProvider } from './specl-configuration-provider.js';
import { SpeclSignatureHelpProvider } from './calls/specl-signature-help-provider.js';
import { IncrementalDocumentValidator } from './incremental-document-validator.js';
import { IncrementalLinker } from './incremental-linker.js';
import { SpeclLspDocumentBuilder } from './specl-lsp-document-builder.js';
import { SpeclWorkspaceManager } from './specl-workspace-manager.js';
import type { SpeclCheckServices } from '../validation/specl-check-services.js';
import { LazyNodeDescriptionProvider } from '../workspace/lazy-node-descriptions.js';
import { LazyReferenceDescriptionProvider } from '../workspace/lazy-reference-descriptions.js';

/** Specl's services with the language server's features. */
export type SpeclLspServices = LangiumServices & SpeclCheckServices & SpeclTypingServices;

/**
 * The editor features of Specl: Langium's LSP services with Specl's providers, and the index's
 * descriptions (of names and of references) with their places computed when read: each full
 * check indexes every name and reference of the file, and a request reads a few of them.
 */
export const SpeclLspModule: Module<SpeclLspServices, PartialLangiumServices> = {
  references: {
    Linker: (services) => new IncrementalLinker(services),
  },
  validation: {
    DocumentValidator: (services) => new IncrementalDocumentValidator(services),
  },
  workspace: {
    AstNodeDescriptionProvider: (services) => new LazyNodeDescriptionProvider(services),
    ReferenceDescriptionProvider: (services) => new LazyReferenceDescriptionProvider(services),
  },
  lsp: {
    CompletionProvider: (services) => new SpeclCompletionProvider(services),
    HoverProvider: (services) => new SpeclHoverProvider(services),
    DefinitionProvider: (services) => new SpeclDefinitionProvider(services),
    RenameProvider: (services) => new SpeclRenameProvider(services),
    DocumentSymbolProvider: (services) => new SpeclDocumentSymbolProvider(services),
    SemanticTokenProvider: (services) => new SpeclSemanticTokenProvider(services),
    FoldingRangeProvider: () => new SpeclFoldingRangeProvider(),
    InlayHintProvider: () => new SpeclInlayHintProvider(),
    CodeActionProvider: () => new SpeclCodeActionProvider(),
    Formatter: (services) => new SpeclFormatter(services),
    SignatureHelp: (services) => new SpeclSignatureHelpProvider(services),
  },
};

/** The shared services Specl replaces in a language server: imports and start-up. */
export const SpeclSharedLspModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
  workspace: {
    DocumentBuilder: (shared) => new SpeclLspDocumentBuilder(shared),
    WorkspaceManager: (shared) => new SpeclWorkspaceManager(shared),
    LangiumDocumentFactory: (shared) => new SpeclDocumentFactory(shared),
    ConfigurationProvider: (shared) => new SpeclConfigurationProvider(shared),
  },
  lsp: {
    NodeKindProvider: () => new SpeclNodeKindProvider(),
  },
};

/** Specl's own shared services of a language server, added to Langium's. */
export interface SpeclSharedLspAddedServices {
  readonly specl: {
    /** Diagnostics from outside the checker (breaking changes, the verifier), per source. */
    readonly ExtraDiagnostics: ExtraDiagnosticSources;
    /** The publisher of the server's diagnostics, or undefined without a connection. */
    readonly DiagnosticsPublisher: DiagnosticsPublisher | undefined;
  };
}

/** The shared services of Specl's language server: Langium's and Specl's own. */
export type SpeclSharedLspServices = LangiumSharedServices & SpeclSharedLspAddedServices;

/** Specl's own shared services; a module in `sharedModules` may replace them (tests do). */
export const SpeclSharedLspAddedModule: Module<
  SpeclSharedLspServices,
  SpeclSharedLspAddedServices
> = {
  specl: {
    ExtraDiagnostics: () => new ExtraDiagnosticSources(),
    DiagnosticsPublisher: (shared) => {
      const connection = shared.lsp.Connection;
      return connection ? new DiagnosticsPublisher(shared, connection) : undefined;
    },
  },
};

/**
 * The publisher of a language server's diagnostics (through which other sources, such as
 * the verifier, attach diagnostics of their own), or undefined without a connection: the
 * service `specl.DiagnosticsPublisher`.
 */
export function diagnosticsPublisherOf(
  shared: LangiumSharedServices,
): DiagnosticsPublisher | undefined {
  return (shared as Partial<SpeclSharedLspServices>).specl?.DiagnosticsPublisher;
}

/**
 * A module of shared services the composition root adds or replaces: Langium's, or Specl's
 * own (`specl.ExtraDiagnostics`, `specl.DiagnosticsPublisher`).
 */
export type SpeclSharedServicesModule =
  | Module<LangiumSharedServices, PartialLangiumSharedServices>
  | Module<SpeclSharedLspServices, DeepPartial<SpeclSharedLspAddedServices>>;

/**
 * What the language server's services are created with: Langium's context, and modules of
 * shared services the composition root adds (such as the commands of the agent).
 */
export interface SpeclLspContext extends DefaultSharedModuleContext {
  readonly sharedModule?: Module<LangiumSharedServices, PartialLangiumSharedServices>;
  /** Applied last to the shared services (the composition root adds a command handler). */
  readonly sharedModules?: readonly SpeclSharedServicesModule[];
}

/**
 * Creates Specl's services for a language server: the core services of
 * `createSpeclServices` (the same parser, scoping and checks, so the editor reports exactly
 * what `specl check` reports) plus Langium's LSP services with Specl's providers. `extra`
 * modules are applied last: the composition root (`@specl/lsp`) adds features from other
 * packages through them, such as code lenses.
 */
export function createSpeclLspServices(
  context: SpeclLspContext,
  ...extra: Module<SpeclLspServices, PartialLangiumServices>[]
): { shared: SpeclSharedLspServices; Specl: SpeclLspServices } {
  type SharedModule = Module<LangiumSharedServices, PartialLangiumSharedServices>;
  const shared = inject(
    createDefaultSharedModule(context),
    SpeclGeneratedSharedModule,
    SpeclSharedLspModule,
    SpeclSharedLspAddedModule as unknown as SharedModule,
    {
      lsp: {
        DocumentUpdateHandler: (services) =>
          new SpeclDocumentUpdateHandler(services, () => diagnosticsPublisherOf(services)),
      },
    },
    context.sharedModule ?? {},
    ...((context.sharedModules ?? []) as readonly SharedModule[]),
  ) as SpeclSharedLspServices;
  // Created at once: the publisher takes over the connection's sendDiagnostics.
  void shared.specl.DiagnosticsPublisher;
  const Specl = inject(
    createDefaultModule({ shared }),
    SpeclGeneratedModule,
    SpeclModule as Module<SpeclLspServices, PartialLangiumServices>,
    SpeclLspModule,
    ...extra,
  );
  shared.ServiceRegistry.register(Specl);
  registerSpeclChecks(Specl);
  // Created at once: it subscribes to the builder before the first build.
  void Specl.typing.MemoStamp;
  return { shared, Specl };
}
