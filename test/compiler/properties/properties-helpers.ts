import type { SpecIR } from '@specl/compiler';
import { lowerSpec } from '@specl/compiler';
import { checkSources } from '@specl/language';
import { printProject } from '../../arbitraries/print-spec.js';
import type { SpecProject } from '../../arbitraries/spec-model.js';

/** Checks a random project (it must have no errors) and lowers its root spec. */
export async function lowerProject(project: SpecProject): Promise<SpecIR> {
  const files = printProject(project);
  const result = await checkSources(files, [project.root]);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((d) => d.message).join('\n'));
  const root = result.documents.find((document) => document.uri.path === project.root)!;
  return lowerSpec(root, result.documents);
}
