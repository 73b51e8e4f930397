import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Ajv for JSON Schema draft 04 (the SARIF schema's draft); CommonJS, loaded with require. */
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
const Ajv = createRequire(import.meta.url)('ajv-draft-04').default as new (options: object) => {
  compile(schema: object): Validator;
};

let validator: Validator | undefined;

/**
 * Validates a log against the SARIF 2.1.0 schema as published by OASIS (shipped in
 * @microsoft/jest-sarif): whether it is valid, and the schema errors when not.
 */
export function validateSarif(log: unknown): { valid: boolean; errors: string } {
  if (!validator) {
    const require = createRequire(import.meta.url);
    const path = join(
      require.resolve('@microsoft/jest-sarif/package.json'),
      '../lib/schemas/sarif-2.1.0-rtm.5.json',
    );
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    validator = ajv.compile(JSON.parse(readFileSync(path, 'utf8')));
  }
  const valid = validator(log);
  return { valid, errors: JSON.stringify(validator.errors, null, 2) };
}
