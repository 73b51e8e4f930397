import type {
  DeclarationModel,
  MethodModel,
  PropertyModel,
  SectionModel,
  TypesModuleModel,
} from './types-module.js';
import { docComment, propertyKey } from './ts-syntax.js';

const INDENT = '  ';

function member(model: PropertyModel | MethodModel): string[] {
  const doc = docComment(model.doc, INDENT);
  const name = propertyKey(model.name);
  if (model.kind === 'method')
    return [...doc, `${INDENT}${name}(${model.params}): ${model.returns};`];
  return [...doc, `${INDENT}${name}${model.optional ? '?' : ''}: ${model.type};`];
}

function declaration(model: DeclarationModel): string[] {
  const doc = docComment(model.doc);
  switch (model.kind) {
    case 'interface': {
      const rest = model.rest
        ? [...docComment(model.rest.doc, INDENT), `${INDENT}[key: string]: ${model.rest.type};`]
        : [];
      if (model.members.length === 0 && rest.length === 0)
        return [...doc, `export interface ${model.name} {}`];
      const members = model.members.flatMap(member);
      return [...doc, `export interface ${model.name} {`, ...members, ...rest, '}'];
    }
    case 'type':
      if (model.options.length <= 1)
        return [...doc, `export type ${model.name} = ${model.options[0] ?? 'never'};`];
      return [
        ...doc,
        `export type ${model.name} =`,
        ...model.options.map((option, i) =>
          i === model.options.length - 1 ? `  | ${option};` : `  | ${option}`,
        ),
      ];
    case 'const': {
      const type = model.type === undefined ? '' : `: ${model.type}`;
      const [first = '', ...rest] = model.value;
      const lines = [`export const ${model.name}${type} = ${first}`, ...rest];
      return [...doc, ...lines.slice(0, -1), `${lines[lines.length - 1]};`];
    }
    case 'function':
      return [
        ...doc,
        `export function ${model.name}(${model.params}): ${model.returns} {`,
        ...model.body.map((line) => (line === '' ? '' : `${INDENT}${line}`)),
        '}',
      ];
  }
}

function section(model: SectionModel): string[] {
  if (model.declarations.length === 0) return [];
  const title = `// ${model.title} `.padEnd(100, '-');
  return [title, '', ...model.declarations.flatMap((d) => [...declaration(d), ''])];
}

/** Prints a module: header, imports, then each non-empty section; `\n` line ends, one at the end. */
export function printTypesModule(model: TypesModuleModel): string {
  const lines = [
    ...model.header,
    '',
    ...(model.imports.length > 0 ? [...model.imports, ''] : []),
    ...model.sections.flatMap(section),
  ];
  while (lines[lines.length - 1] === '') lines.pop();
  return `${lines.join('\n')}\n`;
}
