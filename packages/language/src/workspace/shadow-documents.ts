import type { LangiumDocument } from 'langium';
import { DocumentState } from 'langium';

const originals = new WeakMap<LangiumDocument, LangiumDocument>();

/**
 * Marks `shadow` as a stand-in for part of `original`: a short document parsed from a piece
 * of the original's text (such as the declaration being edited, with a placeholder at the
 * cursor), whose names resolve as they would in the original: it sees what the original
 * imports and declares. Editor features use shadows to answer quickly in large files.
 */
export function registerShadowDocument(shadow: LangiumDocument, original: LangiumDocument): void {
  originals.set(shadow, originals.get(original) ?? original);
  // Its scopes are the original's, ready: its references may be resolved at once.
  shadow.state = DocumentState.ComputedScopes;
}

/** The document whose names a document sees: its original if it is a shadow, else itself. */
export function scopeDocumentOf(document: LangiumDocument): LangiumDocument {
  return originals.get(document) ?? document;
}

/** Whether a document is a shadow (file-level checks do not apply to it: it is not a file). */
export function isShadowDocument(document: LangiumDocument): boolean {
  return originals.has(document);
}
