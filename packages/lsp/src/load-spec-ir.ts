import { basename } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import { buildSpec } from '@specl/compiler';

/** A spec's IR, or why there is none, in words for the editor. */
export type LoadedIr = { readonly ir: SpecIR } | { readonly problem: string };

/**
 * Checks a spec as saved on disk (with what it imports) and lowers it, as the CLI's agent
 * commands do: the agent and its verifier work from the files, not from unsaved text.
 */
export async function loadSpecIr(specFile: string): Promise<LoadedIr> {
  const build = await buildSpec({ root: specFile });
  if (build.stage === 'read') return { problem: `cannot read \`${basename(specFile)}\`` };
  if (build.ir !== undefined) return { ir: build.ir };
  const errors = build.diagnostics.filter((d) => d.severity === 'error').length;
  return {
    problem:
      build.problem ??
      `\`${basename(specFile)}\` has ${errors} error${errors === 1 ? '' : 's'} (saved on disk): fix ${errors === 1 ? 'it' : 'them'} first`,
  };
}
