import type { ConditionIR, SourceLocation } from '../../ir/spec-ir.js';
import type { LocationText, SpeclCondition } from './openapi-document.js';

/** A source location as `file:line:column` (the file relative to the root spec's folder). */
export function locationText(location: SourceLocation): LocationText {
  return `${location.file}:${location.line}:${location.column}`;
}

/** A condition as an `x-specl-*` entry: its source text and where it was written. */
export function speclCondition(condition: ConditionIR): SpeclCondition {
  return { source: condition.source, location: locationText(condition.location) };
}

/** The `x-specl-*` key and its conditions, or nothing when there are none. */
export function conditionsExtension<K extends string>(
  key: K,
  conditions: readonly ConditionIR[],
): { [P in K]?: SpeclCondition[] } {
  if (conditions.length === 0) return {};
  return { [key]: conditions.map(speclCondition) } as { [P in K]?: SpeclCondition[] };
}
