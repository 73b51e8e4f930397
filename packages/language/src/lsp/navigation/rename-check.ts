import type { AstNode, LangiumDocument, Scope } from 'langium';
import { AstUtils, GrammarAST } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { SpecFile } from '../../generated/ast.js';
import {
  isBodyClause,
  isEndpoint,
  isEnumDecl,
  isEnumMember,
  isField,
  isForall,
  isLet,
  isNameRef,
  isProperty,
  isQuantifierVar,
  isSpread,
} from '../../generated/ast.js';
import { endpointParameters, localNames } from '../../scoping/local-names.js';
import type { SpeclScopeProvider } from '../../scoping/specl-scope-provider.js';
import { isRecordLike, recordFields } from '../../typing/records.js';
import type { RecordLike } from '../../typing/records.js';
import { isBuiltinNode } from '../../workspace/builtins.js';
import { importPathBetween, importedUris } from '../../workspace/imports.js';
import { declarationTypes } from '../../util/declaration-types.js';

/**
 * Why a node may not be renamed to `newName`, or undefined when it may. A rename must leave
 * the spec meaning what it meant: the new name must be a name (not a keyword), must not
 * clash with a name declared beside it, and must not capture a use of that name that
 * means something else now. The capture check is conservative: a bare use of the new name
 * anywhere the renamed node is visible refuses the rename.
 */
export function renameProblem(
  services: LangiumServices,
  target: AstNode & { name?: string },
  newName: string,
): string | undefined {
  const fixed = unrenamable(target);
  if (fixed) return fixed;
  if (!/^[_a-zA-Z]\w*$/.test(newName)) {
    return `\`${newName}\` is not a name: a name starts with a letter or \`_\` and goes on with letters, digits and \`_\``;
  }
  if (keywordsOf(services).has(newName)) {
    return `\`${newName}\` is a keyword of Specl and cannot be used as a name here`;
  }
  if (newName === target.name) return undefined;
  const clash = siblingClash(services, target, newName);
  if (clash) return clash;
  for (const root of visibilityRegion(services, target)) {
    for (const node of AstUtils.streamAst(root)) {
      if (isNameRef(node) && node.target.$refText === newName) {
        const line = (node.$cstNode?.range.start.line ?? 0) + 1;
        const where =
          AstUtils.getDocument(node) === AstUtils.getDocument(target)
            ? ''
            : ` of ${fileName(node)}`;
        return `\`${newName}\` is already used on line ${line}${where}, where renaming would change what it means`;
      }
    }
  }
  return undefined;
}

/** Why a node cannot be renamed at all, or undefined when it can be. */
export function unrenamable(target: AstNode & { name?: string }): string | undefined {
  if (isBuiltinNode(target)) return `\`${target.name}\` is built into Specl and cannot be renamed`;
  if (isBodyClause(target)) return 'the body is always named `body`';
  return undefined;
}

let keywords: Set<string> | undefined;

/** Every word that is a keyword somewhere in the grammar. */
function keywordsOf(services: LangiumServices): Set<string> {
  keywords ??= new Set(
    AstUtils.streamAllContents(services.Grammar)
      .filter(GrammarAST.isKeyword)
      .map((keyword) => keyword.value)
      .filter((value) => /^[A-Za-z_]\w*$/.test(value)),
  );
  return keywords;
}

/** A name declared beside the target (in the same namespace) that the new name would clash with. */
function siblingClash(
  services: LangiumServices,
  target: AstNode,
  newName: string,
): string | undefined {
  const taken = (names: Iterable<string | undefined>, where: string) =>
    [...names].includes(newName) ? `\`${newName}\` is already declared ${where}` : undefined;
  if (declarationTypes.has(target.$type)) {
    for (const document of documentsSeeing(services, AstUtils.getDocument(target))) {
      const scope: Scope = (
        services.references.ScopeProvider as SpeclScopeProvider
      ).visibleDeclarations(document.parseResult.value);
      const existing = scope.getElement(newName);
      if (existing) {
        const path = importPathBetween(AstUtils.getDocument(target).uri, existing.documentUri);
        return `\`${newName}\` is already declared${existing.documentUri.toString() === AstUtils.getDocument(target).uri.toString() ? ' in this file' : ` in ${path}`}`;
      }
    }
    return undefined;
  }
  const container = target.$container;
  if (isField(target) && isRecordLike(container)) {
    const owners = [container, ...spreadersOf(services, container)];
    for (const owner of owners) {
      const clash = taken(
        recordFields(owner).map((f) => f.name),
        `as a field of \`${owner.name}\``,
      );
      if (clash) return clash;
    }
    return undefined;
  }
  if (isEnumMember(target) && isEnumDecl(container)) {
    return taken(
      container.members.map((m) => m.name),
      `in \`${container.name}\``,
    );
  }
  const endpoint = AstUtils.getContainerOfType(target, isEndpoint);
  if (endpoint && !AstUtils.getContainerOfType(target, isProperty)) {
    return taken(
      endpointParameters(endpoint).map((p) => p.name),
      `as a parameter of \`${endpoint.name}\``,
    );
  }
  const property = AstUtils.getContainerOfType(target, isProperty);
  if (property && !isQuantifierVar(target)) {
    const bindings = property.statements.flatMap((s) =>
      isForall(s) ? s.variables.map((v) => v.name) : isLet(s) ? [s.name] : [],
    );
    return taken(bindings, `in \`${property.name}\``);
  }
  if (isQuantifierVar(target)) {
    return taken(localNames(target).keys(), 'in this scope');
  }
  return undefined;
}

/** The records that spread a record, directly or through others. */
function spreadersOf(services: LangiumServices, record: RecordLike): RecordLike[] {
  const found: RecordLike[] = [];
  const queue: RecordLike[] = [record];
  const documents = services.shared.workspace.LangiumDocuments;
  const locator = services.workspace.AstNodeLocator;
  while (queue.length > 0) {
    const current = queue.shift()!;
    for (const ref of services.references.References.findReferences(current, {})) {
      const source = documents.getDocument(ref.sourceUri);
      const owner = source && locator.getAstNode(source.parseResult.value, ref.sourcePath);
      const spreader = owner && isSpread(owner) ? owner.$container : undefined;
      if (spreader && isRecordLike(spreader) && !found.includes(spreader)) {
        found.push(spreader);
        queue.push(spreader);
      }
    }
  }
  return found;
}

/** The files whose scope sees a file's declarations: the file and those importing it. */
function documentsSeeing(services: LangiumServices, document: LangiumDocument): LangiumDocument[] {
  const uri = document.uri.toString();
  return [
    document,
    ...services.shared.workspace.LangiumDocuments.all
      .filter((d) => d !== document && importedUris(d as LangiumDocument<SpecFile>).includes(uri))
      .toArray(),
  ];
}

/** The nodes under which a bare use of the renamed node's new name could mean the renamed node. */
function visibilityRegion(services: LangiumServices, target: AstNode): AstNode[] {
  if (declarationTypes.has(target.$type)) {
    return documentsSeeing(services, AstUtils.getDocument(target)).map((d) => d.parseResult.value);
  }
  if (isField(target) && isRecordLike(target.$container)) {
    return [target.$container, ...spreadersOf(services, target.$container)];
  }
  let declaration: AstNode | undefined = target;
  while (declaration && !declarationTypes.has(declaration.$type))
    declaration = declaration.$container;
  return declaration ? [declaration] : [];
}

function fileName(node: AstNode): string {
  return AstUtils.getDocument(node).uri.path.split('/').pop() ?? '';
}
