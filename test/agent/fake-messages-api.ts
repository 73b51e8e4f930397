// A local stand-in for the Anthropic Messages API: node:http on 127.0.0.1, answering
// POST /v1/messages from a script (streaming as server-sent events, or as one JSON message),
// and recording every request it received, so that tests drive the real SDK against it.
// Several conversations can be scripted at once (parallel agents, critics): each request goes
// to the first conversation whose key its system prompt holds, and plays that one's next turn.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A content block of a scripted assistant message. */
export type ScriptedBlock =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'tool_use'; readonly name: string; readonly input: Record<string, unknown> };

/** Token counts a scripted answer reports. */
export interface ScriptedUsage {
  readonly input_tokens?: number;
  readonly output_tokens?: number;
  readonly cache_creation_input_tokens?: number;
  readonly cache_read_input_tokens?: number;
}

/** What the stand-in does for one request. */
export type ScriptedAnswer =
  | {
      readonly kind: 'message';
      readonly content: readonly ScriptedBlock[];
      readonly stopReason?: 'end_turn' | 'tool_use' | 'max_tokens' | 'refusal';
      readonly usage?: ScriptedUsage;
    }
  /** An HTTP error, as the API sends them (429, 529, …). */
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly type: string;
      readonly message: string;
    }
  /** Closes the connection: before any byte, or (streaming) after the first events. */
  | { readonly kind: 'drop'; readonly when: 'before-headers' | 'mid-stream' }
  /** Answers nothing for this long, then closes (for a client timeout). */
  | { readonly kind: 'silence'; readonly ms: number };

/** A turn of the script: an answer, or a function of the request that answers one. */
export type ScriptedTurn = ScriptedAnswer | ((request: RecordedRequest) => ScriptedAnswer);

/** A request the stand-in received. */
export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The raw body text. */
  readonly raw: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/** One conversation of a stand-in that plays several at once. */
export interface ScriptedConversation {
  /** Its requests are those whose system prompt holds this text (the first match wins). */
  readonly key: string;
  readonly turns: readonly ScriptedTurn[];
}

/** A running stand-in. */
export interface FakeMessagesApi {
  readonly baseURL: string;
  readonly requests: RecordedRequest[];
  /** Turns of the script not yet played (of one conversation, by its key; or of all). */
  remaining(key?: string): number;
  /** The requests one conversation received, by its key. */
  requestsOf(key: string): RecordedRequest[];
  close(): Promise<void>;
}

/** A scripted answer with tool calls (the stop reason is `tool_use`). */
export const toolCalls = (
  calls: readonly { name: string; input: Record<string, unknown> }[],
  usage: ScriptedUsage = {},
  text?: string,
): ScriptedAnswer => ({
  kind: 'message',
  content: [
    ...(text ? [{ type: 'text' as const, text }] : []),
    ...calls.map((call) => ({ type: 'tool_use' as const, ...call })),
  ],
  stopReason: 'tool_use',
  usage,
});

/** A scripted answer that ends the model's turn with some text. */
export const finalText = (
  text: string,
  usage: ScriptedUsage = {},
): Extract<ScriptedAnswer, { kind: 'message' }> => ({
  kind: 'message',
  content: [{ type: 'text', text }],
  stopReason: 'end_turn',
  usage,
});

let ids = 0;

function messageOf(answer: Extract<ScriptedAnswer, { kind: 'message' }>, model: string) {
  const content = answer.content.map((block) =>
    block.type === 'text'
      ? { type: 'text', text: block.text, citations: null }
      : {
          type: 'tool_use',
          id: `toolu_${String(++ids).padStart(6, '0')}`,
          name: block.name,
          input: block.input,
          caller: { type: 'direct' },
        },
  );
  const usage = {
    input_tokens: 1000,
    output_tokens: 200,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 0,
    ...answer.usage,
  };
  return {
    id: `msg_${String(++ids).padStart(6, '0')}`,
    type: 'message',
    role: 'assistant',
    model,
    content,
    container: null,
    diagnostics: null,
    stop_reason: answer.stopReason ?? 'end_turn',
    stop_details: null,
    stop_sequence: null,
    usage,
  };
}

function sse(response: ServerResponse, type: string, data: Record<string, unknown>) {
  response.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
}

