import type { SpecIR } from '@specl/compiler';
import { lowerSpec } from '@specl/compiler';
import { checkSources } from '@specl/language';
import { printProject } from '../arbitraries/print-spec.js';
import type { SpecProject } from '../arbitraries/spec-model.js';
import { HEADER } from './check.js';

/** Checks files given by absolute path and lowers the root; any error fails the test. */
export async function lowerFiles(files: Record<string, string>, rootPath: string): Promise<SpecIR> {
  const result = await checkSources(files, [rootPath]);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((d) => `${d.range.start.line + 1}: ${d.code}: ${d.message}`);
    throw new Error(`the spec has errors:\n${lines.join('\n')}`);
  }
  const root = result.documents.find((document) => document.uri.path === rootPath);
  if (!root) throw new Error(`no ${rootPath} among the checked documents`);
  return lowerSpec(root, result.documents);
}

/** The IR of an inline root `/main.specl` (given a spec header when it has none) and others. */
export async function lowerSource(
  source: string,
  others: Record<string, string> = {},
): Promise<SpecIR> {
  const main = /^\s*(\/\/\/[^\n]*\n)*\s*spec\s/.test(source) ? source : HEADER + source;
  return lowerFiles({ '/main.specl': main, ...others }, '/main.specl');
}

/** Checks a random project of the spec arbitrary (it must have no errors) and lowers its root. */
export async function lowerProject(project: SpecProject): Promise<SpecIR> {
  return lowerFiles(printProject(project), project.root);
}
