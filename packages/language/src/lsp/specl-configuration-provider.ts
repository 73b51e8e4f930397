import type { ConfigurationInitializedParams, LangiumSharedCoreServices } from 'langium';
import { DefaultConfigurationProvider } from 'langium';
import type { InitializeParams } from 'vscode-languageserver';

/**
 * Langium's configuration provider, which registers for configuration changes only with
 * editors that accept dynamic registration of them (Langium asks every editor, and eglot, for
 * one, logs a warning for it).
 */
export class SpeclConfigurationProvider extends DefaultConfigurationProvider {
  private canRegister = false;

  constructor(services: LangiumSharedCoreServices) {
    super(services);
  }

  override initialize(params: InitializeParams): void {
    this.canRegister =
      params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration === true;
    super.initialize(params);
  }

  override initialized(params: ConfigurationInitializedParams): Promise<void> {
    return super.initialized(this.canRegister ? params : { ...params, register: undefined });
  }
}
