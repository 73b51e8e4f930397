import type { ErrorIR, FieldIR, RecordIR, TypeDeclIR } from '../../ir/spec-ir.js';
import { translateExpression } from '../typescript/translate-expression.js';
import { propertyAccess, propertyKey, tsString } from '../typescript/ts-syntax.js';
import type { Effective } from './arbitrary-constraints.js';
import { NONE, join } from './arbitrary-constraints.js';
import { ArbitraryWriter, MAX_DEPTH } from './arbitrary-of-type.js';
import { invariantUse, isHiddenIn } from '../../ir/directional-types.js';
import type { InvariantPlan } from './invariant-plan.js';
import { planInvariants } from './invariant-plan.js';
import type { PropertiesContext } from './properties-context.js';

/** A constant's TypeScript code (a literal or an enum member, translated as anywhere else). */
function constantCode(context: PropertiesContext, expr: Parameters<typeof translateExpression>[0]) {
  return translateExpression(expr, {
    resolve: () => {
      throw new Error('a constant reads no names');
    },
    helper: (name) => context.imports.helper(name),
    types: context.types,
  });
}

/** A field's arbitrary, shaped by the invariant plan: pinned, chosen or bounded. */
function fieldArbitrary(
  field: FieldIR,
  plan: InvariantPlan,
  writer: ArbitraryWriter,
  context: PropertiesContext,
  depth?: string,
): string {
  const choices = plan.choices.get(field.name);
  if (choices !== undefined) {
    const codes = choices.map((choice) => constantCode(context, choice));
    return codes.length === 1 ? `fc.constant(${codes[0]})` : `fc.constantFrom(${codes.join(', ')})`;
  }
  const bounds = plan.bounds.get(field.name);
  const outer: Effective = bounds ? join(bounds, NONE) : NONE;
  return writer.of(field.type, depth, outer);
}

/** `.map` that swaps each pair of fields out of order (`end >= start`): both of one type. */
function orderingMap(plan: InvariantPlan): string {
  const shaped = (name: string) => plan.choices.has(name) || plan.bounds.has(name);
  const orders = plan.orders.filter((order) => !shaped(order.low) && !shaped(order.high));
  if (orders.length === 0) return '';
  const swaps = orders.map(({ low, high }) => {
    const [l, h] = [`value${propertyAccess(low)}`, `value${propertyAccess(high)}`];
    return `if (${l} > ${h}) [${l}, ${h}] = [${h}, ${l}];`;
  });
  return `.map((generated) => { const value = { ...generated }; ${swaps.join(' ')} return value; })`;
}

/**
 * The final filter of a record with invariants: every invariant (from `types.ts`) must hold.
 * Construction makes it pass at once for the forms {@link planInvariants} reads; for others it
 * is a bounded filter, which stops with a clear error rather than loop on a condition random
 * values never meet.
 */
function invariantFilter(
  decl: RecordIR | ErrorIR,
  context: PropertiesContext,
  written: RecordIR | ErrorIR,
): string {
  if (decl.invariants.length === 0) return '';
  const all = context.fromTypes.value(context.names.invariants(decl.name));
  // The invariants kept (a request's, see `asRequested`), by their place in the table.
  const table =
    decl.invariants.length === written.invariants.length
      ? all
      : `[${decl.invariants.map((invariant) => `${all}[${written.invariants.indexOf(invariant)}]!`).join(', ')}]`;
  const conditions = decl.invariants
    .map(
      (invariant) =>
        `${invariant.source} (${invariant.location.file}:${invariant.location.line}:${invariant.location.column})`,
    )
    .join(', ');
  const what = `a value of ${decl.name} satisfying ${conditions}`;
  // A request's value has no readOnly fields, which the invariants kept do not read.
  const typed =
    decl === written
      ? 'value'
      : `value as unknown as ${context.fromTypes.type(context.names.type(decl.name))}`;
  return `.filter(${context.imports.helper('boundedFilter')}(${tsString(what)}, (value) => ${table}.every((invariant) => invariant.holds(${typed}))))`;
}

