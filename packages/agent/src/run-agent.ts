import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type {
  ContentBlockParam,
  Message,
  MessageParam,
  TextBlockParam,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import { TYPES_FILE } from '@specl/compiler';
import { AgentError } from './agent-error.js';
import type { AgentOptions, AgentOutcome, AgentResult } from './agent-options.js';
import type { PromptContext } from './agent-prompts.js';
import {
  implementRequest,
  repairRequest,
  stillFailing,
  systemInstructions,
} from './agent-prompts.js';
import type { ToolContext } from './agent-tools.js';
import { runTool, toolDefinitions } from './agent-tools.js';
import { AuditLog } from './audit-log.js';
import type { BudgetLimit } from './budget.js';
import { Budget, DEFAULT_BUDGET, estimateTokens } from './budget.js';
import { buildContract } from './contract-prompt.js';
import { describeVerification, verificationHeld } from './describe-verification.js';
import { ModelClient } from './model-client.js';
import type { TokenUsage } from './model-prices.js';
import { DEFAULT_MODEL, priceOf } from './model-prices.js';
import { VerificationWorker } from './run-verification.js';
import { StagedImpl } from './staged-impl.js';
import type { VerificationOutcome } from './verification-job.js';

const usageOf = (message: Message): TokenUsage => ({
  input: message.usage.input_tokens,
  output: message.usage.output_tokens,
  cacheWrite: message.usage.cache_creation_input_tokens ?? 0,
  cacheRead: message.usage.cache_read_input_tokens ?? 0,
});

/** The assistant's blocks as they go back in the conversation. */
const asParams = (message: Message): ContentBlockParam[] =>
  message.content.map((block) =>
    block.type === 'text'
      ? { type: 'text', text: block.text }
      : block.type === 'tool_use'
        ? { type: 'tool_use', id: block.id, name: block.name, input: block.input }
        : (block as ContentBlockParam),
  );

/** The conversation with a cache breakpoint on its last block, so that the next turn reads it from the cache. */
function withCacheBreakpoint(messages: readonly MessageParam[]): MessageParam[] {
  const last = messages[messages.length - 1]!;
  const blocks = last.content as ContentBlockParam[];
  const marked = { ...blocks[blocks.length - 1]!, cache_control: { type: 'ephemeral' } };
  return [
    ...messages.slice(0, -1),
    { ...last, content: [...blocks.slice(0, -1), marked] } as MessageParam,
  ];
}

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
  const apiKey = options.apiKey;
  const endpoints = scopeOf(options);
  if (!statSync(options.implDir, { throwIfNoEntry: false })?.isDirectory())
    throw new AgentError(
      'usage',
      `the implementation folder \`${options.implDir}\` does not exist; create it first`,
    );
  const model = options.model ?? DEFAULT_MODEL;
  const { price, known: priceKnown } = priceOf(model);
  const limits = { ...DEFAULT_BUDGET, ...options.budget };
  const budget = new Budget(limits, price);
  const entry = options.entry ?? 'handlers.ts';
  const specDir = dirname(options.specFile);
  const displayBase = options.displayBase ?? options.projectRoot;
  const folderShown = relative(displayBase, options.implDir) || '.';
  const progress = options.onProgress ?? (() => {});
  const audit = AuditLog.open(options.projectRoot, [apiKey]);
  const staged = StagedImpl.create(options.implDir, specDir);
  const verifier = new VerificationWorker();
  const client = new ModelClient({
    apiKey,
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
  const steeringFile = join(options.projectRoot, '.specl', 'steering.md');
  const context: PromptContext = {
    folder: folderShown,
    entry,
    typesImport: typesSpecifier(
      staged.folder.real,
      entry,
      options.typesModule ?? join(specDir, 'generated', TYPES_FILE),
    ),
    endpoints,
    allEndpoints: endpoints.length === options.ir.endpoints.length,
  };
  const system: TextBlockParam[] = [
    { type: 'text', text: systemInstructions(context) },
    {
      type: 'text',
      text: buildContract({
        ir: options.ir,
        specDir,
        endpoints,
        ...(existsSync(steeringFile) && { steering: readFileSync(steeringFile, 'utf8') }),
      }),
      cache_control: { type: 'ephemeral' },
    },
  ];
  const tools = toolDefinitions(endpoints);
  const maxOutput = options.maxOutputTokens ?? 16_000;
  const isFullScope = (asked: readonly string[]) =>
    asked.length === endpoints.length && endpoints.every((name) => asked.includes(name));
  let lastFull: { outcome: VerificationOutcome; text: string } | undefined;

  const verifyStaged = async (asked: readonly string[]) => {
    const outcome = await verifier.run(
      {
        ir: options.ir,
        module: join(staged.stagedFolder, entry),
        runs: options.runs ?? 100,
        ...(options.seed !== undefined && { seed: options.seed }),
        ...(!context.allEndpoints || !isFullScope(asked) ? { endpoints: asked } : {}),
      },
      {
        timeoutMs: options.verifyTimeoutMs ?? 120_000,
        ...(options.signal && { signal: options.signal }),
      },
    );
    const scope = isFullScope(asked) ? 'every endpoint in scope' : `endpoint ${asked.join(', ')}`;
    const text = describeVerification(outcome, scope).split(staged.stagedFolder).join(folderShown);
    const checks = outcome.report?.checks ?? [];
    audit.write('verification', {
      endpoints: asked,
      ok: verificationHeld(outcome),
      ...(outcome.error !== undefined && { error: outcome.error }),
      checks: checks.map((check) => ({
        name: check.name,
        status: check.status,
        runs: check.runs,
        ...(check.failure && {
          failure: {
            kind: check.failure.kind,
            message: check.failure.message,
            clause: check.failure.clause,
          },
        }),
      })),
      durationMs: outcome.durationMs,
    });
    progress({
      type: 'verification',
      endpoints: asked,
      held: checks.filter((c) => c.status !== 'failed').length,
      failed: checks.filter((c) => c.status === 'failed').length,
      ...(outcome.error !== undefined && { error: outcome.error }),
    });
    if (isFullScope(asked)) lastFull = { outcome, text };
    return { outcome, text };
  };
  const toolContext: ToolContext = { staged, endpoints, verify: verifyStaged };

  const finish = async (
    outcome: AgentOutcome,
    reason: string,
    limit?: BudgetLimit,
  ): Promise<AgentResult> => {
    const edits = staged.stagedEdits();
    if (!lastFull && outcome !== 'interrupted' && (edits.length > 0 || options.mode === 'repair'))
      await verifyStaged(endpoints);
    const report = lastFull?.outcome.report;
    const checks = report?.checks ?? [];
    const diff = staged.diff(displayBase);
    let applied = false;
    if (outcome === 'verified' && options.apply === true && edits.length > 0) {
      try {
        staged.apply();
      } catch (error) {
        throw new AgentError('usage', (error as Error).message);
      }
      applied = true;
    }
    const savedDiff = edits.length > 0 && !applied ? audit.writeBeside('.diff', diff) : undefined;
    const result: AgentResult = {
      outcome,
      reason,
      ...(limit !== undefined && { limit }),
      edits,
      diff,
      applied,
      ...(report !== undefined && { verification: report }),
      held: checks.filter((c) => c.status !== 'failed').map((c) => c.name),
      failed: checks.filter((c) => c.status === 'failed').map((c) => c.name),
      model,
      priceKnown,
      turns: budget.turns,
      usage: budget.usage,
      tokens: budget.tokens,
      costUsd: budget.costUsd,
      auditLog: audit.path,
      ...(savedDiff !== undefined && { savedDiff }),
    };
    audit.write('summary', {
      outcome,
      reason,
      turns: result.turns,
      usage: result.usage,
      tokens: result.tokens,
      costUsd: result.costUsd,
      held: result.held,
      failed: result.failed,
      filesChanged: edits.map((edit) => edit.relative),
      applied,
    });
    return result;
  };

  try {
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
      endpoints,
      budget: limits,
      runs: options.runs ?? 100,
      stream: options.stream ?? true,
      baseURL: client.baseURL,
      system: system.map((block) => block.text),
    });
    let first: string;
    if (options.mode === 'repair') {
      const { outcome, text } = await verifyStaged(endpoints);
      if (verificationHeld(outcome))
        return await finish(
          'verified',
          'the implementation already meets the spec; nothing to repair',
        );
      first = repairRequest(context, staged.list(), text);
    } else first = implementRequest(context, staged.list());
    const messages: MessageParam[] = [{ role: 'user', content: [{ type: 'text', text: first }] }];
    let estimate = estimateTokens(JSON.stringify({ system, tools, messages }));
    for (;;) {
      if (options.signal?.aborted) return await finish('interrupted', 'the run was interrupted');
      const decision = budget.beforeRequest(estimate, maxOutput);
      if (!decision.ok) {
        audit.write('stop', { limit: decision.limit, reason: decision.reason });
        return await finish('budget', decision.reason, decision.limit);
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
        if (error instanceof AgentError && error.kind === 'interrupted')
          return await finish('interrupted', 'the run was interrupted');
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
        return await finish('refused', 'the model declined to go on');
      messages.push({ role: 'assistant', content: asParams(message) });
      const calls = message.content.filter((block) => block.type === 'tool_use');
      const sentBefore = usage.input + usage.cacheRead + usage.cacheWrite + usage.output;
      if (calls.length === 0) {
        const { outcome, text } = lastFull ?? (await verifyStaged(endpoints));
        if (verificationHeld(outcome)) return await finish('verified', 'every check held');
        const reply = stillFailing(text);
        messages.push({ role: 'user', content: [{ type: 'text', text: reply }] });
        estimate = sentBefore + estimateTokens(reply);
        continue;
      }
      const results: ToolResultBlockParam[] = [];
      for (const [index, call] of calls.entries()) {
        audit.write('tool_call', { turn, id: call.id, name: call.name, input: call.input });
        const input = call.input as Record<string, unknown> | null;
        const detail = input?.['path'] ?? input?.['endpoint'] ?? '';
        progress({
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
          : await runTool(call.name, call.input, toolContext);
        if ('wrote' in result && result.wrote !== undefined) lastFull = undefined;
        audit.write('tool_result', {
          turn,
          id: call.id,
          name: call.name,
          is_error: result.isError,
          content: result.text,
        });
        if (result.isError) progress({ type: 'refused', name: call.name, message: result.text });
        results.push({
          type: 'tool_result',
          tool_use_id: call.id,
          content: result.text,
          ...(result.isError && { is_error: true }),
        });
      }
      if (lastFull && verificationHeld(lastFull.outcome))
        return await finish('verified', 'every check held');
      if (options.signal?.aborted) return await finish('interrupted', 'the run was interrupted');
      messages.push({ role: 'user', content: results });
      estimate = sentBefore + estimateTokens(JSON.stringify(results));
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
