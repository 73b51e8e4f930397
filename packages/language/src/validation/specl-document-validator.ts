import type {
  AstNode,
  LangiumCoreServices,
  LangiumDocument,
  ParseResult,
  ValidationAcceptor,
  ValidationOptions,
} from 'langium';
import {
  Cancellation,
  CstUtils,
  DefaultDocumentValidator,
  DocumentValidator,
  interruptAndCheck,
} from 'langium';
import { pushChildren } from '../util/ast-children.js';
import type { SpecFile } from '../generated/ast.js';
import type { Diagnostic } from 'vscode-languageserver-types';
import { LinkingMessages } from './linking-messages.js';
import type { DiagnosticFix } from './fixes.js';
import { changeTo } from './fixes.js';
import { friendlyLexerMessage, friendlyParserMessage } from './syntax-messages.js';
import { diagnosticMessage } from './report.js';
import type { RegisteredCheck } from './specl-validation-registry.js';
import { SpeclValidationRegistry } from './specl-validation-registry.js';

/**
 * Langium's document validator with Specl's codes and messages for the errors it finds
 * before the checks run: lexing and parsing errors (`specl/syntax-error`) and names that did
 * not resolve (`specl/unknown-type`, `specl/unknown-name`, ...).
 */
export class SpeclDocumentValidator extends DefaultDocumentValidator {
  private readonly linkingMessages: LinkingMessages;

  constructor(services: LangiumCoreServices) {
    super(services);
    this.linkingMessages = new LinkingMessages(services);
  }

  /**
   * A file with syntax errors reports only those: the checks after parsing would run on a
   * recovered tree and mostly repeat the same mistake in other words. Diagnostics come in
   * the order `specl check` prints them: by position, then code, then message.
   */
  override async validateDocument(
    document: LangiumDocument,
    options: ValidationOptions = {},
    cancelToken?: Cancellation.CancellationToken,
  ): Promise<Diagnostic[]> {
    const diagnostics = await super.validateDocument(
      document,
      { stopAfterLexingErrors: true, stopAfterParsingErrors: true, ...options },
      cancelToken,
    );
    return diagnostics.sort(byPosition);
  }

  /**
   * Langium's walk over the nodes and their checks, in the same order, without an iterator for
   * every node and a stream for every node's checks (the checks of a type are looked up once a
   * walk), and through Specl's registry without a wrapper for every check (see
   * {@link SpeclValidationRegistry.runChecks}). Cancellation is looked at every 256 nodes.
   */
  protected override async validateAstNodes(
    rootNode: AstNode,
    options: ValidationOptions,
    acceptor: ValidationAcceptor,
    cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None,
  ): Promise<void> {
    const registry = this.validationRegistry;
    if (this.profiler?.isActive('validating') || !(registry instanceof SpeclValidationRegistry)) {
      return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
    }
    const checksOf = new Map<string, RegisteredCheck[]>();
    const stack: AstNode[] = [rootNode];
    let count = 0;
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (cancelToken !== Cancellation.CancellationToken.None && (++count & 255) === 0) {
        await interruptAndCheck(cancelToken);
      }
      const nodeOptions = this.validateSingleNodeOptions(node, options);
      if (nodeOptions.validateNode) {
        let checks = checksOf.get(node.$type);
        if (!checks) {
          checks = registry.registeredChecks(node.$type, options.categories);
          checksOf.set(node.$type, checks);
        }
        if (checks.length > 0) {
          const pending = registry.runChecks(checks, node, acceptor, cancelToken);
          if (pending !== undefined) await pending;
        }
      }
      if (nodeOptions.validateChildren) pushChildren(node, stack);
    }
  }

  protected override processLexingErrors(
    parseResult: ParseResult,
    diagnostics: Diagnostic[],
    options: ValidationOptions,
  ): void {
    const start = diagnostics.length;
    super.processLexingErrors(parseResult, diagnostics, options);
    const lexing = diagnostics.splice(start);
    // One stray character often comes with its twin on the line (`'a'`): report it once.
    const seen = new Set<string>();
    for (const diagnostic of lexing) {
      diagnostic.code = 'specl/syntax-error';
      diagnostic.message = friendlyLexerMessage(diagnostic.message);
      const key = `${diagnostic.range.start.line}:${diagnostic.message}`;
      if (!seen.has(key)) diagnostics.push(diagnostic);
      seen.add(key);
    }
  }

  protected override processParsingErrors(
    parseResult: ParseResult,
    diagnostics: Diagnostic[],
    _options: ValidationOptions,
  ): void {
    const text = parseResult.value.$cstNode?.root.fullText ?? '';
    const pathComment = parseResult.parserErrors.length > 0 ? findCommentInPath(text) : undefined;
    if (pathComment) {
      // `/a//b {`: the `//` started a comment that hid the rest of the line, and the errors on
      // the lines it broke are its consequences; report it once instead of them.
      diagnostics.push({
        severity: 1,
        range: pathComment.range,
        message: diagnosticMessage('specl/syntax-error', 'commentInPath', {}),
        code: 'specl/syntax-error',
        source: 'specl',
        data: { code: DocumentValidator.ParsingError },
      });
    }
    for (const error of parseResult.parserErrors) {
      if (pathComment && pathComment.covers(error.token.startLine ?? error.token.endLine ?? 0))
        continue;
      const token = isNaN(error.token.startOffset)
        ? (error as { previousToken?: typeof error.token }).previousToken
        : error.token;
      const range =
        token && !isNaN(token.startOffset)
          ? error.token === token
            ? CstUtils.tokenToRange(token)
            : {
                start: { line: token.endLine! - 1, character: token.endColumn! },
                end: { line: token.endLine! - 1, character: token.endColumn! },
              }
          : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      // The nesting guard's errors are already in Specl's words.
      const message =
        error.name === 'NestingError'
          ? error.message
          : friendlyParserMessage({
              message: error.message,
              found: error.token.image ?? '',
              ruleStack: error.context?.ruleStack ?? [],
            });
      diagnostics.push({
        severity: 1,
        range,
        message,
        code: 'specl/syntax-error',
        source: 'specl',
        data: { code: DocumentValidator.ParsingError },
      });
    }
  }

  protected override processLinkingErrors(
    document: LangiumDocument,
    diagnostics: Diagnostic[],
    _options: ValidationOptions,
  ): void {
    // Indexed: an iterator's result for each of a spec's references, to find the few that failed.
    const references = document.references;
    for (let i = 0; i < references.length; i++) {
      const reference = references[i]!;
      const error = reference.error;
      if (!error) continue;
      const explained = this.linkingMessages.explain(error);
      if (!explained) continue;
      const fixes = [
        ...changeTo(explained.replacement, reference.$refNode?.range),
        ...(explained.importPath ? [addImport(document, explained.importPath)] : []),
      ];
      diagnostics.push(
        this.toDiagnostic('error', explained.message, {
          node: error.info.container,
          range: reference.$refNode?.range,
          property: error.info.property,
          index: error.info.index,
          code: explained.code,
          data: {
            code: DocumentValidator.LinkingError,
            refText: reference.$refText,
            ...(fixes.length > 0 ? { fixes } : {}),
          },
        } as never),
      );
    }
  }
}

