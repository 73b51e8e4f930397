import { LoweredLocation } from '@specl/compiler';

/**
 * A copy of an IR (or any value) whose lowered locations are plain objects and arrays, as a
 * worker's or the cache's IR has them (their classes serve only the fingerprint, made in
 * lowering); every other object keeps its prototype (the user's JSON values have none).
 */
export function withPlainLocations<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof LoweredLocation) {
    return { file: value.file, line: value.line, column: value.column };
  }
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (const item of value as unknown[]) items.push(copy(item));
    return items;
  }
  const copied = Object.create(Object.getPrototypeOf(value) as object | null) as Record<
    string,
    unknown
  >;
  for (const [key, item] of Object.entries(value)) copied[key] = copy(item);
  return copied;
}
