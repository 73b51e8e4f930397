import type {
  BuildOptions,
  LangiumDocument,
  LangiumSharedCoreServices,
  WorkspaceFolder,
} from 'langium';
import { DefaultWorkspaceManager } from 'langium';
import { ensureBuiltinDocuments } from '../workspace/builtins.js';

/**
 * Langium's workspace manager with Specl's built-in documents loaded at start-up, and every
 * file of the workspace validated then (not only those opened later), so that the problems
 * of the whole workspace are known from the start, as `specl check` would report them.
 */
export class SpeclWorkspaceManager extends DefaultWorkspaceManager {
  override initialBuildOptions: BuildOptions = { validation: true };

  constructor(private readonly sharedServices: LangiumSharedCoreServices) {
    super(sharedServices);
  }

  protected override async loadAdditionalDocuments(
    _folders: WorkspaceFolder[],
    collector: (document: LangiumDocument) => void,
  ): Promise<void> {
    for (const document of ensureBuiltinDocuments(this.sharedServices)) collector(document);
  }
}
