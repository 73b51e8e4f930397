import type { AstNode, LangiumDocument, LangiumSharedCoreServices } from 'langium';
import { AstUtils, URI } from 'langium';
import type { RecordDecl, SpecFile } from '../generated/ast.js';
import { isRecordDecl } from '../generated/ast.js';

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

/**
 * Adds the built-in documents to a workspace that lacks them, and answers those it added (to
 * be built with the user's documents).
 */
export function ensureBuiltinDocuments(shared: LangiumSharedCoreServices): LangiumDocument[] {
  const documents = shared.workspace.LangiumDocuments;
  const uri = URI.parse(OUTCOME_URI);
  if (documents.hasDocument(uri)) return [];
  const document = shared.workspace.LangiumDocumentFactory.fromString(OUTCOME_SOURCE, uri);
  documents.addDocument(document);
  return [document];
}

/** The built-in `Outcome` record (added to the workspace if it is not there yet). */
export function outcomeDeclaration(shared: LangiumSharedCoreServices): RecordDecl | undefined {
  ensureBuiltinDocuments(shared);
  const document = shared.workspace.LangiumDocuments.getDocument(URI.parse(OUTCOME_URI));
  const declaration = (document?.parseResult.value as SpecFile | undefined)?.declarations[0];
  return isRecordDecl(declaration) ? declaration : undefined;
}
