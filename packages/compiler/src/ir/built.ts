/**
 * An object of the IR or of an emitted document while it is built key by key.
 *
 * Node 20's V8 builds an object literal with keys after a spread (`{ ...a, b }`,
 * `{ a, ...(c && { d }), e }`) on a slow path, about ten times the plain literal's cost. Hot
 * code builds such objects by assigning each optional key in turn instead, in the order the
 * literal had: key order is part of the output (the fingerprint and the emitted JSON follow
 * it), and a key is never set to `undefined` (IR goes through JSON in workers and caches).
 */
export type Built<T> = { -readonly [K in keyof T]?: T[K] };
