import type { AgentProgress } from '@specl/agent';

/** A step of an agent run as one line of the editor's progress, or nothing for steps not shown. */
export function agentProgressMessage(event: AgentProgress): string | undefined {
  switch (event.type) {
    case 'request':
      return `turn ${event.turn} of at most ${event.maxTurns}: asking the model`;
    case 'response':
      return `turn ${event.turn}: ${event.tokens} tokens so far, $${event.costUsd.toFixed(2)}`;
    case 'tool':
      return event.detail === '' ? event.name : `${event.name} ${event.detail}`;
    case 'refused':
      return `refused ${event.name}`;
    case 'attempt_failed':
      return `the API failed (${event.what}); retrying`;
    case 'verification':
      return event.error !== undefined
        ? `verification failed to run: ${event.error}`
        : `verified: ${event.held} held, ${event.failed} failed`;
    case 'text':
      return undefined;
  }
}
