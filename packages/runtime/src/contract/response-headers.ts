import type { ApiResponse, EndpointContract, ResponseShape } from './contract.js';
import type { ValidationResult, Validator } from '../validation-result.js';
import { valid } from '../validation-result.js';
import type { Exchange } from './failures.js';
import { ContractViolation } from './failures.js';
import { shapeForStatus } from './shape-for-status.js';

/** How much of a header's text a report quotes. */
const QUOTED = 200;

function quoted(text: string): string {
  const cut = text.length > QUOTED ? `${text.slice(0, QUOTED)}…` : text;
  return JSON.stringify(cut);
}

/**
 * Whether a header's text reads as its type: as the text itself (strings, enums), else as
 * JSON (numbers, booleans). A text that reads as JSON is judged by that reading, so that
 * `-1` for `Int { min: 0 }` is reported as too small, not as no integer.
 */
function readHeader(text: string, validate: Validator | undefined): ValidationResult {
  if (validate === undefined) return valid;
  const asText = validate(text);
  if (asText.ok) return asText;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return asText;
  }
  return typeof parsed === 'string' || typeof parsed === 'object' ? asText : validate(parsed);
}

/**
 * The value of a header's text as its type: the text itself when it fits (strings, dates,
 * enums), else its JSON reading when that fits (numbers, booleans), else the text.
 */
function headerValue(text: string, validate: Validator | undefined): unknown {
  if (validate === undefined || validate(text).ok) return text;
  try {
    const parsed = JSON.parse(text) as unknown;
    if (typeof parsed !== 'object' && validate(parsed).ok) return parsed;
  } catch {
    // Not JSON: the text stands.
  }
  return text;
}

/**
 * The headers an answer carries of those its status declares, as `ensures` reads them
 * (`headers.remaining`): by Specl name, each read as its type; names compared in any case, as
 * HTTP does. An absent header is left out (so it reads as absent).
 */
export function headerValues(
  shape: ResponseShape | undefined,
  response: ApiResponse,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const header of shape?.headers ?? []) {
    const text = response.headers?.[header.wireName.toLowerCase()];
    if (text !== undefined && !Object.hasOwn(values, header.name))
      values[header.name] = headerValue(text, header.validate);
  }
  return values;
}

/**
 * What an answer breaks of the headers its status declares (`with NAME`): a required header
 * that is absent, or a present one whose text does not read as its type (constraints included).
 * Each violation names the header and the declaration. None when the answer's headers cannot
 * be seen (`response.headers` absent). Undeclared headers are allowed.
 */
export function headerViolations(
  shape: ResponseShape,
  response: ApiResponse,
  where: string,
  exchange?: Exchange,
): ContractViolation[] {
  if (!shape.headers || response.headers === undefined) return [];
  const violations: ContractViolation[] = [];
  for (const header of shape.headers) {
    const text = response.headers[header.wireName.toLowerCase()];
    if (text === undefined) {
      if (header.optional) continue;
      const detail = `${where} answered ${response.status} without the header ${header.wireName}, which it must carry`;
      violations.push(new ContractViolation('header', detail, header.clause, exchange));
      continue;
    }
    const result = readHeader(text, header.validate);
    if (result.ok) continue;
    const detail = `the header ${header.wireName} of ${where} (${response.status}) is ${quoted(text)}, which does not match its type: ${result.message}`;
    violations.push(new ContractViolation('header', detail, header.clause, exchange));
  }
  return violations;
}

/**
 * Headers as a server or a framework holds them (any case; a number, or a list for a repeated
 * one) as {@link ApiResponse.headers} has them: by lower-case name, as text, a list joined
 * with `, ` as HTTP joins it.
 */
export function headerTextsOf(headers: Readonly<Record<string, unknown>>): Record<string, string> {
  const result: Record<string, string> = {};
  // Read in place (no array of entries): a proxy reads every checked answer's headers.
  for (const name in headers) {
    if (!Object.hasOwn(headers, name)) continue;
    const value = headers[name];
    const text = Array.isArray(value) ? value.map(String).join(', ') : headerText(value);
    if (text !== undefined) result[name.toLowerCase()] = text;
  }
  return result;
}

/** A header value as text on the wire: strings as they are, numbers and booleans written out. */
function headerText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * An in-process handler's `headers` (by Specl name, values of their types) as they would go on
 * the wire: under lower-case wire names, as text. A name the status does not declare keeps its
 * own name. Not an object: no headers.
 */
export function handlerHeaders(
  endpoint: EndpointContract,
  status: number,
  headers: unknown,
): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return result;
  const declared = shapeForStatus(endpoint.responses, status)?.headers ?? [];
  for (const [name, value] of Object.entries(headers)) {
    const text = headerText(value);
    if (text === undefined) continue;
    const wire = declared.find((h) => h.name === name)?.wireName ?? name;
    result[wire.toLowerCase()] = text;
  }
  return result;
}
