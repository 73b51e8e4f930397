/** The commands the agent's code actions carry, as the server registers them. */
export const AGENT_COMMANDS = {
  implement: 'specl.agent.implement',
  repair: 'specl.agent.repair',
} as const;

/** What the agent is asked to do: write an endpoint, or repair it from its counterexample. */
export type AgentCommandMode = keyof typeof AGENT_COMMANDS;

/** The argument of an agent command: the spec and the endpoint in it. */
export interface AgentCommandArgs {
  /** The URI of the spec document that declares the endpoint. */
  readonly specUri: string;
  readonly endpoint: string;
}

/** The command's argument, if it is one (the editor sends back whatever the action carried). */
export function agentCommandArgs(args: readonly unknown[]): AgentCommandArgs | undefined {
  const [first] = args;
  if (typeof first !== 'object' || first === null) return undefined;
  const { specUri, endpoint } = first as Record<string, unknown>;
  return typeof specUri === 'string' && typeof endpoint === 'string'
    ? { specUri, endpoint }
    : undefined;
}
