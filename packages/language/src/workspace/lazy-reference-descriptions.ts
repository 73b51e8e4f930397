import type {
  AstNode,
  AstNodeDescription,
  CstNode,
  URI,
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
import {
  affectedSince,
  fileUnits,
  unitClock,
  unitReferences,
  unitsKeptByLink,
} from './file-units.js';
import { RESPONSE_HEADERS_TYPE } from '../typing/response-header-reads.js';

/**
 * The index of references (what find-references and rename read): the descriptions Langium's
 * provider makes, in the same order, but each one's `sourcePath` and `segment` (the reference's
 * place, from its CST) computed when read, and the AST walked without streams (no iterator and
 * promise for every node), one top-level node at a time. The language server indexes every
 * reference of a file at each full check, and reads a few of them when asked; the segments alone
 * kept a range (three objects) for every reference of the workspace. After an edit, the
 * descriptions of a top-level node whose links the linker kept are kept too.
 */
export class LazyReferenceDescriptionProvider implements ReferenceDescriptionProvider {
  private readonly nodeLocator: AstNodeLocator;
  /**
   * The descriptions of each top-level node's references, kept while the links of its
   * references are (see `unitsKeptByLink`): after an edit, those of the declarations the edit
   * did not reach are not made again.
   */
  private readonly described = new WeakMap<
    AstNode,
    { readonly stamp: number; readonly descriptions: ReferenceDescription[] }
  >();

  constructor(services: LangiumCoreServices) {
    this.nodeLocator = services.workspace.AstNodeLocator;
  }

  async createDescriptions(
    document: LangiumDocument,
    cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
  ): Promise<ReferenceDescription[]> {
    const kept = unitsKeptByLink(document);
    const stamp = unitClock();
    const descriptions: ReferenceDescription[] = [];
    let count = 0;
    for (const unit of fileUnits(document.parseResult.value)) {
      if (cancelToken !== Cancellation.CancellationToken.None && (++count & 63) === 0) {
        await interruptAndCheck(cancelToken);
      }
      // Kept by the last link, and not affected since they were made (by a link whose index
      // update was cancelled, say).
      const before = kept?.has(unit) ? this.described.get(unit) : undefined;
      let ofUnit =
        before && !affectedSince(document, unit, before.stamp) ? before.descriptions : undefined;
      if (!ofUnit) {
        const made: ReferenceDescription[] = [];
        for (const info of await unitReferences(unit)) this.describe(info, document, made);
        this.described.set(unit, { stamp, descriptions: (ofUnit = made) });
      }
      for (const description of ofUnit) descriptions.push(description);
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
    // `headers` in an `ensures` links to its endpoint but is no use of it: renaming the
    // endpoint, or finding its references, must not touch it.
    items = items.filter((item) => item.type !== RESPONSE_HEADERS_TYPE);
    if (items.length === 0) return;
    const place = new ReferencePlace(this.nodeLocator, info.container, reference.$refNode);
    for (const item of items) {
      into.push(new LazyReferenceDescription(document.uri, item, place));
    }
  }
}

/** Where a reference stands, worked out when first read (shared by its descriptions). */
class ReferencePlace {
  private path: string | undefined;

  constructor(
    private readonly locator: AstNodeLocator,
    private readonly container: AstNode,
    private readonly refNode: CstNode,
  ) {}

  get sourcePath(): string {
    return (this.path ??= this.locator.getAstNodePath(this.container));
  }

  /** Read from the CST each time: a description outlives edits that move the text around it. */
  get segment(): ReferenceDescription['segment'] {
    return CstUtils.toDocumentSegment(this.refNode);
  }
}

/** A reference's description: one object, its place read from a {@link ReferencePlace}. */
class LazyReferenceDescription implements ReferenceDescription {
  readonly targetUri: URI;
  readonly targetPath: string;
  readonly local: boolean;

  constructor(
    readonly sourceUri: URI,
    target: AstNodeDescription,
    private readonly place: ReferencePlace,
  ) {
    this.targetUri = target.documentUri;
    this.targetPath = target.path;
    this.local = UriUtils.equals(target.documentUri, sourceUri);
  }

  get sourcePath(): string {
    return this.place.sourcePath;
  }

  get segment(): ReferenceDescription['segment'] {
    return this.place.segment;
  }
}