/**
 * A record as a request carries it: without its readOnly fields, and with the invariants that
 * hold of such values whatever they are (see `invariantUse`; one about a readOnly field says
 * nothing of a value without it).
 */
function asRequested(decl: RecordIR | ErrorIR, context: PropertiesContext): RecordIR | ErrorIR {
  const fields = decl.fields.filter((field) => !isHiddenIn(field, 'request'));
  const differs = (name: string) => context.names.isDirectional(name, 'request');
  const invariants = decl.invariants.filter(
    (invariant) => invariantUse(decl, invariant, 'request', differs).kind === 'always',
  );
  if (fields.length === decl.fields.length && invariants.length === decl.invariants.length)
    return decl;
  return { ...decl, fields, invariants };
}

function recordArbitrary(
  written: RecordIR | ErrorIR,
  context: PropertiesContext,
  depth?: string,
  direction?: 'request',
) {
  const decl = direction ? asRequested(written, context) : written;
  const owner = depth === undefined ? undefined : decl.name;
  const writer = new ArbitraryWriter(context, owner, direction);
  const plan = planInvariants(decl);
  const record = (d: string | undefined, cut: boolean) => {
    const kept = decl.fields.filter(
      (f) => !plan.absent.has(f.name) && !(cut && f.optional && writer.recurses(f.type)),
    );
    // At the bottom, an optional field that leads back to recursion is left out.
    const fields = kept.map(
      (f) => `${propertyKey(f.name, true)}: ${fieldArbitrary(f, plan, writer, context, d)}`,
    );
    const required = kept.filter((f) => !f.optional).map((f) => tsString(f.name));
    return `fc.record({ ${fields.join(', ')} }, { requiredKeys: [${required.join(', ')}], noNullPrototype: true })`;
  };
  const cuts =
    depth !== undefined && decl.fields.some((f) => f.optional && writer.recurses(f.type));
  const body = cuts
    ? `(${depth} > 0 ? ${record(depth, false)} : ${record(depth, true)})`
    : record(depth, false);
  return `${withOtherFields(body, decl, writer, depth)}${orderingMap(plan)}${invariantFilter(decl, context, written)}`;
}

/**
 * An open record's arbitrary (`...Map<T>`): the record's own fields with up to two others of
 * type `T`, named by short strings that are none of its fields (at most 8 characters, so never
 * `__proto__`). A record that is not open is left as it is.
 */
function withOtherFields(
  body: string,
  decl: RecordIR | ErrorIR,
  writer: ArbitraryWriter,
  depth: string | undefined,
): string {
  if (!decl.openFields) return body;
  const known = decl.fields.map((f) => tsString(f.name)).join(', ');
  const key = `fc.string({ minLength: 1, maxLength: 8 }).filter((key) => ![${known}].includes(key))`;
  const others = `fc.dictionary(${key}, ${writer.of(decl.openFields, depth)}, { maxKeys: 2, noNullPrototype: true })`;
  const bounded =
    depth !== undefined && writer.recurses(decl.openFields)
      ? `(${depth} > 0 ? ${others} : fc.constant({}))`
      : others;
  return `fc.tuple(${body}, ${bounded}).map(([own, more]) => ({ ...more, ...own }))`;
}

function declarationArbitrary(
  decl: TypeDeclIR,
  context: PropertiesContext,
  depth?: string,
  direction?: 'request',
) {
  switch (decl.kind) {
    case 'enum': {
      const type = context.fromTypes.type(context.names.type(decl.name));
      return `fc.constantFrom<${type}>(${decl.members.map((m) => tsString(m.name)).join(', ')})`;
    }
    case 'alias': {
      const owner = depth === undefined ? undefined : decl.name;
      return new ArbitraryWriter(context, owner, direction).of(decl.type, depth);
    }
    default:
      return recordArbitrary(decl, context, depth, direction);
  }
}

/**
 * The builder function of a named type: memoised, per depth for a recursive type; with
 * `'request'`, the builder of its values as requests carry them (see `requestBuilder`), typed
 * as the type though its readOnly fields are left out.
 */
