/**
 * The typed model of a generated TypeScript module: what `types.ts` declares, in order, before
 * it is printed (see print-types-module.ts). Types and code are TypeScript text already; the
 * model fixes the layout.
 */

/** Paragraphs of a TSDoc comment (undefined and empty ones are left out). */
export type Doc = readonly (string | undefined)[];

/** A property of an interface: `name?: type;`. */
export interface PropertyModel {
  readonly kind: 'property';
  readonly name: string;
  readonly optional: boolean;
  readonly type: string;
  readonly doc: Doc;
}

/** A method of an interface: `name(params): returns;`. */
export interface MethodModel {
  readonly kind: 'method';
  readonly name: string;
  readonly params: string;
  readonly returns: string;
  readonly doc: Doc;
}

/** `export interface Name { members }`. */
export interface InterfaceModel {
  readonly kind: 'interface';
  readonly name: string;
  readonly doc: Doc;
  readonly members: readonly (PropertyModel | MethodModel)[];
  /** An open record's index signature (`[key: string]: unknown`), with its doc; absent when closed. */
  readonly rest?: { readonly type: string; readonly doc: Doc };
}

/** `export type Name = A | B;` (one option per line when there are several). */
export interface TypeAliasModel {
  readonly kind: 'type';
  readonly name: string;
  readonly doc: Doc;
  readonly options: readonly string[];
}

/** `export const name: type = value;` (the value may span lines). */
export interface ConstModel {
  readonly kind: 'const';
  readonly name: string;
  readonly doc: Doc;
  readonly type?: string;
  readonly value: readonly string[];
}

/** `export function name(params): returns { body }`. */
export interface FunctionModel {
  readonly kind: 'function';
  readonly name: string;
  readonly doc: Doc;
  readonly params: string;
  readonly returns: string;
  /** Statements, one per line, indented relative to the body. */
  readonly body: readonly string[];
}

/** A top-level declaration. */
export type DeclarationModel = InterfaceModel | TypeAliasModel | ConstModel | FunctionModel;

/** A titled run of declarations. */
export interface SectionModel {
  readonly title: string;
  readonly declarations: readonly DeclarationModel[];
}

/** A whole module: its header comment, imports and sections. */
export interface TypesModuleModel {
  readonly header: readonly string[];
  readonly imports: readonly string[];
  readonly sections: readonly SectionModel[];
}
