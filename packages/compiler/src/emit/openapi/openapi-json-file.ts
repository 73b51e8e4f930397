import type { EmittedFile } from '../emitted-file.js';
import type { OpenApiDocument } from './openapi-document.js';

/** Stands for `components.schemas` in the document's frame (a string no spec writes). */
const SCHEMAS_MARK = '\u0000specl: components.schemas\u0000';
/**
 * How many properties the schemas must hold in all for the text to come in pieces. Each schema
 * printed alone costs a few microseconds more (measured: N = 5,000 peer spec, 40,000
 * properties, 92 -> 125 ms to print and hash), which only a document of tens of megabytes (the
 * growing spread chain: 500,500 properties, 82 MB) wins back by never being copied whole.
 */
const PIECES_FROM = 100_000;

/** A schema printed alone is printed in this frame, at the depth it has in the document. */
const SCHEMA_FRAME_HEAD = '{\n  "components": {\n    "schemas": {\n';
const SCHEMA_FRAME_TAIL = '\n    }\n  }\n}';

/**
 * `openapi.json`: the document as `JSON.stringify(document, null, 2)` prints it, and a final
 * newline. Its text also comes in pieces (see `EmittedFile.pieces`): the document around its
 * schemas, then each schema printed alone at its depth. A writer that goes through the pieces
 * never holds the whole text: tens of megabytes (a chain of spreads is quadratic in its depth)
 * printed at once are one rope V8 must copy whole (flatten) before any byte is written.
 * `content` joins the pieces when first read.
 */
export function openApiJsonFile(
  document: OpenApiDocument,
  { piecesFrom = PIECES_FROM }: { readonly piecesFrom?: number } = {},
): EmittedFile {
  const whole = (): EmittedFile => ({
    path: 'openapi.json',
    content: `${JSON.stringify(document, null, 2)}\n`,
  });
  const schemas = document.components.schemas as Readonly<Record<string, unknown>>;
  const names = Object.keys(schemas);
  if (names.length === 0 || propertyCount(schemas, piecesFrom) < piecesFrom) return whole();
  const framed = { ...document, components: { ...document.components, schemas: SCHEMAS_MARK } };
  const frame = JSON.stringify(framed, null, 2);
  const mark = JSON.stringify(SCHEMAS_MARK);
  const at = frame.indexOf(mark);
  // The mark must stand for the schemas alone (a spec's own text could hold it).
  if (at < 0 || frame.indexOf(mark, at + 1) >= 0) return whole();
  const head = frame.slice(0, at);
  const tail = `${frame.slice(at + mark.length)}\n`;
  function* pieces(): Generator<string> {
    yield head;
    let first = true;
    for (const name of names) {
      const member = schemaMember(name, schemas[name]);
      if (member === undefined) continue;
      yield `${first ? '{\n' : ',\n'}${member}`;
      first = false;
    }
    yield first ? '{}' : '\n    }';
    yield tail;
  }
  let content: string | undefined;
  return {
    path: 'openapi.json',
    get content() {
      return (content ??= [...pieces()].join(''));
    },
    pieces,
  };
}

/** `"name": schema` as printed among the document's schemas; undefined if left out there. */
function schemaMember(name: string, schema: unknown): string | undefined {
  const text = JSON.stringify({ components: { schemas: { [name]: schema } } }, null, 2);
  if (!text.startsWith(SCHEMA_FRAME_HEAD) || !text.endsWith(SCHEMA_FRAME_TAIL)) return undefined;
  return text.slice(SCHEMA_FRAME_HEAD.length, text.length - SCHEMA_FRAME_TAIL.length);
}

/** How many properties the schemas list in all, counted up to `enough`. */
function propertyCount(schemas: Readonly<Record<string, unknown>>, enough: number): number {
  let count = 0;
  for (const schema of Object.values(schemas)) {
    if (count >= enough) break;
    const properties = (schema as { properties?: unknown } | undefined)?.properties;
    if (typeof properties === 'object' && properties !== null) {
      count += Object.keys(properties).length;
    }
  }
  return count;
}
