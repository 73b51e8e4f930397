import type { SpecIR } from '../../ir/spec-ir.js';
import type { Emitter } from '../emitted-file.js';
import { generatedNotice } from '../emitted-file.js';
import { endpointDeclarations, handlersInterface } from './endpoint-declarations.js';
import { printTypesModule } from './print-types-module.js';
import { RuntimeImports } from './runtime-imports.js';
import { typeScriptNames } from './ts-names.js';
import { tsString } from './ts-syntax.js';
import { typeDeclarations } from './type-declarations.js';
import type { TypesModuleModel } from './types-module.js';
import { validatorDeclarations } from './validator-declarations.js';

/** The name of the file {@link emitTypes} writes. */
export const TYPES_FILE = 'types.ts';

/**
 * The model of a spec's `types.ts`: the spec's identity, its types, per endpoint a request and
 * a result type, the `Handlers` interface, and the validators. Everything comes in the IR's
 * (sorted) order, so that the same spec always gives the same file.
 */
export function typesModule(ir: SpecIR): TypesModuleModel {
  const names = typeScriptNames(ir);
  const imports = new RuntimeImports();
  const types = new Map(ir.types.map((decl) => [decl.name, decl]));
  const sections = [
    {
      title: 'Spec',
      declarations: [
        {
          kind: 'const' as const,
          name: names.spec,
          doc: [
            'The spec these types were generated from; its fingerprint names the exact version.',
          ],
          value: [
            '{',
            `  name: ${tsString(ir.name)},`,
            `  version: ${tsString(ir.version)},`,
            `  fingerprint: ${tsString(ir.fingerprint)},`,
            '} as const',
          ],
        },
      ],
    },
    { title: 'Types', declarations: typeDeclarations(ir, names) },
    { title: 'Endpoints', declarations: endpointDeclarations(ir, names, imports) },
    { title: 'Handlers', declarations: [handlersInterface(ir, names)] },
    { title: 'Validators', declarations: validatorDeclarations(ir, { names, imports, types }) },
  ];
  return {
    header: [`// ${generatedNotice(ir)}`, '/* eslint-disable */'],
    imports: imports.declarations(),
    sections,
  };
}

/**
 * Emits `types.ts`: TypeScript types for every named type, a `Handlers` interface with one
 * method per endpoint (a request in, a status-discriminated result out), and runtime validators
 * that import only `@specl/runtime`. Pure and deterministic.
 */
export const emitTypes: Emitter = (ir) => [
  { path: TYPES_FILE, content: printTypesModule(typesModule(ir)) },
];
