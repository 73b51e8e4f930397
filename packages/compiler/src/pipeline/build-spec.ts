import { checkSources } from '@specl/language';
import type { ReadSpecFile } from '@specl/language/node';
import { checkSpecFiles } from '@specl/language/node';
import type { SpecBuild } from './spec-build.js';
import { buildFromCheck } from './spec-build.js';

/** A spec held in memory: files by absolute path (`/api/main.specl`) and the root among them. */
export interface SpecSources {
  readonly files: Readonly<Record<string, string>>;
  readonly root: string;
}

/**
 * A spec on disk (or wherever `read` reads from: `specl diff` reads a git commit, the editor
 * its unsaved texts): the root's absolute path; its imports are read the same way.
 */
export interface SpecFiles {
  readonly root: string;
  readonly read?: ReadSpecFile;
}

/**
 * The one entry to the stages before the emitters: reads the root and, once each, every file
 * it imports (one import graph), checks them with Specl's document builder, and stops with
 * the diagnostics when they hold an error, or hands over the IR (see {@link SpecBuild}).
 * Never throws for bad input. A spec read from files is parsed with its CST built on demand
 * (`lazyCst`; `SPECL_LAZY_CST=0` turns it off).
 */
export async function buildSpec(input: SpecFiles | SpecSources): Promise<SpecBuild> {
  if ('files' in input) {
    const known = Object.keys(input.files).some((path) => path === input.root);
    if (!known) {
      const checked = await checkSources({});
      return {
        stage: 'read',
        diagnostics: [],
        checked,
        problem: `cannot read \`${input.root}\``,
      };
    }
    return buildFromCheck(await checkSources({ ...input.files }, [input.root]), input.root);
  }
  // Each declaration's CST is built only where it is read (a diagnostic's place): lowering
  // reads where nodes start without it (see `nodeStart`).
  const checked = await checkSpecFiles([input.root], input.read, { lazyCst: true });
  return buildFromCheck(checked, input.root);
}
