import type { EndpointContract, ResponseShape, StatusPattern } from './contract.js';

type Digit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9';
type AsNumber<Text> = Text extends `${infer N extends number}` ? N : never;

/** The 4xx statuses (400 | 401 | ... | 499), for a handler answering an error declared `4XX`. */
export type ClientErrorStatus = AsNumber<`4${Digit}${Digit}`>;

/** The 5xx statuses (500 | ... | 599), for a handler answering an error declared `5XX`. */
export type ServerErrorStatus = AsNumber<`5${Digit}${Digit}`>;

/** Whether a status lies in a range (`4XX`: 400-499); `default` is no range. */
export function inStatusRange(status: number, pattern: StatusPattern): boolean {
  if (pattern === 'default') return false;
  return Math.floor(status / 100) === Number(pattern[0]);
}

/**
 * The response or error that covers an answer's status, with OpenAPI's precedence: the one
 * declaring it exactly, else the error of its range (`4XX`), else the `default` error.
 */
export function shapeForStatus(
  responses: readonly ResponseShape[],
  status: number,
): ResponseShape | undefined {
  return (
    responses.find((shape) => shape.status === status) ??
    responses.find(
      (shape) => typeof shape.status === 'string' && inStatusRange(status, shape.status),
    ) ??
    responses.find((shape) => shape.status === 'default')
  );
}

/**
 * Whether an answer's status is a success of the endpoint: 2xx, and not an undeclared 2xx that
 * only its `default` error covers.
 */
export function answersSuccess(contract: EndpointContract, status: number): boolean {
  if (status < 200 || status >= 300) return false;
  const shape = shapeForStatus(contract.responses, status);
  return shape === undefined || shape.error === undefined;
}
