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
