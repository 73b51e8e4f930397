import type { SpecIR } from '../ir/spec-ir.js';
import type { EmitOptions, EmittedFile, Emitter } from './emitted-file.js';
import { emitOpenApi } from './openapi/emit-openapi.js';
import { emitTypes } from './typescript/emit-types.js';
import { emitProperties } from './properties/emit-properties.js';

/** The outputs `specl compile` can write, by target name, in the order they are written. */
const emitters = {
  openapi: emitOpenApi,
  types: emitTypes,
  properties: emitProperties,
} as const satisfies Record<string, Emitter>;

/** A compile target: `openapi` (openapi.json, openapi.yaml), `types` (types.ts) or `properties` (properties.ts). */
export type CompileTarget = keyof typeof emitters;

/** Every compile target, in output order. */
export const compileTargetNames = Object.keys(emitters) as CompileTarget[];

/** Emits the given targets' files for a spec, in a fixed order. */
export function compileTargets(
  ir: SpecIR,
  targets: readonly CompileTarget[],
  options: EmitOptions,
): EmittedFile[] {
  return compileTargetNames
    .filter((name) => targets.includes(name))
    .flatMap((name) => emitters[name](ir, options));
}
