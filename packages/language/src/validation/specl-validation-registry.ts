import type { ValidationCheck } from 'langium';
import { ValidationRegistry } from 'langium';

const CONTEXT = 'An error occurred during validation';

/**
 * Langium's registry of checks, whose wrapper around each check (which turns an exception into
 * a diagnostic) answers at once for a check that answers at once, instead of making two promises
 * for every check of every node; a check that answers a promise is awaited as before. An
 * exception is handled by Langium's `handleException` as before.
 */
export class SpeclValidationRegistry extends ValidationRegistry {
  protected override wrapValidationException(
    check: ValidationCheck,
    thisObj: unknown,
  ): ValidationCheck {
    return (node, accept, cancelToken) => {
      let result: ReturnType<ValidationCheck>;
      try {
        result = check.call(thisObj, node, accept, cancelToken);
      } catch (error) {
        // Langium's handling: a diagnostic (or the cancellation thrown on).
        return this.handleException(
          () => {
            throw error;
          },
          CONTEXT,
          accept,
          node,
        );
      }
      if (result === undefined || typeof (result as Promise<void>).then !== 'function') {
        return undefined;
      }
      return this.handleException(() => result, CONTEXT, accept, node);
    };
  }
}
