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

function parsed(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A parameter's value from its texts on the wire. HTTP carries text only, so the value is the
 * first reading its type accepts: the text itself, the text read as JSON (numbers, booleans),
 * and, for a list, the texts (a repeated query key) as items either way.
 */
function decodeParameter(
  texts: readonly string[],
  validate: Validator | undefined,
): { value: unknown; result: ValidationResult } {
  const candidates: unknown[] =
    texts.length === 1
      ? [texts[0], parsed(texts[0]!), [texts[0]], [parsed(texts[0]!)]]
      : [texts, texts.map(parsed)];
  if (validate === undefined) return { value: candidates[0], result: valid };
  let first: ValidationResult | undefined;
  for (const candidate of candidates) {
    const result = validate(candidate);
    if (result.ok) return { value: candidate, result };
    first ??= result;
  }
  return { value: candidates[0], result: first! };
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
  const places = [
    [
      'path',
      contract.pathParams,
      (name: string) => (name in pathParams ? [pathParams[name]!] : []),
    ],
    ['query', contract.query, (name: string) => query.getAll(name)],
    ['header', contract.headers, (name: string) => headerTexts(headers, name)],
  ] as const;
  for (const [place, shapes, textsOf] of places) {
    for (const shape of shapes) {
      const texts = textsOf(shape.wireName);
      if (texts.length === 0) {
        if (!shape.optional) problems.push({ place, shape, message: 'missing' });
        continue;
      }
      const { value, result } = decodeParameter(texts, shape.validate);
      request[shape.name] = value;
      if (!result.ok) problems.push({ place, shape, message: `${result.path}: ${result.message}` });
    }
  }
  if (contract.hasBody) request['body'] = body;
  return { request, problems };
}
