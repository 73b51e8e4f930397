import type { ConstraintsIR, ExprIR, JsonValue, TypeIR } from '../../ir/spec-ir.js';
import { stringLiteral } from '../../ir/string-literal.js';

const numberSource = (value: number) => String(value);

type BinaryOp = Extract<ExprIR, { kind: 'binary' }>['op'];

/** Binary operators' precedence (1 loosest) and associativity, as the grammar has them. */
const BINARY: Readonly<Record<BinaryOp, readonly [number, 'left' | 'right' | 'none']>> = {
  implies: [1, 'right'],
  or: [2, 'left'],
  and: [3, 'left'],
  '==': [5, 'none'],
  '!=': [5, 'none'],
  '<': [5, 'none'],
  '<=': [5, 'none'],
  '>': [5, 'none'],
  '>=': [5, 'none'],
  in: [5, 'none'],
  '??': [6, 'right'],
  '+': [7, 'left'],
  '-': [7, 'left'],
  '*': [8, 'left'],
  '/': [8, 'left'],
  '%': [8, 'left'],
};

const NOT = 4;
const NEGATE = 9;
const POSTFIX = 10;
const PRIMARY = 11;

/** An expression's precedence level; a quantifier's is 0, as its predicate reaches to the end. */
function levelOf(e: ExprIR): number {
  switch (e.kind) {
    case 'binary':
      return BINARY[e.op][0];
    case 'unary':
      return e.op === 'not' ? NOT : NEGATE;
    case 'quantifier':
      return 0;
    case 'member':
    case 'enumMember':
      return POSTFIX;
    case 'literal':
      return typeof e.value === 'number' && e.value < 0 ? NEGATE : PRIMARY;
    default:
      return PRIMARY;
  }
}

/** The expression, in parentheses when its level is below `min` (a quantifier always is). */
function operand(e: ExprIR, min: number, strict = false): string {
  const level = levelOf(e);
  const text = exprSource(e);
  return level < min || (strict && level === min) || level === 0 ? `(${text})` : text;
}

function literalSource(value: number | string | boolean | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return numberSource(value);
  return String(value);
}

/**
 * An expression as Specl source, with the parentheses the grammar needs (and around every
 * quantifier that is an operand). Enum members are printed qualified (`Status.active`).
 */
export function exprSource(e: ExprIR): string {
  switch (e.kind) {
    case 'literal':
      return literalSource(e.value);
    case 'list':
      return `[${e.items.map(exprSource).join(', ')}]`;
    case 'record':
      return e.fields.length === 0
        ? '{}'
        : `{ ${e.fields.map((f) => `${f.name}: ${exprSource(f.value)}`).join(', ')} }`;
    case 'name':
      return e.name;
    case 'body':
      return 'body';
    case 'response':
      return 'response';
    case 'responseHeader':
      return `headers.${e.name}`;
    case 'enumMember':
      return `${e.enumName}.${e.member}`;
    case 'member':
      return `${operand(e.receiver, POSTFIX)}${e.optionalChain ? '?.' : '.'}${e.name}`;
    case 'unary':
      return e.op === 'not' ? `not ${operand(e.operand, NOT)}` : `-${operand(e.operand, NEGATE)}`;
    case 'binary': {
      const [level, assoc] = BINARY[e.op];
      const left = operand(e.left, level, assoc !== 'left');
      const right = operand(e.right, level, assoc !== 'right');
      return `${left} ${e.op} ${right}`;
    }
    case 'quantifier': {
      const collection = operand(e.collection, BINARY['??'][0]);
      return `${e.quantifier} ${e.variable} in ${collection}: ${exprSource(e.predicate)}`;
    }
    case 'builtin':
      return `${e.name}(${e.args.map(exprSource).join(', ')})`;
  }
}

/**
 * A constraint's or annotation's value as Specl writes it: a scalar, or (an example, a default)
 * a JSON value, keys bare where they are names.
 */
function valueSource(value: JsonValue): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (value === null || typeof value !== 'object') return String(value);
  if (Array.isArray(value)) return `[${value.map(valueSource).join(', ')}]`;
  const entries = Object.entries(value as Record<string, JsonValue>).map(
    ([key, v]) => `${/^[A-Za-z_]\w*$/.test(key) ? key : stringLiteral(key)}: ${valueSource(v)}`,
  );
  return entries.length === 0 ? '{}' : `{ ${entries.join(', ')} }`;
}

function constraintSource(name: string, value: JsonValue): string {
  return `${name}: ${valueSource(value)}`;
}

function withConstraints(text: string, constraints: ConstraintsIR): string {
  const entries = Object.entries(constraints) as [string, JsonValue][];
  if (entries.length === 0) return text;
  return `${text} { ${entries.map(([name, value]) => constraintSource(name, value)).join(', ')} }`;
}

/**
 * A type as Specl source: `Int { min: 1 }`, `List<Item>`, `Uuid?`. `nullable` puts a `?` where
 * the grammar has it, before the constraints (`Int? { min: 1 }`) and, on a union, on its last
 * option (`A | B?` is `(A | B)?`).
 */
export function typeSource(type: TypeIR, nullable = false): string {
  const mark = nullable ? '?' : '';
  switch (type.kind) {
    case 'primitive': {
      // A constant type is written as its value (`"card"`, `3`, `true`).
      const { const: value, ...others } = type.constraints;
      if (value === undefined) return withConstraints(`${type.name}${mark}`, type.constraints);
      const literal = typeof value === 'string' ? stringLiteral(value) : String(value);
      return withConstraints(`${literal}${mark}`, others);
    }
    case 'ref':
      return withConstraints(`${type.name}${mark}`, type.constraints);
    case 'list':
      return withConstraints(`List<${typeSource(type.element)}>${mark}`, type.constraints);
    case 'map':
      return withConstraints(`Map<${typeSource(type.value)}>${mark}`, type.constraints);
    case 'union':
      return type.options
        .map((option, i) => typeSource(option, nullable && i === type.options.length - 1))
        .join(' | ');
    case 'nullable':
      return typeSource(type.inner, true);
  }
}
