import type { LangiumDocument, LangiumSharedCoreServices, ReferenceInfo } from 'langium';
import { AstUtils, URI } from 'langium';
import type { SpecFile } from '../../generated/ast.js';
import { declarationSpan } from '../../workspace/declaration-span.js';
import { registerShadowDocument } from '../../workspace/shadow-documents.js';

/** The identifier that stands for the word being completed in a shadow document. */
export const PLACEHOLDER = '__specl_cursor__';

// What may follow the placeholder so that the text around it parses to a reference: alone
// (`response.|`, `x: |`), as an argument or field (`call(|`), or closing a call (`call(a: 1, |`).
const variants = [PLACEHOLDER, `${PLACEHOLDER}: 0`, `${PLACEHOLDER}: 0)`];

/** Where the cursor stands, seen through a shadow of the declaration it is in. */
export interface CursorContext {
  /** The declaration around the cursor, parsed with the placeholder in place of the word. */
  readonly shadow: LangiumDocument<SpecFile>;
  /** The shadow's text without the placeholder: the declaration up to the word, for keywords. */
  readonly textBefore: string;
  /** The reference the placeholder stands in, if it stands in one. */
  readonly reference?: ReferenceInfo;
  /** The word at the cursor, in the original document's offsets. */
  readonly wordStart: number;
  readonly wordEnd: number;
  /** Whether a declaration comes before the one at the cursor (the header and imports do not). */
  readonly afterDeclarations: boolean;
  /** The original text after the word (to avoid inserting what is already there). */
  readonly textAfter: string;
}

/**
 * Parses the top-level declaration around an offset (by the lines that start declarations)
 * with a placeholder in place of the word at the cursor, as a shadow document that resolves
 * names as the original does. Costs a parse of one declaration, not of the whole file.
 */
export function cursorContext(
  shared: LangiumSharedCoreServices,
  document: LangiumDocument,
  offset: number,
): CursorContext {
  const text = document.textDocument.getText();
  let wordStart = offset;
  while (wordStart > 0 && /\w/.test(text[wordStart - 1]!)) wordStart--;
  let wordEnd = offset;
  while (wordEnd < text.length && /\w/.test(text[wordEnd]!)) wordEnd++;
  const { start, end } = declarationSpan(text, wordStart);
  const before = text.slice(start, wordStart);
  const after = text.slice(wordEnd, end);
  const uri = URI.parse(`${document.uri.toString()}.cursor.specl`);
  let first: { shadow: LangiumDocument<SpecFile>; reference?: ReferenceInfo } | undefined;
  for (const variant of variants) {
    const shadow = shared.workspace.LangiumDocumentFactory.fromString<SpecFile>(
      before + variant + after,
      uri,
    );
    registerShadowDocument(shadow, document);
    const reference = referenceAt(shadow, before.length);
    first ??= { shadow };
    if (reference) {
      first = { shadow, reference };
      break;
    }
  }
  return {
    ...first!,
    textBefore: before,
    wordStart,
    wordEnd,
    afterDeclarations:
      start > 0 && /^(type|enum|error|endpoint|property)\b/m.test(text.slice(0, start)),
    textAfter: text.slice(wordEnd),
  };
}

/** The reference whose text starts at an offset of a document. */
function referenceAt(document: LangiumDocument, offset: number): ReferenceInfo | undefined {
  for (const node of AstUtils.streamAst(document.parseResult.value)) {
    const cst = node.$cstNode;
    if (!cst || offset < cst.offset || offset > cst.end) continue;
    for (const info of AstUtils.streamReferences(node)) {
      if (info.reference.$refNode?.offset === offset) return info;
    }
  }
  return undefined;
}