/** The fix that adds `import "path"` after the file's imports (or its header, or at its top). */
function addImport(document: LangiumDocument, path: string): DiagnosticFix {
  const file = document.parseResult.value as SpecFile;
  const anchor = file.imports[file.imports.length - 1] ?? file.header;
  const line = anchor?.$cstNode ? anchor.$cstNode.range.end.line + 1 : 0;
  const at = { line, character: 0 };
  return {
    title: `Add \`import "${path}"\``,
    edits: [{ range: { start: at, end: at }, newText: `import "${path}"\n` }],
  };
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  const compare = (x: unknown, y: unknown) => {
    const [p, q] = [String(x ?? ''), String(y ?? '')];
    return p < q ? -1 : p > q ? 1 : 0;
  };
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    compare(a.code, b.code) ||
    compare(a.message, b.message)
  );
}

const topLevelKeyword = /^\s*(type|enum|error|endpoint|property|import|spec)\b/;

/**
 * Where an endpoint's path holds `//` (which the lexer reads as a comment), if one does, and
 * which lines (1-based, as Chevrotain counts) up to the next declaration its errors may be on.
 */
function findCommentInPath(
  text: string,
): { range: Diagnostic['range']; covers(line: number): boolean } | undefined {
  const segment = String.raw`(?:[^\s/{]|\{[^}]*\})`;
  const path = new RegExp(
    String.raw`^\s*endpoint\s+\w+\s+\w+\s+\/${segment}*(?:\/${segment}+)*\/\/`,
  );
  const lines = text.split('\n');
  for (const [line, content] of lines.entries()) {
    const match = path.exec(content);
    // Only a comment that hid the endpoint's `{` breaks the parse; otherwise the endpoint
    // check reports the `//` once the file parses.
    if (!match || !content.slice(match[0].length).includes('{')) continue;
    const character = match[0].length - 2;
    let next = line + 1;
    while (next < lines.length && !topLevelKeyword.test(lines[next]!)) next++;
    return {
      range: { start: { line, character }, end: { line, character: character + 2 } },
      // Errors at the end of the file belong to it too, when no declaration follows.
      covers: (errorLine) => Number.isNaN(errorLine) || (errorLine > line && errorLine <= next + 1),
    };
  }
  return undefined;
}
