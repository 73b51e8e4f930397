import type { LangiumCoreServices, Module } from 'langium';
import { CallChecks } from './call-checks.js';
import { ConstraintChecks } from './constraint-checks.js';
import { DeclarationChecks } from './declaration-checks.js';
import { EndpointChecks } from './endpoint-checks.js';
import { ExpressionChecks } from './expression-checks.js';
import { MetadataChecks } from './metadata-checks.js';
import { PropertyChecks } from './property-checks.js';
import { RecordLiteralChecks } from './record-literal-checks.js';

/**
 * Specl's check classes, as services of the Specl module (`checks.*`): the validation
 * registry calls them through these, so an embedder or a test can replace one with a module
 * of its own (`{ checks: { Endpoints: (services) => new MyEndpointChecks(services) } }`).
 */
export interface SpeclCheckServices {
  readonly checks: {
    readonly Declarations: DeclarationChecks;
    readonly Endpoints: EndpointChecks;
    readonly Constraints: ConstraintChecks;
    readonly Expressions: ExpressionChecks;
    readonly RecordLiterals: RecordLiteralChecks;
    readonly Calls: CallChecks;
    readonly Properties: PropertyChecks;
    readonly Metadata: MetadataChecks;
  };
}

/** Langium's core services with Specl's check classes. */
export type ServicesWithChecks = LangiumCoreServices & SpeclCheckServices;

/** The module that creates Specl's check classes. */
export const SpeclCheckModule: Module<ServicesWithChecks, SpeclCheckServices> = {
  checks: {
    Declarations: (services) => new DeclarationChecks(services),
    Endpoints: (services) => new EndpointChecks(services),
    Constraints: () => new ConstraintChecks(),
    Expressions: () => new ExpressionChecks(),
    RecordLiterals: () => new RecordLiteralChecks(),
    Calls: () => new CallChecks(),
    Properties: () => new PropertyChecks(),
    Metadata: () => new MetadataChecks(),
  },
};
