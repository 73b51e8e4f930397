import { join } from 'node:path';
import type { SpecIR } from '@specl/compiler';
import { buildSpec } from '@specl/compiler';
import type { VerifyOptions, VerifyReport } from '@specl/verify';
import { implementationSource, verify } from '@specl/verify';
import { repoRoot } from '../helpers/run-cli.js';

/** An example under examples/<name>/, laid out as examples/vacation is. */
export interface Example {
  readonly name: string;
  /** The root spec, relative to the repository. */
  readonly spec: string;
  /** The in-process implementation, relative to the repository. */
  readonly impl: string;
}

/** The example in examples/<name>, whose root spec is <name>.specl. */
export function example(name: string): Example {
  const folder = `examples/${name}`;
  return {
    name,
    spec: `${folder}/${name}.specl`,
    impl: `${folder}/impl/handlers.ts`,
  };
}

const irs = new Map<string, SpecIR>();

/** The IR of an example's spec, checked with no diagnostics at all (warnings included). */
export async function exampleIr(spec: string): Promise<SpecIR> {
  const cached = irs.get(spec);
  if (cached) return cached;
  const path = join(repoRoot, spec);
  const build = await buildSpec({ root: path });
  if (build.diagnostics.length > 0 || !build.ir)
    throw new Error(`${spec} has diagnostics: ${JSON.stringify(build.diagnostics)}`);
  const ir = build.ir;
  irs.set(spec, ir);
  return ir;
}

/** Verifies an example's spec against an implementation module, 30 runs per check. */
export async function verifyExample(
  spec: string,
  module: string,
  options: Partial<VerifyOptions> = {},
): Promise<VerifyReport> {
  const source = await implementationSource(join(repoRoot, module));
  return verify({ ir: await exampleIr(spec), source, runs: 30, ...options });
}
