import { isObject } from './import-context.js';
import { keysOf, pointerOf, resolvePointer } from './json-pointer.js';

type Keys = (string | number)[];

/**
 * The place in a Swagger 2.0 document of a JSON pointer into the OpenAPI 3 document
 * swagger2openapi converted it to, so that a warning names the document the user wrote:
 * `components/schemas` → `definitions`, a request body → its `in: body` (or form) parameter, a
 * response's `content/{type}/schema` → its `schema`, a parameter's `schema` → the parameter
 * itself (found by name and place, since the conversion drops body parameters from the list).
 * Ends at the deepest place that exists in `swagger`.
 */
export function swaggerPointer(
  swagger: Record<string, unknown>,
  converted: Record<string, unknown>,
  pointer: string,
): string {
  const keys = keysOf(pointer);
  if (!keys) return pointer;
  const mapped = mapKeys(swagger, converted, keys) ?? keys;
  return pointerOf(deepestPrefix(swagger, mapped));
}

function mapKeys(
  swagger: Record<string, unknown>,
  converted: Record<string, unknown>,
  keys: string[],
): Keys | undefined {
  const [first, second, name, ...rest] = keys;
  if (first === 'components' && name !== undefined) {
    switch (second) {
      case 'schemas':
        return ['definitions', name, ...rest];
      case 'securitySchemes':
        return ['securityDefinitions', name, ...rest];
      case 'responses':
        return ['responses', name, ...responseRest(rest)];
      case 'parameters': {
        const param = resolvePointer(swagger, pointerOf(['parameters', name]));
        return ['parameters', name, ...parameterRest(param, rest)];
      }
      case 'requestBodies':
        return ['parameters', name, ...bodyRest(rest)];
    }
    return undefined;
  }
  if (first === 'servers') return ['host'];
  if (first !== 'paths' || second === undefined) return undefined;
  const path = second;
  if (name === 'parameters') return pathParameter(swagger, converted, [path], rest);
  if (name === undefined) return ['paths', path];
  const [part, ...tail] = rest;
  const at = [path, name];
  if (part === 'parameters') return pathParameter(swagger, converted, at, tail);
  if (part === 'requestBody') return requestBody(swagger, at, tail);
  if (part === 'responses' && tail.length > 0)
    return ['paths', ...at, 'responses', tail[0]!, ...responseRest(tail.slice(1))];
  return ['paths', ...at, ...rest];
}

/** What follows a response: its `content/{type}/schema` is its `schema`, examples by type. */
function responseRest(rest: string[]): Keys {
  if (rest[0] !== 'content') return rest;
  const [, type, part, ...tail] = rest;
  if (part === 'schema') return ['schema', ...tail];
  if (part === 'examples' || part === 'example') return ['examples', ...(type ? [type] : [])];
  return [];
}

/** What follows a body parameter's request body: `content/{type}/schema` is its `schema`. */
function bodyRest(rest: string[]): Keys {
  const [content, , part, ...tail] = rest;
  return content === 'content' && part === 'schema' ? ['schema', ...tail] : [];
}

/** A non-body parameter carries its schema's keywords itself. */
function parameterRest(param: unknown, rest: string[]): Keys {
  const body = isObject(param) && param.in === 'body';
  return rest[0] === 'schema' && !body ? rest.slice(1) : rest;
}

/** A parameter (of a path item at `[path]` or an operation at `[path, method]`), by name. */
function pathParameter(
  swagger: Record<string, unknown>,
  converted: Record<string, unknown>,
  at: string[],
  rest: string[],
): Keys {
  const [index, ...tail] = rest;
  const convertedList = resolvePointer(converted, pointerOf(['paths', ...at, 'parameters']));
  const wanted = Array.isArray(convertedList) ? deref(converted, convertedList[Number(index)]) : {};
  const list = resolvePointer(swagger, pointerOf(['paths', ...at, 'parameters']));
  if (!Array.isArray(list) || !isObject(wanted)) return ['paths', ...at];
  const found = list.findIndex((entry) => {
    const param = deref(swagger, entry);
    return isObject(param) && param.name === wanted.name && param.in === wanted.in;
  });
  if (found < 0) return ['paths', ...at, 'parameters'];
  const param = deref(swagger, list[found]);
  return ['paths', ...at, 'parameters', found, ...parameterRest(param, tail)];
}

/** A request body: the operation's `in: body` parameter, or the form parameter it names. */
function requestBody(swagger: Record<string, unknown>, at: string[], rest: string[]): Keys {
  const list = resolvePointer(swagger, pointerOf(['paths', ...at, 'parameters']));
  if (!Array.isArray(list)) return ['paths', ...at];
  const params = list.map((entry) => deref(swagger, entry));
  const body = params.findIndex((p) => isObject(p) && p.in === 'body');
  if (body >= 0) return ['paths', ...at, 'parameters', body, ...bodyRest(rest)];
  // A form: `content/{type}/schema/properties/{name}/...` is the form parameter `name`.
  const [, , part, properties, field, ...tail] = rest;
  if (part === 'schema' && properties === 'properties' && field !== undefined) {
    const form = params.findIndex((p) => isObject(p) && p.in === 'formData' && p.name === field);
    if (form >= 0) return ['paths', ...at, 'parameters', form, ...tail];
  }
  const first = params.findIndex((p) => isObject(p) && p.in === 'formData');
  return first >= 0 ? ['paths', ...at, 'parameters', first] : ['paths', ...at];
}

/** A value, or what its local `$ref` names. */
function deref(root: unknown, value: unknown): unknown {
  if (isObject(value) && typeof value.$ref === 'string') return resolvePointer(root, value.$ref);
  return value;
}

/** The longest prefix of `keys` that names something in `root`. */
function deepestPrefix(root: unknown, keys: Keys): Keys {
  let node: unknown = root;
  let depth = 0;
  for (const key of keys) {
    if (node === null || typeof node !== 'object') break;
    if (!Object.prototype.hasOwnProperty.call(node, String(key))) break;
    node = (node as Record<string, unknown>)[String(key)];
    depth++;
  }
  return keys.slice(0, depth);
}
