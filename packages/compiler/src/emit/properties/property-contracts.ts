import type { EndpointIR, ExprIR, PropertyIR, StatementIR, TypeIR } from '../../ir/spec-ir.js';
import type { TranslationContext } from '../typescript/translate-expression.js';
import { translateExpression } from '../typescript/translate-expression.js';
import { propertyAccess, propertyKey, tsString } from '../typescript/ts-syntax.js';
import { elementOf, fieldOf } from '../typescript/type-lookup.js';
import { exprSource } from '../openapi/expr-source.js';
import { ArbitraryWriter } from './arbitrary-of-type.js';
import {
  at,
  errorType,
  successType,
  successTypeIR,
  typeCode,
  validatorOf,
} from './endpoint-contracts.js';
import type { PropertiesContext } from './properties-context.js';
import { RequestValues } from './request-values.js';

type LetStatement = Extract<StatementIR, { kind: 'let' }>;

/** A generated input of a property: a `forall` variable, or a parameter a call leaves open. */
interface Input {
  readonly key: string;
  readonly type: TypeIR;
  /** Whether the input is sent as a header (so only visible ASCII). */
  readonly header?: boolean;
  /** Whether the input is sent as a body (so without readOnly fields). */
  readonly body?: boolean;
}

/** The parameters (and body) a call must send but does not give: generated, as inputs. */
function openParameters(statement: LetStatement, endpoint: EndpointIR): Input[] {
  const given = new Set(statement.call!.args.map((arg) => arg.name));
  const params = [...endpoint.pathParams, ...endpoint.query, ...endpoint.headers];
  const open: Input[] = params
    .filter((param) => !param.optional && !given.has(param.name))
    .map((param) => ({
      key: `${statement.name}.${param.name}`,
      type: param.type,
      header: endpoint.headers.includes(param),
    }));
  if (endpoint.body && !given.has('body'))
    open.push({ key: `${statement.name}.body`, type: endpoint.body, body: true });
  return open;
}

/** The code of the property's `contract<Name>` constant name: `propertyBalanceDecreasesByDays`. */
export function propertyName(property: PropertyIR): string {
  return `property${property.name.charAt(0).toUpperCase()}${property.name.slice(1)}`;
}

/** The names of `let` bindings an expression reads. */
function letsIn(expr: ExprIR): string[] {
  switch (expr.kind) {
    case 'name':
      return expr.scope === 'let' ? [expr.name] : [];
    case 'list':
      return expr.items.flatMap(letsIn);
    case 'record':
      return expr.fields.flatMap((field) => letsIn(field.value));
    case 'member':
      return letsIn(expr.receiver);
    case 'unary':
      return letsIn(expr.operand);
    case 'binary':
      return [...letsIn(expr.left), ...letsIn(expr.right)];
    case 'quantifier':
      return [...letsIn(expr.collection), ...letsIn(expr.predicate)];
    case 'builtin':
      return expr.args.flatMap(letsIn);
    default:
      return [];
  }
}

/** The names of `let` bindings a statement reads. */
function letsRead(statement: StatementIR): string[] {
  switch (statement.kind) {
    case 'forall':
      return statement.where ? letsIn(statement.where.expr) : [];
    case 'expect':
      return letsIn(statement.condition.expr);
    case 'let':
      return statement.call
        ? statement.call.args.flatMap((arg) => letsIn(arg.value))
        : letsIn(statement.value!);
  }
}

class PropertyWriter {
  private readonly endpoints: ReadonlyMap<string, EndpointIR>;
  /** What each `let` binding is: its code and, when known, its Specl type. */
  private readonly lets = new Map<string, { code: string; type?: TypeIR }>();
  private readonly variables = new Map<string, TypeIR>();
  /** The `let` bindings a step reads: the others are not bound to a constant. */
  private readonly read: ReadonlySet<string>;

  constructor(
    private readonly property: PropertyIR,
    private readonly context: PropertiesContext,
    private readonly requestValues: RequestValues,
  ) {
    this.endpoints = new Map(context.ir.endpoints.map((e) => [e.name, e]));
    this.read = new Set(property.statements.flatMap(letsRead));
    for (const statement of property.statements)
      if (statement.kind === 'forall')
        for (const variable of statement.variables)
          this.variables.set(variable.name, variable.type);
  }

  private translation(): TranslationContext {
    return {
      resolve: (reference) => {
        if (reference.kind !== 'name')
          throw new Error(`property ${this.property.name} reads ${reference.kind}`);
        const bound = this.lets.get(reference.name);
        if (bound) return bound;
        const type = this.variables.get(reference.name);
        if (type === undefined)
          throw new Error(`property ${this.property.name} reads ${reference.name}, never bound`);
        return { code: `inputs${propertyAccess(reference.name)}`, type };
      },
      helper: (name) => this.context.imports.helper(name),
      types: this.context.types,
      reserved: ['inputs', 'session'],
    };
  }

