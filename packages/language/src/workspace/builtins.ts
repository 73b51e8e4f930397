import type { AstNode } from 'langium';
import { AstUtils } from 'langium';

/** The scheme of Specl's built-in documents, which are never user files. */
export const BUILTIN_SCHEME = 'specl-builtin';

/** The built-in document that declares the members of a `try` call's outcome. */
export const OUTCOME_URI = `${BUILTIN_SCHEME}:///outcome.specl`;

/**
 * The members of `let r = try call(...)`. `value` and `error` are typed by the checker from
 * the call (the success body and the union of the declared errors); their types here are
 * placeholders that are never used.
 */
export const OUTCOME_SOURCE = `/// The outcome of a call made with \`try\`, which may fail.
type Outcome {
  /// Whether the call succeeded with a 2xx status.
  ok: Bool
  /// The HTTP status of the response.
  status: Int
  /// The success body; reading it from a failed call discards the run (as a failed precondition).
  value: Bool
  /// The error body, one of the endpoint's declared errors; null when the call succeeded.
  error: Bool
}
`;

/** Whether a node belongs to a built-in document. */
export function isBuiltinNode(node: AstNode): boolean {
  return AstUtils.getDocument(node).uri.scheme === BUILTIN_SCHEME;
}
