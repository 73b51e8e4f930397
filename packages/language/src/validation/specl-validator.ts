import type { ValidationAcceptor, ValidationChecks } from 'langium';
import { AstUtils } from 'langium';
import { isShadowDocument } from '../workspace/shadow-documents.js';
import type { Expression, SpeclAstType } from '../generated/ast.js';
import { checkInvariantSatisfiability } from './invariant-satisfiability.js';
import { checkInhabitation } from './inhabitation-check.js';
import type { ServicesWithChecks } from './specl-check-services.js';
import { checkDiscriminator } from './discriminator-checks.js';
import { checkOpenedOnce } from './open-record-checks.js';
import { checkLatencyBudget } from './latency-checks.js';
import { checkPagesWalk, checkPaginatedClause } from './pagination-checks.js';
import { checkHeadersDecl, checkWithHeaders } from './response-header-checks.js';
import { checkEndpointMedia } from './endpoint-media-checks.js';

/**
 * Registers every Specl check with Langium's validation registry, by AST node type, calling
 * the check classes of the services (`checks.*`, see specl-check-services.ts).
 */
export function registerSpeclChecks(services: ServicesWithChecks): void {
  const {
    Declarations: declarations,
    Endpoints: endpoints,
    Constraints: constraints,
    Expressions: expressions,
    RecordLiterals: recordLiterals,
    Calls: calls,
    Properties: properties,
    Metadata: metadata,
  } = services.checks;
  const condition = (node: { expr?: Expression; where?: Expression }, accept: ValidationAcceptor) =>
    expressions.checkCondition(node.expr ?? node.where, accept);

  const checks: ValidationChecks<SpeclAstType> = {
    // Checks of the whole file; a shadow of one declaration (see shadow-documents.ts) is no file.
    SpecFile: (file, accept) => {
      if (isShadowDocument(AstUtils.getDocument(file))) return;
      declarations.checkImports(file, accept);
      declarations.checkSpecPresent(file, accept);
      declarations.checkDuplicateDeclarations(file, accept);
      endpoints.checkRoutes(file, accept);
      checkInhabitation(file, accept);
    },
    SpecHeader: [
      (header, accept) => declarations.checkSpecHeader(header, accept),
      (header, accept) => metadata.checkHeader(header, accept),
    ],
    AuthDecl: (decl, accept) => metadata.checkAuth(decl, accept),
    SecurityClause: (clause, accept) => metadata.checkSecurity(clause, accept),
    TagsClause: (clause, accept) => metadata.checkTags(clause, accept),
    LatencyBudget: (budget, accept) => checkLatencyBudget(budget, accept),
    PaginatedClause: (clause, accept) => checkPaginatedClause(clause, accept),
    BodyClause: (clause, accept) => metadata.checkMediaTypes(clause, accept),
    ResponseClause: [
      (clause, accept) => metadata.checkMediaTypes(clause, accept),
      (clause, accept) => checkWithHeaders(clause, accept),
    ],
    HeadersDecl: (decl, accept) => checkHeadersDecl(decl, accept),
    RecordDecl: [
      (decl, accept) => declarations.checkRecordFields(decl, accept),
      (decl, accept) => checkOpenedOnce(decl, accept),
      (decl, accept) => checkInvariantSatisfiability(decl, accept),
    ],
    ErrorDecl: [
      (decl, accept) => declarations.checkRecordFields(decl, accept),
      (decl, accept) => checkOpenedOnce(decl, accept),
      (decl, accept) => endpoints.checkErrorStatus(decl, accept),
      (decl, accept) => metadata.checkMediaTypes(decl, accept),
      (decl, accept) => checkWithHeaders(decl, accept),
      (decl, accept) => checkInvariantSatisfiability(decl, accept),
    ],
    Spread: (spread, accept) => declarations.checkSpread(spread, accept),
    EnumDecl: (decl, accept) => declarations.checkEnum(decl, accept),
    AliasDecl: [
      (decl, accept) => declarations.checkAlias(decl, accept),
      (decl, accept) => checkDiscriminator(decl, accept),
    ],
    TypeRef: [
      (ref, accept) => declarations.checkTypeRefTarget(ref, accept),
      (ref, accept) => constraints.checkTypeRef(ref, accept),
    ],
    Endpoint: [
      (endpoint, accept) => endpoints.checkEndpoint(endpoint, accept),
      (endpoint, accept) => checkEndpointMedia(endpoint, accept),
    ],
    Invariant: condition,
    RequiresClause: condition,
    EnsuresClause: condition,
    Expect: condition,
    Forall: condition,
    Property: [
      (property, accept) => properties.checkBindingOrder(property, accept),
      (property, accept) => properties.checkDuplicateBindings(property, accept),
    ],

    Let: [
      (binding, accept) => properties.checkLet(binding, accept),
      (binding, accept) => checkPagesWalk(binding, accept),
    ],
    BinaryExpr: (expr, accept) => expressions.checkBinary(expr, accept),
    UnaryExpr: (expr, accept) => expressions.checkUnary(expr, accept),
    MemberAccess: (expr, accept) => expressions.checkMemberAccess(expr, accept),
    NameRef: (expr, accept) => expressions.checkNameRef(expr, accept),
    BodyRef: (expr, accept) => expressions.checkBodyRef(expr, accept),
    ResponseRef: (expr, accept) => expressions.checkResponseRef(expr, accept),
    Quantifier: (expr, accept) => expressions.checkQuantifier(expr, accept),
    BuiltinCall: (expr, accept) => expressions.checkBuiltinCall(expr, accept),
    ListLiteral: (expr, accept) => expressions.checkListLiteral(expr, accept),
    RecordLiteral: (expr, accept) => recordLiterals.checkRecordLiteral(expr, accept),
    EndpointCall: (expr, accept) => calls.checkEndpointCall(expr, accept),
  };
  services.validation.ValidationRegistry.register(checks);
}