/** Streams a message as the API does: start, each block in pieces, delta, stop. */
function streamMessage(
  response: ServerResponse,
  message: ReturnType<typeof messageOf>,
  cut: boolean,
) {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'request-id': 'req_fake' });
  const { usage, content, stop_reason, ...rest } = message;
  sse(response, 'message_start', {
    message: { ...rest, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } },
  });
  if (cut) {
    response.socket?.destroy();
    return;
  }
  content.forEach((block, index) => {
    if (block.type === 'text') {
      sse(response, 'content_block_start', { index, content_block: { ...block, text: '' } });
      for (const piece of (block.text as string).match(/[\s\S]{1,40}/g) ?? [])
        sse(response, 'content_block_delta', { index, delta: { type: 'text_delta', text: piece } });
    } else {
      sse(response, 'content_block_start', { index, content_block: { ...block, input: {} } });
      const json = JSON.stringify(block.input);
      for (const piece of json.match(/[\s\S]{1,64}/g) ?? [])
        sse(response, 'content_block_delta', {
          index,
          delta: { type: 'input_json_delta', partial_json: piece },
        });
    }
    sse(response, 'content_block_stop', { index });
  });
  sse(response, 'message_delta', {
    delta: { stop_reason, stop_sequence: null, stop_details: null },
    usage: { output_tokens: usage.output_tokens },
  });
  sse(response, 'message_stop', {});
  response.end();
}

/** The whole system prompt of a request, as text. */
function systemText(body: unknown): string {
  const system = (body as { system?: unknown } | undefined)?.system;
  if (typeof system === 'string') return system;
  if (!Array.isArray(system)) return '';
  return system.map((block: { text?: unknown }) => String(block?.text ?? '')).join('\n');
}

/** Starts the stand-in on 127.0.0.1 with a script of turns, one per request in order. */
export function startFakeMessagesApi(script: readonly ScriptedTurn[]): Promise<FakeMessagesApi> {
  return startFakeConversations([{ key: '', turns: script }]);
}

/**
 * Starts the stand-in with several conversations played at once: a request goes to the first
 * conversation whose key its system prompt holds, and gets that conversation's next turn.
 */
export async function startFakeConversations(
  conversations: readonly ScriptedConversation[],
): Promise<FakeMessagesApi> {
  const requests: RecordedRequest[] = [];
  const played = conversations.map(() => 0);
  const byKey = new Map<string, RecordedRequest[]>(conversations.map((c) => [c.key, []]));
  const server = createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      let body: any;
      try {
        body = JSON.parse(raw);
      } catch {
        body = undefined;
      }
      const recorded = {
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        raw,
        body,
      };
      requests.push(recorded);
      const system = systemText(body);
      const index = conversations.findIndex((c) => system.includes(c.key));
      const conversation = conversations[index];
      byKey.get(conversation?.key ?? '')?.push(recorded);
      const turn = conversation?.turns[played[index]!];
      if (conversation) played[index]! += 1;
      if (request.method !== 'POST' || !request.url?.startsWith('/v1/messages') || !turn) {
        response.writeHead(500, { 'content-type': 'application/json', 'x-should-retry': 'false' });
        response.end(
          JSON.stringify({
            type: 'error',
            error: {
              type: 'api_error',
              message: conversation
                ? `the script of ${JSON.stringify(conversation.key)} has no turn ${played[index]} for ${request.url}`
                : `no conversation of the script matches the system prompt of ${request.url}`,
            },
          }),
        );
        return;
      }
      const answer = typeof turn === 'function' ? turn(recorded) : turn;
      if (answer.kind === 'error') {
        response.writeHead(answer.status, {
          'content-type': 'application/json',
          'retry-after-ms': '5',
        });
        response.end(
          JSON.stringify({ type: 'error', error: { type: answer.type, message: answer.message } }),
        );
      } else if (answer.kind === 'drop') {
        if (answer.when === 'before-headers' || !body?.stream) response.socket?.destroy();
        else streamMessage(response, messageOf(finalText(''), body?.model), true);
      } else if (answer.kind === 'silence') {
        const timer = setTimeout(() => response.socket?.destroy(), answer.ms);
        response.on('close', () => clearTimeout(timer));
      } else {
        const message = messageOf(answer, body?.model ?? 'unknown');
        if (body?.stream) streamMessage(response, message, false);
        else {
          response.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_fake' });
          response.end(JSON.stringify(message));
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}`,
    requests,
    remaining: (key) =>
      conversations.reduce(
        (sum, c, index) =>
          key === undefined || c.key === key ? sum + c.turns.length - played[index]! : sum,
        0,
      ),
    requestsOf: (key) => byKey.get(key) ?? [],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
