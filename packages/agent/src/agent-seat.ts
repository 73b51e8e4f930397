import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { TextBlockParam, Tool } from '@anthropic-ai/sdk/resources/messages';
import { TYPES_FILE } from '@specl/compiler';
import { AgentError } from './agent-error.js';
import type { AgentOptions, AgentProgress } from './agent-options.js';
import type { PromptContext } from './agent-prompts.js';
import { systemInstructions } from './agent-prompts.js';
import { toolDefinitions } from './agent-tools.js';
import type { AuditLog } from './audit-log.js';
import type { BudgetLimits } from './budget.js';
import { DEFAULT_BUDGET } from './budget.js';
import { buildContract } from './contract-prompt.js';
import { ModelClient } from './model-client.js';
import type { ModelPrice } from './model-prices.js';
import { DEFAULT_MODEL, priceOf } from './model-prices.js';
import { DEFAULT_SANDBOX_LIMITS } from './sandbox/sandboxed-verifier.js';
import type { SandboxProtection } from './sandbox/sandbox-protection.js';
import { detectSandbox, sandboxOfKind } from './sandbox/sandbox-protection.js';
import type { VerificationGate } from './parallel/verification-gate.js';
import { StagedImpl } from './staged-impl.js';
import { StagedVerifier } from './staged-verifier.js';

/** What every agent of a run shares: the model, its price, the limits, the sandbox. */
export interface RunSetup {
  readonly apiKey: string;
  /** The endpoints in scope. */
  readonly scope: readonly string[];
  readonly model: string;
  readonly price: ModelPrice;
  readonly priceKnown: boolean;
  readonly limits: BudgetLimits;
  readonly entry: string;
  readonly displayBase: string;
  /** The implementation folder as the model sees it. */
  readonly folderShown: string;
  readonly sandbox: SandboxProtection;
  readonly maxOutput: number;
  readonly progress: (event: AgentProgress) => void;
}

/** The endpoints in scope: those asked for (each must exist), or all. */
export function scopeOf(options: AgentOptions): string[] {
  const known = options.ir.endpoints.map((endpoint) => endpoint.name);
  for (const name of options.endpoints ?? [])
    if (!known.includes(name))
      throw new AgentError(
        'usage',
        `the spec has no endpoint \`${name}\`; it has ${known.join(', ') || 'none'}`,
      );
  return options.endpoints && options.endpoints.length > 0 ? [...options.endpoints] : known;
}

/** Checks what a run needs before it may start (the key, the folder, the sandbox). */
export function runSetup(options: AgentOptions): RunSetup {
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
  const displayBase = options.displayBase ?? options.projectRoot;
  const sandbox = options.sandbox ? sandboxOfKind(options.sandbox) : detectSandbox();
  if (!sandbox.isolatesNetwork && options.unsafeRun !== true)
    throw new AgentError(
      'usage',
      `model-written code would run with only this protection: ${sandbox.description}. Install bubblewrap (Linux) for a full sandbox, or run \`specl implement\` with --unsafe-run to run it anyway (the editor never does)`,
    );
  return {
    apiKey: options.apiKey,
    scope,
    model,
    price,
    priceKnown,
    limits: { ...DEFAULT_BUDGET, ...options.budget },
    entry: options.entry ?? 'handlers.ts',
    displayBase,
    folderShown: relative(displayBase, options.implDir) || '.',
    sandbox,
    maxOutput: options.maxOutputTokens ?? 16_000,
    progress: options.onProgress ?? (() => {}),
  };
}

/** Progress told as one agent's (a run of one agent, without a critic, names none). */
export const progressOf =
  (setup: RunSetup, audit: AuditLog) =>
  (event: AgentProgress): void =>
    setup.progress(audit.agent.id === 'agent' ? event : { ...event, agent: audit.agent.id });

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

