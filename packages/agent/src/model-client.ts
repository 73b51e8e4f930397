import Anthropic, { APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type { Middleware } from '@anthropic-ai/sdk';
import type {
  Message,
  MessageCreateParamsNonStreaming,
} from '@anthropic-ai/sdk/resources/messages';
import { apiFailure, rootCause } from './agent-error.js';

/** How the agent reaches the Messages API. */
export interface ModelClientOptions {
  readonly apiKey: string;
  /** The API's base URL; absent: the SDK's own (ANTHROPIC_BASE_URL, or the public API). */
  readonly baseURL?: string;
  /** How long one request may take before it is retried (milliseconds). */
  readonly timeoutMs: number;
  /** Retries of a request that failed for a passing reason (429, 5xx, 529, a dropped connection). */
  readonly maxRetries: number;
  /** Stream answers (server-sent events) rather than wait for the whole message. */
  readonly stream: boolean;
  readonly model: string;
  /** Told of every attempt that did not succeed: its HTTP status, or why none came back. */
  onFailedAttempt?(what: number | string): void;
}

/** Sends requests to the Messages API through the SDK; failures become clear `AgentError`s. */
export class ModelClient {
  private readonly client: Anthropic;
  readonly baseURL: string;
  /** The model every request names. */
  readonly model: string;

  constructor(private readonly options: ModelClientOptions) {
    const report: Middleware = async (request, next) => {
      try {
        const response = await next(request);
        if (!response.ok) options.onFailedAttempt?.(response.status);
        return response;
      } catch (error) {
        if (!(error instanceof APIUserAbortError))
          options.onFailedAttempt?.(error instanceof Error ? rootCause(error) : String(error));
        throw error;
      }
    };
    this.client = new Anthropic({
      apiKey: options.apiKey,
      ...(options.baseURL !== undefined && { baseURL: options.baseURL }),
      timeout: options.timeoutMs,
      maxRetries: options.maxRetries,
      middleware: [report],
      logLevel: 'off',
    });
    this.baseURL = this.client.baseURL;
    this.model = options.model;
  }

  /**
   * Sends one request. The SDK retries failures before an answer starts; an answer that
   * breaks off while streaming is asked for again, up to the same number of retries.
   */
  async send(params: MessageCreateParamsNonStreaming, signal?: AbortSignal): Promise<Message> {
    const context = {
      baseURL: this.baseURL,
      attempts: this.options.maxRetries + 1,
      model: this.options.model,
    };
    for (let attempt = 0; ; attempt++) {
      try {
        if (!this.options.stream) return await this.client.messages.create(params, { signal });
        return await this.client.messages.stream(params, { signal }).finalMessage();
      } catch (error) {
        const brokeOff = this.options.stream && !(error instanceof APIError);
        if (signal?.aborted) throw apiFailure(new APIUserAbortError(), context);
        if (!brokeOff || attempt >= this.options.maxRetries) throw apiFailure(error, context);
        this.options.onFailedAttempt?.(error instanceof Error ? rootCause(error) : String(error));
      }
    }
  }
}