  private endpoint(statement: LetStatement): EndpointIR {
    const endpoint = this.endpoints.get(statement.call!.endpoint);
    if (endpoint === undefined) throw new Error(`no endpoint ${statement.call!.endpoint}`);
    return endpoint;
  }

  inputs(): Input[] {
    const variables = [...this.variables].map(([key, type]) => ({ key, type }));
    const open = this.property.statements.flatMap((statement) =>
      statement.kind === 'let' && statement.call
        ? openParameters(statement, this.endpoint(statement))
        : [],
    );
    return [...variables, ...open];
  }

  /** The arbitrary of the inputs: `forall` variables (their `where` holding) and open parameters. */
  inputsArbitrary(inputs: readonly Input[], inputsType: string): string {
    const writer = new ArbitraryWriter(this.context);
    const bodies = new ArbitraryWriter(this.context, undefined, 'request');
    const fields = inputs.map((input) => {
      const arbitrary = input.header
        ? writer.headerValue(input.type)
        : (input.body ? bodies : writer).of(input.type);
      return `${propertyKey(input.key, true)}: ${arbitrary}`;
    });
    const plain = `fc.record<${inputsType}>({ ${fields.join(', ')} }, { noNullPrototype: true })`;
    // Values across the inputs are tied to each other at times (equal, prefix, case variant),
    // kept only where every input still has its type (and a header stays visible ASCII).
    // (Written only for two inputs or more: an import nothing uses is a strict-TypeScript error.)
    const checks = () =>
      inputs.map((input) => {
        const value = `inputs${propertyAccess(input.key)}`;
        const typed = `(${validatorOf(input.type, this.context)})(${value}).ok`;
        return input.header
          ? `${typed} && (typeof ${value} !== 'string' || /^[!-~]+$/.test(${value}))`
          : typed;
      });
    const record =
      inputs.length < 2
        ? plain
        : `${this.context.imports.helper('relatedValues')}(${plain}, (inputs) => ${checks().join(' && ')})`;
    const wheres = this.property.statements.flatMap((s) =>
      s.kind === 'forall' && s.where ? [s.where] : [],
    );
    if (wheres.length === 0) return record;
    const conditions = wheres.map(
      (where) => `(${translateExpression(where.expr, this.translation())})`,
    );
    const what = `inputs of property ${this.property.name} satisfying ${wheres.map((w) => `${w.source} (${at(w.location)})`).join(', ')}`;
    return `${record}.filter(${this.context.imports.helper('boundedFilter')}(${tsString(what)}, (inputs) => ${conditions.join(' && ')}))`;
  }

  /** The steps of `run`, in the order written. */
  steps(): string[] {
    return this.property.statements.flatMap((statement) => this.step(statement));
  }

  private step(statement: StatementIR): string[] {
    switch (statement.kind) {
      case 'forall':
        return [];
      case 'expect': {
        const { condition } = statement;
        const clause = `{ source: ${tsString(condition.source)}, at: ${tsString(at(condition.location))} }`;
        return [
          `session.expect(${clause}, () => ${translateExpression(condition.expr, this.translation())});`,
        ];
      }
      case 'let':
        return this.letStep(statement);
    }
  }

  private letStep(statement: LetStatement): string[] {
    const code = `$${statement.name}`;
    if (statement.call === undefined) {
      const value = translateExpression(statement.value!, this.translation());
      this.lets.set(statement.name, { code });
      return [`const ${code} = ${value};`];
    }
    const endpoint = this.endpoint(statement);
    const translation = this.translation();
    // A body is sent as a request carries it (whatever value the property gives, readOnly
    // fields left out).
    const args = statement.call.args.map((arg) => {
      const code = translateExpression(arg.value, translation);
      const sent =
        arg.name === 'body' && endpoint.body
          ? this.requestValues.convert(endpoint.body, code)
          : code;
      return `${propertyKey(arg.name, true)}: ${sent}`;
    });
    for (const open of openParameters(statement, endpoint))
      args.push(
        `${propertyKey(open.key.slice(statement.name.length + 1), true)}: inputs${propertyAccess(open.key)}`,
      );
    const request = `{ ${args.join(', ')} }`;
    const name = tsString(endpoint.name);
    if (statement.pages) return this.pagesStep(statement, endpoint, request);
    const method = statement.try ? 'attempt' : 'call';
    // A binding nothing reads is a call made for its effect (and its checks) alone.
    if (!this.read.has(statement.name)) return [`await session.${method}(${name}, ${request});`];
    if (statement.try) {
      const outcome = this.context.imports.type('Outcome');
      this.lets.set(statement.name, { code });
      return [
        `const ${code} = (await session.attempt(${name}, ${request})) as ${outcome}<${successType(endpoint, this.context)}, ${errorType(endpoint, this.context)}>;`,
      ];
    }
    const type = successTypeIR(endpoint);
    this.lets.set(statement.name, { code, ...(type && { type }) });
    return [
      `const ${code} = (await session.call(${name}, ${request})) as ${successType(endpoint, this.context)};`,
    ];
  }

