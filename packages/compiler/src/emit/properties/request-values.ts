import type { TypeIR } from '../../ir/spec-ir.js';
import { directionalTypes, isHiddenIn } from '../../ir/directional-types.js';
import { tsString } from '../typescript/ts-syntax.js';
import { constraintsLiteral } from '../typescript/type-text.js';
import { validatorOf } from './endpoint-contracts.js';
import type { PropertiesContext } from './properties-context.js';
import { mentions } from './type-mentions.js';

/**
 * Writes the code that turns a value into what a request carries: its readOnly fields left out,
 * at any depth. A property's body argument is any value of the body's type (a `forall`
 * variable, a record written in place, a value a call answered), which may have them; the
 * server sets them, so a request never sends them. Each named type that differs in requests
 * gets one `requestValueOf<Name>` function, written once (see {@link functions}).
 */
export class RequestValues {
  private readonly differing: ReadonlySet<string>;
  private readonly wanted = new Set<string>();

  constructor(private readonly context: PropertiesContext) {
    this.differing = directionalTypes(context.ir, 'request');
  }

  /** Whether a value of the type may carry a readOnly field somewhere. */
  private differs(type: TypeIR): boolean {
    return mentions(type).some((name) => this.differing.has(name));
  }

  private functionName(name: string): string {
    this.wanted.add(name);
    return `requestValueOf${name}`;
  }

  /** The code of `code` (any expression) as a request carries a value of `type`. */
  convert(type: TypeIR, code: string): string {
    if (!this.differs(type)) return code;
    if (type.kind === 'ref' && constraintsLiteral(type.constraints) === undefined)
      return `${this.functionName(type.name)}(${code})`;
    return `((value: unknown): unknown => ${this.of(type, 'value')})(${code})`;
  }

  /** The code of the value in variable `value` (an identifier) as a request carries it. */
  private of(type: TypeIR, value: string): string {
    if (!this.differs(type)) return value;
    const item = `${value}Item`;
    switch (type.kind) {
      case 'ref':
        return `${this.functionName(type.name)}(${value})`;
      case 'list':
        return `(Array.isArray(${value}) ? ${value}.map((${item}: unknown) => ${this.of(type.element, item)}) : ${value})`;
      case 'map':
        return `(${this.isObject(value)} ? Object.fromEntries(Object.entries(${value}).map(([key, ${item}]) => [key, ${this.of(type.value, item)}])) : ${value})`;
      case 'nullable':
        return `(${value} === null ? null : ${this.of(type.inner, value)})`;
      case 'union': {
        // The first option (that differs) the value is one of, read as a response may carry it.
        const differing = type.options.filter((option) => this.differs(option));
        return differing.reduceRight(
          (otherwise, option) =>
            `((${validatorOf(option, this.context, 'response')})(${value}).ok ? ${this.of(option, value)} : ${otherwise})`,
          value,
        );
      }
      case 'primitive':
        return value;
    }
  }

  private isObject(value: string): string {
    return `${this.context.imports.helper('isObject')}(${value})`;
  }

  /** The body of `requestValueOf<Name>`. */
  private body(name: string): string[] {
    const decl = this.context.types.get(name)!;
    if (decl.kind === 'enum') return ['return value;'];
    if (decl.kind === 'alias') return [`return ${this.of(decl.type, 'value')};`];
    const hidden = decl.fields.filter((f) => isHiddenIn(f, 'request')).map((f) => f.name);
    const converted = decl.fields.filter((f) => !hidden.includes(f.name) && this.differs(f.type));
    const known = decl.fields.map((f) => tsString(f.name)).join(', ');
    const others =
      decl.openFields && this.differs(decl.openFields)
        ? `![${known}].includes(key) ? ${this.of(decl.openFields, 'item')} : item`
        : 'item';
    const fieldValue = converted.reduceRight(
      (otherwise, field) =>
        `key === ${tsString(field.name)} ? ${this.of(field.type, 'item')} : ${otherwise}`,
      others,
    );
    const kept =
      hidden.length === 0
        ? ''
        : `.filter(([key]) => ![${hidden.map((n) => tsString(n)).join(', ')}].includes(key))`;
    return [
      `if (!${this.isObject('value')}) return value;`,
      `return Object.fromEntries(Object.entries(value)${kept}.map(([key, item]) => [key, ${fieldValue}]));`,
    ];
  }

  /** The `requestValueOf<Name>` functions the converted values use, in name order. */
  functions(): string[] {
    const written = new Set<string>();
    const lines: string[][] = [];
    // Writing one function may want others (the types of its fields): until none is left.
    for (let next = this.next(written); next !== undefined; next = this.next(written)) {
      written.add(next);
      lines.push([
        '',
        `/** A value of ${next} as a request carries it: its readOnly fields left out, at any depth. */`,
        `function requestValueOf${next}(value: unknown): unknown {`,
        ...this.body(next).map((line) => `  ${line}`),
        '}',
      ]);
    }
    const order = [...written].sort();
    return order.flatMap((name) => lines[[...written].indexOf(name)]!);
  }

  private next(written: ReadonlySet<string>): string | undefined {
    return [...this.wanted].find((name) => !written.has(name));
  }
}
