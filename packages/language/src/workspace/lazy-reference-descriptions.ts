import type {
  AstNode,
  AstNodeDescription,
  AstNodeLocator,
  LangiumCoreServices,
  LangiumDocument,
  ReferenceDescription,
  ReferenceDescriptionProvider,
  ReferenceInfo,
} from 'langium';
import {
  Cancellation,
  CstUtils,
  UriUtils,
  interruptAndCheck,
  isMultiReference,
  isReference,
} from 'langium';
import { pushChildren } from '../util/ast-children.js';

/**
 * The index of references (what find-references and rename read): the descriptions Langium's
 * provider makes, in the same order, but each one's `sourcePath` and `segment` (the reference's
 * place, from its CST) computed when first read, and the AST walked without streams (no
 * iterator and promise for every node: cancellation is looked at every 256 nodes). The language
 * server indexes every reference of a file at each full check, and reads a few of them when
 * asked; the segments alone kept a range (three objects) for every reference of the workspace.
 */
export class LazyReferenceDescriptionProvider implements ReferenceDescriptionProvider {
  private readonly nodeLocator: AstNodeLocator;

  constructor(services: LangiumCoreServices) {
    this.nodeLocator = services.workspace.AstNodeLocator;
  }

  async createDescriptions(
    document: LangiumDocument,
    cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
  ): Promise<ReferenceDescription[]> {
    const descriptions: ReferenceDescription[] = [];
    const stack: AstNode[] = [document.parseResult.value];
    let count = 0;
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (cancelToken !== Cancellation.CancellationToken.None && (++count & 255) === 0) {
        await interruptAndCheck(cancelToken);
      }
      const record = node as unknown as Record<string, unknown>;
      for (const property of Object.keys(node)) {
        if (property.charCodeAt(0) === 36 /* $ */) continue;
        const value = record[property];
        if (isReference(value) || isMultiReference(value)) {
          this.describe({ reference: value, container: node, property }, document, descriptions);
        } else if (Array.isArray(value)) {
          for (let index = 0; index < value.length; index++) {
            const item: unknown = value[index];
            // As `streamReferences`: a multi-reference is found in a list by the list's type.
            if (isReference(item) || isMultiReference(value)) {
              const info = { reference: item as never, container: node, property, index };
              this.describe(info, document, descriptions);
            }
          }
        }
      }
      pushChildren(node, stack);
    }
    return descriptions;
  }

  /** Langium's `createInfoDescriptions`, with `sourcePath` and `segment` made when read. */
  private describe(
    info: ReferenceInfo,
    document: LangiumDocument,
    into: ReferenceDescription[],
  ): void {
    const reference = info.reference;
    if (reference.error || !reference.$refNode) return;
    let items: AstNodeDescription[] = [];
    if (isReference(reference) && reference.$nodeDescription) {
      items = [reference.$nodeDescription];
    } else if (isMultiReference(reference)) {
      items = reference.items.flatMap((item) => item.$nodeDescription ?? []);
    }
    if (items.length === 0) return;
    const sourceUri = document.uri;
    const locator = this.nodeLocator;
    let sourcePath: string | undefined;
    let segment: ReferenceDescription['segment'] | undefined;
    const refNode = reference.$refNode;
    const container = info.container;
    for (const item of items) {
      into.push({
        sourceUri,
        get sourcePath() {
          return (sourcePath ??= locator.getAstNodePath(container));
        },
        targetUri: item.documentUri,
        targetPath: item.path,
        get segment() {
          return (segment ??= CstUtils.toDocumentSegment(refNode));
        },
        local: UriUtils.equals(item.documentUri, sourceUri),
      });
    }
  }
}