  /** `let x = pages CALL`: every page walked through the session, the items bound as a list. */
  private pagesStep(statement: LetStatement, endpoint: EndpointIR, request: string): string[] {
    const pagination = endpoint.pagination;
    if (pagination === undefined) throw new Error(`${endpoint.name} is not paginated`);
    const call = statement.call!;
    const args = call.args.map((arg) => `${arg.name}: ${exprSource(arg.value)}`).join(', ');
    const walk = [
      `source: ${tsString(`pages ${call.endpoint}(${args})`)}`,
      `at: ${tsString(at(statement.location))}`,
      ...(pagination.by === 'link'
        ? [`by: 'link'`]
        : [
            `cursorParameter: ${tsString(pagination.cursorParameter)}`,
            `nextCursor: [${pagination.nextCursor.map(tsString).join(', ')}]`,
          ]),
      `items: [${pagination.items.map(tsString).join(', ')}]`,
    ];
    const sent = `session.pages(${tsString(endpoint.name)}, ${request}, { ${walk.join(', ')} })`;
    if (!this.read.has(statement.name)) return [`await ${sent};`];
    const code = `$${statement.name}`;
    const items = this.pagesType(endpoint, pagination.items);
    this.lets.set(statement.name, { code, ...(items && { type: items }) });
    const cast = items ? typeCode(items, this.context) : 'unknown[]';
    return [`const ${code} = (await ${sent}) as ${cast};`];
  }

  /** The type of all the pages' items: the list at the items path of the success body. */
  private pagesType(endpoint: EndpointIR, path: readonly string[]): TypeIR | undefined {
    let type = successTypeIR(endpoint);
    for (const name of path) {
      const field = fieldOf(type, name, this.context.types);
      type = field?.type;
    }
    const element = elementOf(type, this.context.types);
    return element && { kind: 'list', element, constraints: {} };
  }

  calls(): string[] {
    const names = this.property.statements.flatMap((s) =>
      s.kind === 'let' && s.call ? [s.call.endpoint] : [],
    );
    return [...new Set(names)];
  }

  expects(): string[] {
    return this.property.statements.flatMap((s) =>
      s.kind === 'expect'
        ? [`{ source: ${tsString(s.condition.source)}, at: ${tsString(at(s.condition.location))} }`]
        : [],
    );
  }
}

function inputsTypeOf(inputs: readonly Input[], context: PropertiesContext): string {
  if (inputs.length === 0) return 'Record<string, never>';
  return `{ ${inputs.map((input) => `${propertyKey(input.key, true)}: ${typeCode(input.type, context)}`).join('; ')} }`;
}

function propertyContract(
  property: PropertyIR,
  context: PropertiesContext,
  requestValues: RequestValues,
): string[] {
  const writer = new PropertyWriter(property, context, requestValues);
  const inputs = writer.inputs();
  const inputsType = inputsTypeOf(inputs, context);
  const arbitrary = writer.inputsArbitrary(inputs, inputsType);
  const steps = writer.steps();
  const type = `${context.imports.type('PropertyContract')}<${inputsType}>`;
  const reads = steps.some((step) => step.includes('inputs')) ? 'inputs' : '_inputs';
  return [
    '',
    `/** ${property.description ? `${property.description} ` : ''}(property \`${property.name}\`, ${at(property.location)}) */`,
    `export const ${propertyName(property)}: ${type} = {`,
    `  name: ${tsString(property.name)},`,
    `  at: ${tsString(at(property.location))},`,
    ...(property.description ? [`  description: ${tsString(property.description)},`] : []),
    `  calls: [${writer.calls().map(tsString).join(', ')}],`,
    `  expects: [${writer.expects().join(', ')}],`,
    `  inputs: ${arbitrary},`,
    `  async run(${reads}, session) {`,
    ...steps.map((step) => `    ${step}`),
    '  },',
    '};',
  ];
}

/**
 * The written properties of `properties.ts`: one `property<Name>` constant each (the inputs to
 * generate, and the steps: calls through a session that checks every answer, and `expect`s),
 * and a `properties` table by name. Expressions are translated to TypeScript here, once.
 */
export function propertiesSection(context: PropertiesContext): string[] {
  const { ir } = context;
  const type = context.imports.type('PropertyContract');
  const requestValues = new RequestValues(context);
  const contracts = ir.properties.flatMap((p) => propertyContract(p, context, requestValues));
  return [
    '// Properties ' + '-'.repeat(87),
    ...contracts,
    ...requestValues.functions(),
    '',
    '/** Every written property, by name. */',
    `export const properties: Readonly<Record<string, ${type}>> = {`,
    ...ir.properties.map((p) => `  ${propertyKey(p.name, true)}: ${propertyName(p)},`),
    '};',
  ];
}
