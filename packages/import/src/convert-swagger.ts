import swagger2openapi from 'swagger2openapi';
import { ImportError } from './import-error.js';

/** Converts a Swagger 2.0 document (its refs already local) to OpenAPI 3.0, with swagger2openapi. */
export async function convertSwagger(
  swagger: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  try {
    const result = await swagger2openapi.convertObj(structuredClone(swagger), {
      patch: true,
      warnOnly: true,
      resolve: false,
      resolveInternal: false,
    });
    return result.openapi;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    throw new ImportError(`cannot convert this Swagger 2.0 document to OpenAPI 3: ${message}`, '#');
  }
}
