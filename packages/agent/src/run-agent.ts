import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type {
  Message,
  MessageParam,
  TextBlockParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import { TYPES_FILE } from '@specl/compiler';
import { AgentError } from './agent-error.js';
import type { AgentOptions, AgentProgress, AgentResult } from './agent-options.js';
import type { PromptContext } from './agent-prompts.js';
import {
  implementRequest,
  repairRequest,
  stillFailing,
  systemInstructions,
} from './agent-prompts.js';
import { runTool, toolDefinitions } from './agent-tools.js';
import { AuditLog } from './audit-log.js';
import { resolveImplPath } from './impl-path.js';
import { Budget, DEFAULT_BUDGET, estimateTokens } from './budget.js';
import { buildContract } from './contract-prompt.js';
import { asParams, usageOf, withCacheBreakpoint } from './conversation.js';
import { verificationHeld } from './describe-verification.js';
import type { RunState } from './finish-run.js';
import { finishRun } from './finish-run.js';
import { ModelClient } from './model-client.js';
import { DEFAULT_MODEL, priceOf } from './model-prices.js';
import { StagedImpl } from './staged-impl.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox/sandboxed-verifier.js';
import { detectSandbox, sandboxOfKind } from './sandbox/sandbox-protection.js';
import { StagedVerifier } from './staged-verifier.js';

/** The endpoints in scope: those asked for (each must exist), or all. */
function scopeOf(options: AgentOptions): string[] {
  const known = options.ir.endpoints.map((endpoint) => endpoint.name);
  for (const name of options.endpoints ?? [])
    if (!known.includes(name))
      throw new AgentError(
        'usage',
        `the spec has no endpoint \`${name}\`; it has ${known.join(', ') || 'none'}`,
      );
  return options.endpoints && options.endpoints.length > 0 ? [...options.endpoints] : known;
}

/** The module specifier the entry module imports the compiled types by. */
function typesSpecifier(implReal: string, entry: string, typesModule: string) {
  const exists = existsSync(typesModule);
  const target = exists ? realpathSync(typesModule) : typesModule;
  const path = relative(dirname(join(implReal, entry)), target)
    .split(sep)
    .join('/');
  const specifier = path.replace(/\.ts$/, '.js');
  return { specifier: specifier.startsWith('.') ? specifier : `./${specifier}`, exists };
}

/** The system prompt: the standing instructions, then the contract, cached. */
function systemPrompt(options: AgentOptions, context: PromptContext): TextBlockParam[] {
  const steeringFile = join(options.projectRoot, '.specl', 'steering.md');
  const contract = buildContract({
    ir: options.ir,
    specDir: dirname(options.specFile),
    endpoints: context.endpoints,
    ...(existsSync(steeringFile) && { steering: readFileSync(steeringFile, 'utf8') }),
  });
  return [
    { type: 'text', text: systemInstructions(context) },
    { type: 'text', text: contract, cache_control: { type: 'ephemeral' } },
  ];
}

/** Runs the tool calls of an answer; answers their results, in order. */
async function runToolCalls(
  message: Message,
  turn: number,
  run: RunState & {
    readonly scope: readonly string[];
    readonly progress: (e: AgentProgress) => void;
  },
): Promise<ToolResultBlockParam[]> {
  const calls = message.content.filter((block) => block.type === 'tool_use');
  const context = {
    staged: run.staged,
    endpoints: run.scope,
    verify: (asked: readonly string[]) => run.verifier.verify(asked),
  };
  const results: ToolResultBlockParam[] = [];
  for (const [index, call] of calls.entries()) {
    run.audit.write('tool_call', { turn, id: call.id, name: call.name, input: call.input });
    const input = call.input as Record<string, unknown> | null;
    const detail = input?.['path'] ?? input?.['endpoint'] ?? '';
    run.progress({
      type: 'tool',
      name: call.name,
      detail: typeof detail === 'string' ? detail : '',
    });
    const cut = message.stop_reason === 'max_tokens' && index === calls.length - 1;
    const result = cut
      ? {
          text: 'your answer was cut off (max_tokens) before this call was complete; nothing was done: write smaller files',
          isError: true,
        }
      : await runTool(call.name, call.input, context);
    if ('wrote' in result && result.wrote !== undefined) run.verifier.invalidate();
    run.audit.write('tool_result', {
      turn,
      id: call.id,
      name: call.name,
      is_error: result.isError,
      content: result.text,
    });
    if (result.isError) run.progress({ type: 'refused', name: call.name, message: result.text });
    results.push({
      type: 'tool_result',
      tool_use_id: call.id,
      content: result.text,
      ...(result.isError && { is_error: true }),
    });
  }
  return results;
}

/**
 * Runs the agent: builds the contract from the compiled spec, asks the model to implement (or
 * repair) the endpoints in scope through four tools (list, read and write files in the
 * implementation folder, run the verifier), sends the verifier's counterexamples back, and
 * goes on until every check holds or a budget runs out. The model's writes are staged in a
 * temporary copy of the folder, where the verifier runs; they reach the real folder only
 * with `apply`, at the end, all at once, and only when the run verified. Every request's
 * usage, tool call and result, and verification goes to the audit log.
 *
 * Throws an {@link AgentError} when the run cannot start (no API key, an unknown endpoint, a
 * missing folder) or the API fails for good (unreachable, rate limited, overloaded); nothing
 * is written then. An interrupted run (`signal`) ends with outcome `interrupted`.
 */
export async function runAgent(options: AgentOptions): Promise<AgentResult> {
  if (!options.apiKey)
    throw new AgentError(
      'no-api-key',
      'no API key: set ANTHROPIC_API_KEY to an Anthropic API key (the agent reads it from there only)',
    );
  const scope = scopeOf(options);
  if (!statSync(options.implDir, { throwIfNoEntry: false })?.isDirectory())
    throw new AgentError(
      'usage',
      `the implementation folder \`${options.implDir}\` does not exist; create it first`,
    );
  const model = options.model ?? DEFAULT_MODEL;
  const { price, known: priceKnown } = priceOf(model);
  const limits = { ...DEFAULT_BUDGET, ...options.budget };
  const entry = options.entry ?? 'handlers.ts';
  const displayBase = options.displayBase ?? options.projectRoot;
  const folderShown = relative(displayBase, options.implDir) || '.';
  const progress = options.onProgress ?? (() => {});
  const sandbox = options.sandbox ? sandboxOfKind(options.sandbox) : detectSandbox();
  if (!sandbox.isolatesNetwork && options.unsafeRun !== true)
    throw new AgentError(
      'usage',
      `model-written code would run with only this protection: ${sandbox.description}. Install bubblewrap (Linux) for a full sandbox, or run \`specl implement\` with --unsafe-run to run it anyway (the editor never does)`,
    );
  const audit = AuditLog.open(options.projectRoot, [options.apiKey]);
  const staged = StagedImpl.create(options.implDir, dirname(options.specFile));
  const verifier = new StagedVerifier({
    ir: options.ir,
    staged,
    entry,
    scope,
    runs: options.runs ?? 100,
    ...(options.seed !== undefined && { seed: options.seed }),
    timeoutMs: options.verifyTimeoutMs ?? 120_000,
    ...(options.signal && { signal: options.signal }),
    folderShown,
    audit,
    progress,
    sandbox,
    limits: { ...DEFAULT_SANDBOX_LIMITS, ...options.sandboxLimits },
  });
  const run = {
    staged,
    verifier,
    audit,
    budget: new Budget(limits, price),
    model,
    priceKnown,
    verifyUnchanged: options.mode === 'repair',
    apply: options.apply === true,
    displayBase,
    scope,
    progress,
  };
  const { budget } = run;
  const client = new ModelClient({
    apiKey: options.apiKey,
    ...(options.baseURL !== undefined && { baseURL: options.baseURL }),
    timeoutMs: options.requestTimeoutMs ?? 600_000,
    maxRetries: options.maxRetries ?? 4,
    stream: options.stream ?? true,
    model,
    onFailedAttempt: (what) => {
      audit.write('attempt_failed', { what });
      progress({ type: 'attempt_failed', what });
    },
  });
  const context: PromptContext = {
    folder: folderShown,
    entry,
    typesImport: typesSpecifier(
      staged.folder.real,
      entry,
      options.typesModule ?? join(dirname(options.specFile), 'generated', TYPES_FILE),
    ),
    endpoints: scope,
    allEndpoints: scope.length === options.ir.endpoints.length,
  };
  const system = systemPrompt(options, context);
  const tools = toolDefinitions(scope);
  const maxOutput = options.maxOutputTokens ?? 16_000;
  const interrupted = () =>
    finishRun(run, { outcome: 'interrupted', reason: 'the run was interrupted' });

  try {
    try {
      resolveImplPath(entry, staged.folder, 'write');
    } catch (error) {
      throw new AgentError('usage', `--entry: ${(error as Error).message}`);
    }
    audit.write('start', {
      mode: options.mode,
      model,
      priceKnown,
      spec: {
        name: options.ir.name,
        version: options.ir.version,
        fingerprint: options.ir.fingerprint,
      },
      implDir: folderShown,
      entry,
      endpoints: scope,
      budget: limits,
      runs: options.runs ?? 100,
      sandbox: { kind: sandbox.kind, protection: sandbox.description },
      stream: options.stream ?? true,
      baseURL: client.baseURL,
      system: system.map((block) => block.text),
    });
    let first: string;
    if (options.mode === 'repair') {
      const { outcome, text } = await verifier.current();
      if (verificationHeld(outcome))
        return await finishRun(run, {
          outcome: 'verified',
          reason: 'the implementation already meets the spec; nothing to repair',
        });
      first = repairRequest(context, staged.list(), text);
    } else first = implementRequest(context, staged.list());
    const messages: MessageParam[] = [{ role: 'user', content: [{ type: 'text', text: first }] }];
    let estimate = estimateTokens(JSON.stringify({ system, tools, messages }));
    for (;;) {
      if (options.signal?.aborted) return await interrupted();
      const decision = budget.beforeRequest(estimate, maxOutput);
      if (!decision.ok) {
        audit.write('stop', { limit: decision.limit, reason: decision.reason });
        return await finishRun(run, {
          outcome: 'budget',
          reason: decision.reason,
          limit: decision.limit,
        });
      }
      const turn = budget.turns + 1;
      progress({ type: 'request', turn, maxTurns: limits.maxTurns });
      audit.write('request', {
        turn,
        max_tokens: decision.maxTokens,
        messages: messages.length,
        estimatedInputTokens: estimate,
      });
      let message: Message;
      try {
        message = await client.send(
          {
            model,
            max_tokens: decision.maxTokens,
            system,
            tools,
            messages: withCacheBreakpoint(messages),
          },
          options.signal,
        );
      } catch (error) {
        if (error instanceof AgentError && error.kind === 'interrupted') return await interrupted();
        throw error;
      }
      const usage = usageOf(message);
      const cost = budget.charge(usage);
      audit.write('response', {
        turn,
        id: message.id,
        stop_reason: message.stop_reason,
        usage: message.usage,
        costUsd: cost,
        totalTokens: budget.tokens,
        totalCostUsd: budget.costUsd,
        text: message.content.flatMap((block) => (block.type === 'text' ? [block.text] : [])),
      });
      progress({
        type: 'response',
        turn,
        stopReason: message.stop_reason,
        tokens: budget.tokens,
        costUsd: budget.costUsd,
      });
      for (const block of message.content)
        if (block.type === 'text' && block.text.trim() !== '')
          progress({ type: 'text', text: block.text });
      if (message.stop_reason === 'refusal')
        return await finishRun(run, { outcome: 'refused', reason: 'the model declined to go on' });
      messages.push({ role: 'assistant', content: asParams(message) });
      // What the next request sends again: this one's input and answer, then the new message.
      const sent = usage.input + usage.cacheRead + usage.cacheWrite + usage.output;
      let reply: MessageParam;
      if (message.content.some((block) => block.type === 'tool_use')) {
        const results = await runToolCalls(message, turn, run);
        if (verifier.holds)
          return await finishRun(run, { outcome: 'verified', reason: 'every check held' });
        reply = { role: 'user', content: results };
      } else {
        const { outcome, text } = await verifier.current();
        if (verificationHeld(outcome))
          return await finishRun(run, { outcome: 'verified', reason: 'every check held' });
        reply = { role: 'user', content: [{ type: 'text', text: stillFailing(text) }] };
      }
      if (options.signal?.aborted) return await interrupted();
      messages.push(reply);
      estimate = sent + estimateTokens(JSON.stringify(reply.content));
    }
  } catch (error) {
    if (error instanceof AgentError) {
      audit.write('error', { kind: error.kind, message: error.message });
      error.auditLog = audit.path;
    }
    throw error;
  } finally {
    verifier.close();
    staged.dispose();
  }
}
