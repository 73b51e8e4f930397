import { deepEqual } from './deep-equal.js';

/**
 * Specl's `x in list`: whether some item of the list equals the value structurally (see
 * {@link deepEqual}). An absent list holds nothing.
 */
export function inList(value: unknown, list: readonly unknown[] | null | undefined): boolean {
  return list !== null && list !== undefined && list.some((item) => deepEqual(item, value));
}
