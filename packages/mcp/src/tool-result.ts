import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { Refused } from './workspace.js';

/** The most text one tool answer carries; longer answers are cut with a note. */
export const MAX_ANSWER_CHARS = 200_000;

const cut = (text: string) =>
  text.length > MAX_ANSWER_CHARS
    ? `${text.slice(0, MAX_ANSWER_CHARS)}\n… (cut at ${MAX_ANSWER_CHARS} characters)`
    : text;

/** A tool's answer: text for the model, and the same facts as structured content. */
export function answer(text: string, structured?: Record<string, unknown>): CallToolResult {
  return {
    content: [{ type: 'text', text: cut(text) }],
    ...(structured !== undefined && { structuredContent: structured }),
  };
}

/** A tool's refusal or failure, as an error result the client shows to the model. */
export function failure(text: string, structured?: Record<string, unknown>): CallToolResult {
  return { ...answer(text, structured), isError: true };
}

/**
 * Runs a tool's work: a {@link Refused} request (or any other error) becomes an error result
 * with its message, never a crash of the server.
 */
export async function guarded(work: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return failure(error.message);
    const message = error instanceof Error ? error.message : String(error);
    return failure(`the tool failed: ${message}`);
  }
}
