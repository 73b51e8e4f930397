import type { LongerAltTable } from './shared-token-builder.js';

/**
 * In the CLI's bundle, the generated grammar's keywords with the names of their longer
 * alternatives ({@link longerAltTable}), computed when the bundle was built: scripts/bundle-cli.mjs
 * gives the bundle another module in this one's place, exporting the table as an array literal.
 * Elsewhere there is none.
 */
export const bundledLongerAlts: LongerAltTable | undefined = undefined;
