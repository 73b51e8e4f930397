import type { SpecIR } from '@specl/compiler';
import { buildSpec } from '@specl/compiler';
import { printProject } from '../arbitraries/print-spec.js';
import type { SpecProject } from '../arbitraries/spec-model.js';
import { HEADER } from './check.js';

/** Checks files given by absolute path and lowers the root; any error fails the test. */
export async function lowerFiles(files: Record<string, string>, rootPath: string): Promise<SpecIR> {
  const build = await buildSpec({ files, root: rootPath });
  const errors = build.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.map((d) => `${d.range.start.line + 1}: ${d.code}: ${d.message}`);
    throw new Error(`the spec has errors:\n${lines.join('\n')}`);
  }
  if (!build.ir) throw new Error(`${rootPath} did not lower: ${build.problem ?? build.stage}`);
  return build.ir;
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
