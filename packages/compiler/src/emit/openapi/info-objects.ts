import type { ServerIR, SpecIR, TagIR } from '../../ir/spec-ir.js';
import type { InfoObject, ServerObject, TagObject } from './openapi-document.js';

/** An SPDX license expression, as far as a name can tell: `MIT`, `Apache-2.0`, `GPL-3.0-or-later`. */
const SPDX_LIKE = /^[A-Za-z0-9][A-Za-z0-9.+-]*( (AND|OR|WITH) [A-Za-z0-9][A-Za-z0-9.+-]*)*$/;

/**
 * The License Object: with a URL when the spec gives one, otherwise with the name as its SPDX
 * `identifier` when it reads as one (OpenAPI 3.1 takes one or the other).
 */
export function licenseObject(license: NonNullable<SpecIR['license']>): InfoObject['license'] {
  if (license.url !== undefined) return { name: license.name, url: license.url };
  return SPDX_LIKE.test(license.name)
    ? { name: license.name, identifier: license.name }
    : { name: license.name };
}

/** A Server Object: its URL, description and variables (the first value the default). */
export function serverObject(server: ServerIR): ServerObject {
  const variables = Object.fromEntries(
    server.variables.map((v) => [
      v.name,
      {
        default: v.values[0]!,
        ...(v.values.length > 1 && { enum: [...v.values] }),
        ...(v.description !== undefined && { description: v.description }),
      },
    ]),
  );
  return {
    url: server.url,
    ...(server.description !== undefined && { description: server.description }),
    ...(server.variables.length > 0 && { variables }),
  };
}

/**
 * A Tag Object: its display name (or name) and description; a display name other than the
 * name keeps the Specl name in `x-specl-name`, so that import gives the tag back as declared.
 */
export function tagObject(tag: TagIR): TagObject {
  const name = tag.displayName ?? tag.name;
  return {
    name,
    ...(tag.description !== undefined && { description: tag.description }),
    ...(name !== tag.name && { 'x-specl-name': tag.name }),
  };
}
