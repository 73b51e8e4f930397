import { z } from 'zod';

/** A path inside the workspace root, as tools take it. */
const workspacePath = z.string().min(1).max(4096);

/** The spec a tool works on. */
export const specPath = workspacePath.describe(
  'the root .specl file, relative to the workspace root (e.g. `api/vacation.specl`)',
);

/** Any other file of the workspace. */
export const filePath = (what: string) => workspacePath.describe(what);

/** A path under the write folder. */
export const outPath = z
  .string()
  .min(1)
  .max(4096)
  .describe(
    'a path relative to the folder the server was started with (`--write-dir`); leave it out to get the content in the answer',
  );

/** Whether a write may replace a file with other content. */
export const overwrite = z
  .boolean()
  .optional()
  .describe('replace files that exist with other content (default: refuse)');

/** An endpoint's name. */
export const endpointName = z
  .string()
  .min(1)
  .max(200)
  .describe('the endpoint name as the spec declares it (e.g. `getEmployee`)');
