import type {
  AstNode,
  AstReflection,
  Cancellation,
  ValidationAcceptor,
  ValidationCategory,
  ValidationCheck,
} from 'langium';
import { ValidationRegistry } from 'langium';

const CONTEXT = 'An error occurred during validation';

/** A check as it was registered, with the `this` it is called with. */
export interface RegisteredCheck {
  readonly check: ValidationCheck;
  readonly thisObj: unknown;
}

/**
 * Langium's registry of checks, whose wrapper around each check (which turns an exception into
 * a diagnostic) answers at once for a check that answers at once, instead of making two promises
 * for every check of every node; a check that answers a promise is awaited as before. An
 * exception is handled by Langium's `handleException` as before.
 *
 * The document validator runs a node's checks through {@link runChecks}: the checks as they
 * were registered, one after the other, with one `try` for all of them instead of a wrapper
 * and a `try` for each (`specl check` runs about 200,000 checks at N = 5,000), and the same
 * results: an exception of one check is reported as the wrapper reports it, and the checks
 * after it still run.
 */
export class SpeclValidationRegistry extends ValidationRegistry {
  /** Each wrapper made, with the check it wraps. */
  private readonly registered = new Map<ValidationCheck, RegisteredCheck>();
  /** Each AST type's subtypes, itself included, made at the first registration. */
  private subtypes?: ReadonlyMap<string, readonly string[]>;

  /**
   * Langium's entry of a check under each subtype of its type, the subtypes listed once for all
   * types: Langium's `getAllSubTypes` asks `isSubtype` of every type for each type a check is
   * registered for (about 4,000 calls at every start, enough for V8 to optimise `isSubtype`).
   */
  protected override addEntry(
    type: string,
    entry: { check: ValidationCheck; category: ValidationCategory },
  ): void {
    if (type === 'AstNode') {
      super.addEntry(type, entry);
      return;
    }
    this.subtypes ??= subtypeLists(this.reflection);
    for (const subtype of this.subtypes.get(type) ?? []) this.entries.add(subtype, entry);
  }

  protected override wrapValidationException(
    check: ValidationCheck,
    thisObj: unknown,
  ): ValidationCheck {
    // The wrapper is one check run as runChecks runs a node's checks (one list made here).
    const registered: RegisteredCheck = { check, thisObj };
    const alone = [registered];
    const wrapped: ValidationCheck = (node, accept, cancelToken) =>
      this.runChecks(alone, node, accept, cancelToken);
    this.registered.set(wrapped, registered);
    return wrapped;
  }

  /**
   * The checks of a node type, in the order of `getChecks`, as they were registered (a check
   * this registry did not wrap is given wrapped, with no `this`): for {@link runChecks}.
   */
  registeredChecks(type: string, categories?: string[]): RegisteredCheck[] {
    return this.getChecks(type, categories)
      .map((wrapped) => this.registered.get(wrapped) ?? { check: wrapped, thisObj: undefined })
      .toArray();
  }

  /**
   * Runs the checks of one node, in order, as their wrappers would: undefined when every one
   * answered at once without an exception, otherwise a promise of the rest, which reports an
   * exception as the wrapper does and awaits a check that answers a promise.
   */
  runChecks(
    checks: readonly RegisteredCheck[],
    node: AstNode,
    accept: ValidationAcceptor,
    cancelToken: Cancellation.CancellationToken,
  ): Promise<void> | undefined {
    let i = 0;
    try {
      for (; i < checks.length; i++) {
        const { check, thisObj } = checks[i]!;
        const result = check.call(thisObj, node, accept, cancelToken);
        if (result !== undefined && typeof (result as Promise<void>).then === 'function') {
          const pending = this.handleException(() => result, CONTEXT, accept, node);
          return this.runRest(pending, checks, i + 1, node, accept, cancelToken);
        }
      }
    } catch (error) {
      const pending = this.handleThrown(error, accept, node);
      return this.runRest(pending, checks, i + 1, node, accept, cancelToken);
    }
    return undefined;
  }

  /** Awaits what a check left pending, then runs the checks from `from` on, each awaited. */
  private async runRest(
    pending: Promise<void>,
    checks: readonly RegisteredCheck[],
    from: number,
    node: AstNode,
    accept: ValidationAcceptor,
    cancelToken: Cancellation.CancellationToken,
  ): Promise<void> {
    await pending;
    for (let i = from; i < checks.length; i++) {
      const more = this.runChecks([checks[i]!], node, accept, cancelToken);
      if (more !== undefined) await more;
    }
  }

  /** Langium's handling of an exception: a diagnostic (or the cancellation thrown on). */
  private handleThrown(error: unknown, accept: ValidationAcceptor, node: AstNode): Promise<void> {
    return this.handleException(
      () => {
        throw error;
      },
      CONTEXT,
      accept,
      node,
    );
  }
}

/**
 * Each type's subtypes (itself among them) in the order of `getAllTypes`, as Langium's
 * `getAllSubTypes` lists them: a type is a subtype of itself and of every supertype of its
 * supertypes.
 */
function subtypeLists(reflection: AstReflection): Map<string, string[]> {
  const lists = new Map<string, string[]>();
  for (const type of reflection.getAllTypes()) {
    const seen = new Set<string>();
    const pending = [type];
    while (pending.length > 0) {
      const supertype = pending.pop()!;
      if (seen.has(supertype)) continue;
      seen.add(supertype);
      let list = lists.get(supertype);
      if (!list) lists.set(supertype, (list = []));
      list.push(type);
      pending.push(...reflection.getTypeMetaData(supertype).superTypes);
    }
  }
  return lists;
}
