/**
 * Why a document cannot be imported: a message for the user, naming the place in the source
 * document (a JSON pointer, `#/paths/~1pets/get`) when there is one.
 */
export class ImportError extends Error {
  constructor(
    message: string,
    /** Where in the document, as a JSON pointer fragment (`#/components/schemas/Pet`). */
    readonly pointer?: string,
  ) {
    super(pointer === undefined ? message : `${pointer}: ${message}`);
    this.name = 'ImportError';
  }
}
