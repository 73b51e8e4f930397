import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** The bundle of a candidate: where it is, or why it could not be built. */
export type CandidateBundle =
  { readonly ok: true; readonly path: string } | { readonly ok: false; readonly error: string };

/**
 * Bundles the candidate entry module (TypeScript or JavaScript, with the modules it imports
 * by relative path) into one ES module beside it, so that the sandbox runs plain JavaScript
 * and needs no loader that starts processes (tsx starts esbuild's). Packages stay imports,
 * resolved from the stage as the original would; a source map inline keeps the stack traces
 * pointing at the staged files. Building only reads and parses: no model code runs here.
 */
export async function bundleCandidate(entry: string): Promise<CandidateBundle> {
  const path = join(
    dirname(entry),
    `.${basename(entry)}.${randomBytes(4).toString('hex')}.specl-run.mjs`,
  );
  try {
    const { build } = await import('esbuild'); // loaded only when a candidate is bundled
    await build({
      entryPoints: [entry],
      outfile: path,
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      logLevel: 'silent',
      write: true,
    });
    return { ok: true, path };
  } catch (error) {
    const errors = (
      error as {
        errors?: {
          text: string;
          location?: { file: string; line: number; column: number } | null;
        }[];
      }
    ).errors;
    const first = errors?.[0];
    const where = first?.location
      ? `${first.location.file}:${first.location.line}:${first.location.column + 1}: `
      : '';
    return {
      ok: false,
      error: `cannot load the implementation ${entry}: ${where}${first?.text ?? (error as Error).message}`,
    };
  }
}
