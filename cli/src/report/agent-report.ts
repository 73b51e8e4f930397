import type { AgentProgress, AgentResult } from '@specl/agent';
import type { Colors } from './colors.js';

const count = (n: number) => n.toLocaleString('en-US');
const firstLine = (text: string, max = 100) => {
  const line = text.trim().split('\n')[0]!;
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** A step of a run as one line of progress (for a terminal), or nothing; `[agent]` before it. */
export function progressLine(event: AgentProgress, colors: Colors): string | undefined {
  const line = stepLine(event, colors);
  if (line === undefined || event.agent === undefined) return line;
  return `${colors.dim(`[${event.agent}]`)} ${line.trimStart()}`;
}

function stepLine(event: AgentProgress, colors: Colors): string | undefined {
  switch (event.type) {
    case 'request':
      return colors.cyan(`turn ${event.turn}/${event.maxTurns}`);
    case 'response':
      return colors.dim(
        `  ${count(event.tokens)} tokens, $${event.costUsd.toFixed(4)} so far${event.stopReason === 'max_tokens' ? ' (answer cut at max_tokens)' : ''}`,
      );
    case 'text':
      return `  ${colors.dim('claude:')} ${firstLine(event.text)}`;
    case 'attempt_failed':
      return colors.yellow(
        typeof event.what === 'number'
          ? `  the API answered ${event.what}`
          : `  the request failed: ${firstLine(event.what, 80)}`,
      );
    case 'tool':
      return `  ${event.name} ${event.detail}`.trimEnd();
    case 'refused':
      return colors.yellow(`    ✗ ${firstLine(event.message)}`);
    case 'review':
      return event.verdict === 'accept'
        ? colors.green('  critic: accepted')
        : colors.yellow(
            `  critic: ${event.objections} objection${event.objections === 1 ? '' : 's'}, sent back`,
          );
    case 'groups':
      return colors.cyan(
        `${event.groups.length} agents: ${event.groups.map((group) => group.join(', ')).join(' | ')}`,
      );
    case 'merge':
      return event.conflicts.length === 0
        ? colors.cyan(`merged ${event.files} files`)
        : colors.yellow(
            `merged ${event.files} files; written differently by several agents: ${event.conflicts.join(', ')}`,
          );
    case 'verification':
      if (event.error !== undefined) return colors.red(`  verify: ${firstLine(event.error)}`);
      return event.failed === 0
        ? colors.green(`  verify: all ${event.held} checks held`)
        : colors.red(`  verify: ${event.failed} failed, ${event.held} held`);
  }
}

/**
 * The end of a run: whether every check held (or why it stopped, with what held and what did
 * not), turns, tokens and cost, the files changed, whether they were written, and the logs.
 */
export function formatAgentSummary(
  result: AgentResult,
  colors: Colors,
  shown: (path: string) => string,
): string {
  const lines: string[] = [];
  if (result.outcome === 'verified')
    lines.push(colors.green(`✓ verified: ${result.reason} (${result.held.length} checks)`));
  else lines.push(colors.red(`✗ stopped: ${result.reason}`));
  if (result.outcome !== 'verified' && result.held.length + result.failed.length > 0) {
    lines.push(`  held: ${result.held.join(', ') || 'none'}`);
    lines.push(`  failed: ${result.failed.join(', ') || 'none'}`);
  }
  if (result.agents.length > 1)
    for (const agent of result.agents)
      lines.push(
        colors.dim(
          `  ${agent.id} (${agent.role}; ${agent.endpoints.join(', ')}): ${agent.outcome}, ${agent.turns} turns, $${agent.costUsd.toFixed(4)}`,
        ),
      );
  const { usage } = result;
  lines.push(
    `turns ${result.turns} · tokens ${count(result.tokens)} (input ${count(usage.input)} · output ${count(usage.output)} · cache write ${count(usage.cacheWrite)} · cache read ${count(usage.cacheRead)}) · $${result.costUsd.toFixed(4)} (${result.model}${result.priceKnown ? '' : ', price unknown: charged at the highest in the table'})`,
  );
  const files = result.edits.map(
    (edit) => `${shown(edit.path)}${edit.before === null ? ' (new)' : ''}`,
  );
  if (files.length === 0) lines.push('no file changed');
  else if (result.applied) lines.push(colors.green(`written: ${files.join(', ')}`));
  else {
    lines.push(`changed: ${files.join(', ')}`);
    const saved = result.savedDiff ? ` (the diff is saved in ${shown(result.savedDiff)})` : '';
    const why =
      result.outcome === 'interrupted'
        ? 'the run was interrupted'
        : result.outcome === 'conflict'
          ? "the groups' work conflicts"
          : result.outcome !== 'verified'
            ? 'the checks did not all hold'
            : undefined;
    lines.push(
      colors.yellow(
        why !== undefined
          ? `not written: ${why}${saved}`
          : `not written: run again with --yes to write the changes${saved}`,
      ),
    );
  }
  lines.push(colors.dim(`audit log: ${shown(result.auditLog)}`));
  return `${lines.join('\n')}\n`;
}
