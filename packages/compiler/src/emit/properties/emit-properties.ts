import type { SpecIR } from '../../ir/spec-ir.js';
import type { Emitter } from '../emitted-file.js';
import { generatedNotice } from '../emitted-file.js';
import { tsString } from '../typescript/ts-syntax.js';
import { arbitrariesSection } from './arbitraries-section.js';
import { endpointsSection } from './endpoint-contracts.js';
import { propertiesContext } from './properties-context.js';
import { propertiesSection } from './property-contracts.js';

/** The name of the file {@link emitProperties} writes. */
export const PROPERTIES_FILE = 'properties.ts';

/**
 * The text of `properties.ts`: fast-check arbitraries for every type, every endpoint's
 * contract (the implicit properties: declared statuses, typed bodies, `ensures`), and the
 * written properties, for `specl verify` or a test runner to run against an in-process
 * `Handlers` object or a server. It imports `./types.js`, `@specl/runtime` and `fast-check`.
 */
export function propertiesModule(ir: SpecIR): string {
  const context = propertiesContext(ir);
  // The arbitraries are written last (and placed first): they write only the request
  // builders that the endpoints and properties use.
  const endpoints = endpointsSection(context);
  const properties = propertiesSection(context);
  const sections = [arbitrariesSection(context), endpoints, properties];
  return [
    `// ${generatedNotice(ir)}`,
    "import fc from 'fast-check';",
    ...context.imports.declarations(),
    ...context.fromTypes.declarations(),
    '',
    '/** The spec these properties were compiled from; its fingerprint names the exact version. */',
    'export const spec = {',
    `  name: ${tsString(ir.name)},`,
    `  version: ${tsString(ir.version)},`,
    `  fingerprint: ${tsString(ir.fingerprint)},`,
    '} as const;',
    ...sections.flatMap((lines) => ['', ...lines]),
    '',
  ].join('\n');
}

/** The `properties` compile target: `properties.ts`. */
export const emitProperties: Emitter = (ir) => [
  { path: PROPERTIES_FILE, content: propertiesModule(ir) },
];
