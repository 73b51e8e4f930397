import type {
  DataCallback,
  Disposable,
  Message,
  MessageReader,
  MessageWriter,
} from 'vscode-languageserver/node.js';
import { ErrorCodes } from 'vscode-languageserver/node.js';

/**
 * The parameter shapes the server relies on, checked before a message reaches a handler: a
 * client (or anything that can write to the server's stdin) may send `text: null`, a position
 * of `"x"`, or no `textDocument` at all, and the handlers (Langium's among them) assume the
 * protocol's types. Each check answers what is wrong, or undefined.
 */
type Check = (value: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const string: Check = (value) => (typeof value === 'string' ? undefined : 'a string');
const integer: Check = (value) => (Number.isSafeInteger(value) ? undefined : 'a whole number');
const position: Check = (value) =>
  isObject(value) &&
  Number.isSafeInteger(value.line) &&
  Number.isSafeInteger(value.character) &&
  (value.line as number) >= 0 &&
  (value.character as number) >= 0
    ? undefined
    : 'a position `{ line, character }` of whole numbers from 0';
const range: Check = (value) =>
  isObject(value) && !position(value.start) && !position(value.end)
    ? undefined
    : 'a range `{ start, end }` of positions';

/** Checks an object's fields: each check gives what the field must be. */
function fields(shape: Record<string, Check>, optional: readonly string[] = []): Check {
  return (value) => {
    if (!isObject(value)) return 'an object';
    for (const [name, check] of Object.entries(shape)) {
      if (value[name] === undefined && optional.includes(name)) continue;
      const wrong = check(value[name]);
      if (wrong !== undefined) return `an object whose \`${name}\` is ${wrong}`;
    }
    return undefined;
  };
}

const textDocumentId = fields({ uri: string });
const contentChange = fields({ text: string, range }, ['range']);

/** Methods whose parameters have more than the common fields checked below. */
const methodParams: Record<string, Check> = {
  'textDocument/didOpen': fields({
    textDocument: fields({ uri: string, languageId: string, version: integer, text: string }),
  }),
  'textDocument/didChange': fields({
    textDocument: fields({ uri: string, version: integer }),
    contentChanges: (value) =>
      Array.isArray(value) && value.every((change) => contentChange(change) === undefined)
        ? undefined
        : 'a list of changes `{ text, range? }`',
  }),
};

/** Fields that, wherever a method's parameters have them, must have the protocol's shape. */
const commonParams: Record<string, Check> = { textDocument: textDocumentId, position, range };

/** What is wrong with a message's parameters, or undefined when they have the expected shape. */
export function malformedParams(method: string, params: unknown): string | undefined {
  if (params === undefined || params === null) {
    return methodParams[method] ? 'its parameters are missing' : undefined;
  }
  if (!isObject(params))
    return Array.isArray(params) ? undefined : 'its parameters are not an object';
  const own = Object.hasOwn(methodParams, method) ? methodParams[method]!(params) : undefined;
  if (own !== undefined) return `its parameters must be ${own}`;
  for (const [name, check] of Object.entries(commonParams)) {
    if (params[name] === undefined) continue;
    const wrong = check(params[name]);
    if (wrong !== undefined) return `its \`${name}\` must be ${wrong}`;
  }
  return undefined;
}

/**
 * Wraps the reader of the server's connection so that a message with malformed parameters
 * never reaches a handler: a request is answered with an `InvalidParams` error naming what is
 * wrong, a notification is dropped with an error in the editor's log. The server keeps serving.
 */
export function guardMalformedMessages(
  reader: MessageReader,
  writer: MessageWriter,
): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    dispose: () => reader.dispose(),
    listen(callback: DataCallback): Disposable {
      return reader.listen((message: Message) => {
        const { method, params, id } = message as {
          method?: unknown;
          params?: unknown;
          id?: unknown;
        };
        const wrong = typeof method === 'string' ? malformedParams(method, params) : undefined;
        if (wrong === undefined) {
          callback(message);
          return;
        }
        const text = `the Specl language server ignored \`${String(method)}\`: ${wrong}`;
        if (typeof id === 'string' || typeof id === 'number') {
          void writer.write({
            jsonrpc: '2.0',
            id,
            error: { code: ErrorCodes.InvalidParams, message: text },
          } as Message);
        } else {
          void writer.write({
            jsonrpc: '2.0',
            method: 'window/logMessage',
            params: { type: 1, message: text },
          } as Message);
        }
      });
    },
  };
}