function builderFunction(
  decl: TypeDeclIR,
  context: PropertiesContext,
  direction?: 'request',
): string[] {
  const type = context.fromTypes.type(context.names.type(decl.name));
  const recursive = context.recursive.has(decl.name);
  const tag = direction ? `${decl.name}$request` : decl.name;
  const key = recursive ? `\`${tag}@\${depth}\`` : tsString(tag);
  const body = declarationArbitrary(decl, context, recursive ? 'depth' : undefined, direction);
  const name = direction ? context.requestBuilder(decl.name) : context.builder(decl.name);
  const value = direction ? `(${body}) as unknown as fc.Arbitrary<${type}>` : body;
  return [
    `function ${name}(${recursive ? 'depth: number' : ''}): fc.Arbitrary<${type}> {`,
    `  return memo(${key}, (): fc.Arbitrary<${type}> => ${value});`,
    '}',
  ];
}

/**
 * The arbitraries of `properties.ts`: one fast-check arbitrary per named type
 * (`arbitraryOf<Type>`) and an `arbitraries` map by type name. Values satisfy their types and
 * constraints by construction (bounds, lengths in code points, patterns, formats, item counts,
 * uniqueness; alias constraints joined with a use site's), and record invariants as far as
 * {@link planInvariants} reads them, the rest by a bounded filter; recursive types are
 * generated to a bounded depth. Written after the endpoints and properties sections, whose
 * request bodies say which request builders are needed.
 */
export function arbitrariesSection(context: PropertiesContext): string[] {
  const { ir, names } = context;
  const plain = new Map(ir.types.map((decl) => [decl.name, builderFunction(decl, context)]));
  // The request builders asked for by the endpoints and properties (written before this
  // section), and those they ask for in turn, until no new one is asked for.
  const request = new Map<string, string[]>();
  for (let grew = true; grew;) {
    grew = false;
    for (const decl of ir.types) {
      if (request.has(decl.name) || !context.requestBuildersUsed.has(decl.name)) continue;
      request.set(decl.name, builderFunction(decl, context, 'request'));
      grew = true;
    }
  }
  const builders = ir.types.flatMap((decl) => [
    '',
    ...plain.get(decl.name)!,
    ...(request.has(decl.name) ? ['', ...request.get(decl.name)!] : []),
  ]);
  const exported = ir.types.flatMap((decl) => [
    '',
    `/** Values of {@link ${names.type(decl.name)}}, meeting its constraints${decl.kind === 'record' || decl.kind === 'error' ? ' and invariants' : ''}. */`,
    `export const ${context.arbitrary(decl.name)}: fc.Arbitrary<${names.type(decl.name)}> = ${context.builder(decl.name)}(${context.recursive.has(decl.name) ? MAX_DEPTH : ''});`,
  ]);
  return [
    '// Arbitraries ' + '-'.repeat(86),
    '',
    ...(context.recursive.size > 0
      ? [
          '/** How deep recursive types nest: each optional, nullable or list level spends one. */',
          `const ${MAX_DEPTH} = 2;`,
          '',
        ]
      : []),
    'const built = new Map<string, fc.Arbitrary<unknown>>();',
    '',
    '/** Builds an arbitrary once per key. */',
    'function memo<T>(key: string, build: () => fc.Arbitrary<T>): fc.Arbitrary<T> {',
    '  let arbitrary = built.get(key) as fc.Arbitrary<T> | undefined;',
    '  if (arbitrary === undefined) {',
    '    arbitrary = build();',
    '    built.set(key, arbitrary);',
    '  }',
    '  return arbitrary;',
    '}',
    ...builders,
    ...exported,
    '',
    '/** Every arbitrary, by type name. */',
    'export const arbitraries: Readonly<Record<string, fc.Arbitrary<unknown>>> = {',
    ...ir.types.map(
      (decl) => `  ${propertyKey(decl.name, true)}: ${context.arbitrary(decl.name)},`,
    ),
    '};',
  ];
}
