import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { PathRefused } from './impl-path.js';
import type { StagedImpl } from './staged-impl.js';
import type { VerificationOutcome } from './verification-job.js';

/** The tools the model may call, and nothing else. */
export const TOOL_NAMES = ['list_files', 'read_file', 'write_file', 'verify'] as const;

/** The definitions of the tools, with the endpoints in scope as the verifier's choices. */
export function toolDefinitions(endpoints: readonly string[]): Tool[] {
  const path = (what: string) => ({
    type: 'string' as const,
    description: `${what}, relative to the implementation folder`,
  });
  return [
    {
      name: 'list_files',
      description:
        'Lists the files of the implementation folder (or of a folder inside it), with their sizes.',
      input_schema: {
        type: 'object',
        properties: { path: path('the folder (default: the whole folder)') },
      },
    },
    {
      name: 'read_file',
      description: 'Reads a file of the implementation folder, as changed so far in this run.',
      input_schema: { type: 'object', properties: { path: path('the file') }, required: ['path'] },
    },
    {
      name: 'write_file',
      description:
        'Writes a whole file in the implementation folder (creating it and its folders if needed). Files outside the folder and spec files cannot be written.',
      input_schema: {
        type: 'object',
        properties: {
          path: path('the file'),
          content: { type: 'string', description: 'the complete new text of the file' },
        },
        required: ['path', 'content'],
      },
    },
    {
      name: 'verify',
      description:
        "Runs the spec's verifier on the implementation as it is now: every endpoint's statuses, body types, constraints, invariants and ensures clauses, the written properties, and random call sequences. Failures come back shrunk to a minimal counterexample, with the clause that failed and the requests and responses that showed it.",
      input_schema: {
        type: 'object',
        properties: {
          endpoint: {
            type: 'string',
            enum: [...endpoints],
            description: 'only this endpoint (default: every endpoint in scope)',
          },
        },
      },
    },
  ];
}

/** A tool call's outcome: the text the model reads, and what it did. */
export interface ToolOutcome {
  readonly text: string;
  readonly isError: boolean;
  /** The file it staged, relative to the implementation folder. */
  readonly wrote?: string;
  /** The verification it ran. */
  readonly verification?: {
    readonly outcome: VerificationOutcome;
    readonly endpoints: readonly string[];
  };
}

/** What the tools act on. */
export interface ToolContext {
  readonly staged: StagedImpl;
  readonly endpoints: readonly string[];
  verify(endpoints: readonly string[]): Promise<{ outcome: VerificationOutcome; text: string }>;
}

const refused = (text: string): ToolOutcome => ({ text, isError: true });

/** Runs one tool call; a refusal or a bad input is an error result the model sees. */
export async function runTool(
  name: string,
  input: unknown,
  context: ToolContext,
): Promise<ToolOutcome> {
  const args = (typeof input === 'object' && input !== null ? input : {}) as Record<
    string,
    unknown
  >;
  try {
    switch (name) {
      case 'list_files':
        return { text: context.staged.list(args['path'] ?? '.'), isError: false };
      case 'read_file':
        return { text: context.staged.read(args['path']), isError: false };
      case 'write_file': {
        const wrote = context.staged.write(args['path'], args['content']);
        const lines = String(args['content']).split('\n').length;
        return {
          text: `staged ${wrote} (${lines} lines); run verify to check it`,
          isError: false,
          wrote,
        };
      }
      case 'verify': {
        const endpoint = args['endpoint'];
        if (endpoint !== undefined && !context.endpoints.includes(endpoint as string))
          return refused(
            `\`${String(endpoint)}\` is not an endpoint in scope; the endpoints are ${context.endpoints.join(', ')}`,
          );
        const endpoints = endpoint === undefined ? context.endpoints : [endpoint as string];
        const { outcome, text } = await context.verify(endpoints);
        return { text, isError: false, verification: { outcome, endpoints } };
      }
      default:
        return refused(`there is no tool \`${name}\`; the tools are ${TOOL_NAMES.join(', ')}`);
    }
  } catch (error) {
    if (error instanceof PathRefused) return refused(`refused: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (typeof code === 'string') return refused(`the file system answered ${code}`);
    throw error;
  }
}
