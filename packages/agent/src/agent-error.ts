import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '@anthropic-ai/sdk';

/** Why a run could not go on. */
export type AgentErrorKind =
  | 'no-api-key'
  | 'usage'
  | 'unreachable'
  | 'timeout'
  | 'rate-limited'
  | 'overloaded'
  | 'refused-key'
  | 'api'
  | 'interrupted';

/**
 * A run that could not go on, with a message that says what to do; no file was changed.
 * `auditLog` names the run's log when one was started.
 */
export class AgentError extends Error {
  constructor(
    readonly kind: AgentErrorKind,
    message: string,
    public auditLog?: string,
  ) {
    super(message);
    this.name = 'AgentError';
  }
}

/** The innermost cause of an error, in words (`connect ECONNREFUSED 127.0.0.1:9`). */
export function rootCause(error: Error): string {
  let inner: unknown = error;
  while (inner instanceof Error && inner.cause instanceof Error) inner = inner.cause;
  return (inner as Error).message;
}

/** What the API said, without its request id noise. */
function apiMessage(error: APIError): string {
  const body = error.error as { error?: { message?: unknown } } | undefined;
  const message = body?.error?.message;
  return typeof message === 'string' ? message : error.message;
}

/**
 * The error of a failed request to the Messages API, after the SDK's retries, as an
 * {@link AgentError} that says what happened and what to do.
 */
export function apiFailure(
  error: unknown,
  context: { readonly baseURL: string; readonly attempts: number; readonly model: string },
): AgentError {
  const tries = context.attempts === 1 ? 'once' : `${context.attempts} times`;
  if (error instanceof APIUserAbortError)
    return new AgentError('interrupted', 'the run was interrupted');
  if (error instanceof APIConnectionTimeoutError)
    return new AgentError(
      'timeout',
      `the Anthropic API at ${context.baseURL} did not answer in time (tried ${tries}); try again, or raise --timeout`,
    );
  if (error instanceof APIConnectionError)
    return new AgentError(
      'unreachable',
      `cannot reach the Anthropic API at ${context.baseURL} (tried ${tries}): ${rootCause(error)}; check the network, or ANTHROPIC_BASE_URL`,
    );
  if (error instanceof RateLimitError)
    return new AgentError(
      'rate-limited',
      `the Anthropic API is rate limiting this key (429, tried ${tries}): ${apiMessage(error)}; wait a minute and run again`,
    );
  if (error instanceof AuthenticationError || error instanceof PermissionDeniedError)
    return new AgentError(
      'refused-key',
      `the Anthropic API refused the key in ANTHROPIC_API_KEY (${error.status}): ${apiMessage(error)}; check the key`,
    );
  if (error instanceof NotFoundError)
    return new AgentError(
      'api',
      `the Anthropic API does not know the model \`${context.model}\` (404): ${apiMessage(error)}; name another with --model or SPECL_MODEL`,
    );
  if (error instanceof APIError && (error.status === 529 || error.status === 503))
    return new AgentError(
      'overloaded',
      `the Anthropic API is overloaded (${error.status}, tried ${tries}); try again in a few minutes`,
    );
  if (error instanceof APIError)
    return new AgentError(
      'api',
      `the Anthropic API answered ${error.status ?? 'an error'}: ${apiMessage(error)}`,
    );
  const message = error instanceof Error ? error.message : String(error);
  return new AgentError(
    'unreachable',
    `the answer of the Anthropic API at ${context.baseURL} broke off (tried ${tries}): ${message}`,
  );
}
