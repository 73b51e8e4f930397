import { basename } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import { lowerChecked } from '@specl/compiler';
import { checkSpecFiles } from '@specl/language/node';
import { URI } from 'langium';

/** A spec's IR, or why there is none, in words for the editor. */
export type LoadedIr = { readonly ir: SpecIR } | { readonly problem: string };

/**
 * Checks a spec as saved on disk (with what it imports) and lowers it, as the CLI's agent
 * commands do: the agent and its verifier work from the files, not from unsaved text.
 */
export async function loadSpecIr(specFile: string): Promise<LoadedIr> {
  const checked = await checkSpecFiles([specFile]);
  if (checked.unreadable.length > 0) return { problem: `cannot read \`${basename(specFile)}\`` };
  const lowered = lowerChecked(checked, URI.file(specFile).path);
  if (lowered.ir !== undefined) return { ir: lowered.ir };
  const errors = lowered.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    problem:
      lowered.loweringError ??
      `\`${basename(specFile)}\` has ${errors} error${errors === 1 ? '' : 's'} (saved on disk): fix ${errors === 1 ? 'it' : 'them'} first`,
  };
}
