import { stringify } from 'yaml';
import type { Emitter, EmittedFile } from '../emitted-file.js';
import { generatedNotice } from '../emitted-file.js';
import { buildOpenApiDocument } from './build-openapi-document.js';
import { openApiJsonFile } from './openapi-json-file.js';

/**
 * Emits `openapi.json` (2-space indented JSON and a final newline) and, with `options.yaml`,
 * `openapi.yaml` (the same document, headed by a comment naming the spec and its fingerprint).
 * Both print the object {@link buildOpenApiDocument} builds, so they parse to equal values.
 */
export const emitOpenApi: Emitter = (ir, options) => {
  const document = buildOpenApiDocument(ir);
  const files: EmittedFile[] = [openApiJsonFile(document)];
  if (options.yaml) {
    const yaml = stringify(document, {
      indent: 2,
      lineWidth: 0,
      aliasDuplicateObjects: false,
    });
    files.push({ path: 'openapi.yaml', content: `# ${generatedNotice(ir)}\n${yaml}` });
  }
  return files;
};
