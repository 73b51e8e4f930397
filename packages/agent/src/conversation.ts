import type {
  ContentBlockParam,
  Message,
  MessageParam,
} from '@anthropic-ai/sdk/resources/messages';
import type { TokenUsage } from './model-prices.js';

/** The tokens an answer used, by kind. */
export const usageOf = (message: Message): TokenUsage => ({
  input: message.usage.input_tokens,
  output: message.usage.output_tokens,
  cacheWrite: message.usage.cache_creation_input_tokens ?? 0,
  cacheRead: message.usage.cache_read_input_tokens ?? 0,
});

/** The assistant's blocks as they go back in the conversation. */
export const asParams = (message: Message): ContentBlockParam[] =>
  message.content.map((block) =>
    block.type === 'text'
      ? { type: 'text', text: block.text }
      : block.type === 'tool_use'
        ? { type: 'tool_use', id: block.id, name: block.name, input: block.input }
        : (block as ContentBlockParam),
  );

/**
 * The conversation with a cache breakpoint on its last block, so that the next turn reads
 * everything before it from the prompt cache.
 */
export function withCacheBreakpoint(messages: readonly MessageParam[]): MessageParam[] {
  const last = messages[messages.length - 1]!;
  const blocks = last.content as ContentBlockParam[];
  const marked = { ...blocks[blocks.length - 1]!, cache_control: { type: 'ephemeral' } };
  return [
    ...messages.slice(0, -1),
    { ...last, content: [...blocks.slice(0, -1), marked] } as MessageParam,
  ];
}