/** A client of the Messages API for one agent, its failed attempts logged as that agent's. */
export function modelClient(options: AgentOptions, setup: RunSetup, audit: AuditLog): ModelClient {
  return new ModelClient({
    apiKey: setup.apiKey,
    ...(options.baseURL !== undefined && { baseURL: options.baseURL }),
    timeoutMs: options.requestTimeoutMs ?? 600_000,
    maxRetries: options.maxRetries ?? 4,
    stream: options.stream ?? true,
    model: setup.model,
    onFailedAttempt: (what) => {
      audit.write('attempt_failed', { what });
      progressOf(setup, audit)({ type: 'attempt_failed', what });
    },
  });
}

/** One agent's place in a run: its staged copy, verifier, client, prompt and tools. */
export interface AgentSeat {
  readonly staged: StagedImpl;
  readonly verifier: StagedVerifier;
  readonly client: ModelClient;
  readonly context: PromptContext;
  /** The contract the agent works to (cached in every request). */
  readonly contract: string;
  readonly system: TextBlockParam[];
  readonly tools: Tool[];
  readonly audit: AuditLog;
  readonly scope: readonly string[];
  readonly progress: (event: AgentProgress) => void;
  /** Ends its verifications and removes its staged copy. */
  close(): void;
}

/** What is particular to one agent of a run. */
export interface SeatOptions {
  readonly audit: AuditLog;
  /** The endpoints it works on. */
  readonly scope: readonly string[];
  /** What it is told about the other agents working beside it, if any. */
  readonly parallel?: PromptContext['parallel'];
  /** Its staged copy (default: a new one of the implementation folder). */
  readonly staged?: StagedImpl;
  /** How many verifications the agents of a parallel run may run at once. */
  readonly gate?: VerificationGate;
}

/** Seats an agent: stages the folder (unless given a stage), starts its verifier and client. */
export function seatAgent(options: AgentOptions, setup: RunSetup, seat: SeatOptions): AgentSeat {
  const { audit, scope } = seat;
  const progress = progressOf(setup, audit);
  const staged = seat.staged ?? StagedImpl.create(options.implDir, dirname(options.specFile));
  const verifier = new StagedVerifier({
    ir: options.ir,
    staged,
    entry: setup.entry,
    scope,
    runs: options.runs ?? 100,
    ...(options.seed !== undefined && { seed: options.seed }),
    timeoutMs: options.verifyTimeoutMs ?? 120_000,
    ...(options.signal && { signal: options.signal }),
    folderShown: setup.folderShown,
    audit,
    progress,
    sandbox: setup.sandbox,
    limits: { ...DEFAULT_SANDBOX_LIMITS, ...options.sandboxLimits },
    ownPropertiesOnly: seat.parallel !== undefined,
    ...(seat.gate && { gate: seat.gate }),
  });
  const client = modelClient(options, setup, audit);
  const context: PromptContext = {
    folder: setup.folderShown,
    entry: setup.entry,
    typesImport: typesSpecifier(
      staged.folder.real,
      setup.entry,
      options.typesModule ?? join(dirname(options.specFile), 'generated', TYPES_FILE),
    ),
    endpoints: scope,
    allEndpoints: scope.length === options.ir.endpoints.length,
    ...(seat.parallel && { parallel: seat.parallel }),
  };
  const steeringFile = join(options.projectRoot, '.specl', 'steering.md');
  const contract = buildContract({
    ir: options.ir,
    specDir: dirname(options.specFile),
    endpoints: scope,
    ...(existsSync(steeringFile) && { steering: readFileSync(steeringFile, 'utf8') }),
  });
  return {
    staged,
    verifier,
    client,
    context,
    contract,
    system: [
      { type: 'text', text: systemInstructions(context) },
      { type: 'text', text: contract, cache_control: { type: 'ephemeral' } },
    ],
    tools: toolDefinitions(scope),
    audit,
    scope,
    progress,
    close() {
      verifier.close();
      staged.dispose();
    },
  };
}
