import { fileURLToPath } from 'node:url';
import type { SpecIR } from '@specl/compiler';
import type { SpecDiagnostic } from '@specl/language';
import { Refused } from './workspace.js';
import type { Workspace } from './workspace.js';

/** A diagnostic as clients read it: the file relative to the root, 1-based line and column. */
export interface PlacedDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly severity: SpecDiagnostic['severity'];
  readonly code: string;
  readonly message: string;
}

/** A spec of the workspace, checked (and lowered when it has no errors). */
export interface WorkspaceSpec {
  /** The root spec's real path. */
  readonly path: string;
  readonly diagnostics: readonly PlacedDiagnostic[];
  readonly ir?: SpecIR;
  /** Why there is no IR though no diagnostic says so. */
  readonly problem?: string;
}

/** `file:line:col: severity code: message`, one a line. */
export function diagnosticLines(diagnostics: readonly PlacedDiagnostic[]): string[] {
  return diagnostics.map(
    (d) => `${d.file}:${d.line}:${d.column}: ${d.severity} ${d.code}: ${d.message}`,
  );
}

/**
 * Checks the spec at `requested` (inside the root) with every file it imports, each read
 * through the workspace (only files inside the root, bounded), and lowers it when it holds
 * no error.
 */
export async function loadWorkspaceSpec(
  workspace: Workspace,
  requested: string,
): Promise<WorkspaceSpec> {
  const path = workspace.resolve(requested);
  if (!path.endsWith('.specl'))
    throw new Refused(`\`${requested}\` is not a spec: name a .specl file`);
  // Loaded on first use, so that the server answers `initialize` at once.
  const { buildSpec } = await import('@specl/compiler');
  const build = await buildSpec({ root: path, read: workspace.readSpec });
  if (build.stage === 'read') throw new Refused(`cannot read \`${requested}\``);
  const diagnostics = build.diagnostics.map((d) => ({
    file: workspace.shown(d.uri.startsWith('file:') ? fileURLToPath(d.uri) : d.uri),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
    severity: d.severity,
    code: d.code,
    message: d.message,
  }));
  return {
    path,
    diagnostics,
    ...(build.ir !== undefined && { ir: build.ir }),
    ...(build.problem !== undefined && { problem: build.problem }),
  };
}

/** The IR of a spec, or a refusal that lists its errors (for tools that need a clean spec). */
export async function loadCleanSpec(
  workspace: Workspace,
  requested: string,
): Promise<WorkspaceSpec & { readonly ir: SpecIR }> {
  const spec = await loadWorkspaceSpec(workspace, requested);
  if (spec.ir !== undefined) return { ...spec, ir: spec.ir };
  const errors = diagnosticLines(spec.diagnostics.filter((d) => d.severity === 'error'));
  throw new Refused(
    [
      `\`${requested}\` ${spec.problem ?? 'has errors'}; fix ${errors.length === 1 ? 'it' : 'them'} first (the check tool lists every diagnostic):`,
      ...errors.slice(0, 20),
      ...(errors.length > 20 ? [`… and ${errors.length - 20} more`] : []),
    ].join('\n'),
  );
}
