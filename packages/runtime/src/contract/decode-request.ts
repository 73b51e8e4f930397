import type { ValidationResult, Validator } from '../validation-result.js';
import { valid } from '../validation-result.js';
import type { EndpointContract, ParameterShape } from './contract.js';

/** Headers as Node gives them: lower-case names, repeated ones as a list. */
export type IncomingHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/** A parameter that is missing or does not match its declared type. */
export interface ParameterProblem {
  readonly place: 'path' | 'query' | 'header';
  readonly shape: ParameterShape;
  /** What was wrong: `missing`, or the validator's path and message. */
  readonly message: string;
}

/** The first character of every JSON text, after the whitespace JSON allows before it. */
const JSON_START = /^[\t\n\r ]*[-0-9tfn"[{]/;

/** The text read as JSON, or the text itself when it is not JSON (most path segments and ids). */
function parsed(text: string): unknown {
  // Not a JSON text: answered without JSON.parse throwing, which costs more than the check.
  if (!JSON_START.test(text)) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The readings of a parameter's texts after the first (the text itself, or the texts of a
 * repeated key), in the order they are tried.
 */
function* laterReadingsOf(texts: readonly string[]): Generator<unknown> {
  if (texts.length === 1) {
    const text = texts[0]!;
    const json = parsed(text);
    yield json;
    yield [text];
    yield [json];
  } else {
    yield texts.map(parsed);
  }
}

/**
 * A parameter's value from its texts on the wire. HTTP carries text only, so the value is the
 * first reading its type accepts: the text itself, the text read as JSON (numbers, booleans),
 * and, for a list, the texts (a repeated query key) as items either way. Readings are made as
 * they are tried: most parameters are accepted as the text itself, which is tried without
 * making the others' generator.
 */
function decodeParameter(
  texts: readonly string[],
  validate: Validator | undefined,
): { value: unknown; result: ValidationResult } {
  const first = texts.length === 1 ? texts[0] : texts;
  if (validate === undefined) return { value: first, result: valid };
  const asText = validate(first);
  if (asText.ok) return { value: first, result: asText };
  for (const candidate of laterReadingsOf(texts)) {
    const result = validate(candidate);
    if (result.ok) return { value: candidate, result };
  }
  return { value: first, result: asText };
}

function headerTexts(headers: IncomingHeaders, wireName: string): string[] {
  const value = headers[wireName.toLowerCase()];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
}

/**
 * The values of a query string by name, as `URLSearchParams` gives them; written out so that
 * compiled code type-checks without the DOM or Node typings.
 */
export interface QueryValues {
  getAll(name: string): string[];
}

/**
 * The request object of an endpoint (parameters by name, `body`) from what came over HTTP:
 * path parameters, the query, headers and the parsed body; with every parameter that is missing
 * or does not match its declared type.
 */
export function decodeRequest(
  contract: EndpointContract,
  pathParams: Readonly<Record<string, string>>,
  query: QueryValues,
  headers: IncomingHeaders,
  body: unknown,
): { request: Record<string, unknown>; problems: ParameterProblem[] } {
  const request: Record<string, unknown> = {};
  const problems: ParameterProblem[] = [];
  /** Decodes one parameter from its texts into `request`, or notes it missing or wrong. */
  const decode = (place: ParameterProblem['place'], shape: ParameterShape, texts: string[]) => {
    if (texts.length === 0) {
      if (!shape.optional) problems.push({ place, shape, message: 'missing' });
      return;
    }
    const { value, result } = decodeParameter(texts, shape.validate);
    request[shape.name] = value;
    if (!result.ok) problems.push({ place, shape, message: `${result.path}: ${result.message}` });
  };
  for (const shape of contract.pathParams) {
    const text = pathParams[shape.wireName];
    decode('path', shape, shape.wireName in pathParams ? [text!] : []);
  }
  for (const shape of contract.query) decode('query', shape, query.getAll(shape.wireName));
  for (const shape of contract.headers)
    decode('header', shape, headerTexts(headers, shape.wireName));
  if (contract.hasBody) request['body'] = body;
  return { request, problems };
}
