import type { EndpointText } from './endpoint-translator.js';
import type { Declaration } from './import-context.js';
import { declarationText } from './spec-writer.js';
import { stringLiteral } from './specl-text.js';

/** One file of a split spec: its path (relative to the root's folder, `/`-separated) and text. */
export interface SpecPart {
  readonly path: string;
  readonly text: string;
}

/** A spec split into files: the root's text and the files it imports. */
export interface SplitSpec {
  readonly root: string;
  readonly parts: readonly SpecPart[];
}

/** The file of the security schemes, tags and the types several groups (or none) use. */
const COMMON = 'common';

interface FileDraft {
  readonly stem: string;
  readonly blocks: string[];
  readonly declares: Set<string>;
}

/**
 * Splits an imported spec (`specl import --split`), deterministically: one file per group of
 * endpoints (their first tag, else their path's first segment) under `folder`, holding the
 * endpoints and the types only that group uses (through other types too); `common.specl` with
 * the security schemes, tags and every other type; and the root, with the `spec` header, an
 * import of each file and the properties. Each file imports the files that declare a name it
 * uses (imports are not transitive in Specl). The texts are not formatted yet.
 */
export function splitSpec(
  header: readonly string[],
  declarations: readonly Declaration[],
  endpoints: readonly EndpointText[],
  properties: readonly string[],
  folder: string,
): SplitSpec {
  const types = new Map(
    declarations.filter((d) => d.kind !== 'other').map((d) => [d.name, declarationText(d)]),
  );
  const uses = new Map([...types].map(([name, text]) => [name, namesIn(text, types)]));
  const stems = new Map<string, string>();
  const taken = new Set([COMMON]);
  for (const endpoint of endpoints) {
    if (stems.has(endpoint.group)) continue;
    const base = fileStem(endpoint.group);
    let stem = base;
    for (let n = 2; taken.has(stem); n++) stem = `${base}-${n}`;
    taken.add(stem);
    stems.set(endpoint.group, stem);
  }
  // The groups that reach each type, from their endpoints through the types those use.
  const reachedBy = new Map<string, Set<string>>();
  for (const endpoint of endpoints) {
    const stem = stems.get(endpoint.group)!;
    const pending = [...namesIn(endpoint.lines.join('\n'), types)];
    while (pending.length > 0) {
      const name = pending.pop()!;
      const groups = reachedBy.get(name) ?? new Set<string>();
      if (groups.has(stem)) continue;
      groups.add(stem);
      reachedBy.set(name, groups);
      pending.push(...uses.get(name)!);
    }
  }
  const files = new Map<string, FileDraft>();
  const file = (stem: string) => {
    let draft = files.get(stem);
    if (!draft) files.set(stem, (draft = { stem, blocks: [], declares: new Set() }));
    return draft;
  };
  file(COMMON);
  for (const declaration of declarations) {
    const groups = reachedBy.get(declaration.name);
    const owner = declaration.kind !== 'other' && groups?.size === 1 ? [...groups][0]! : COMMON;
    const draft = file(owner);
    draft.blocks.push(declarationText(declaration));
    if (declaration.name !== '') draft.declares.add(declaration.name);
  }
  for (const endpoint of endpoints) {
    const draft = file(stems.get(endpoint.group)!);
    draft.blocks.push(endpoint.lines.join('\n'));
    if (endpoint.name !== '') draft.declares.add(endpoint.name);
  }
  const drafts = [...files.values()].sort((a, b) => (a.stem < b.stem ? -1 : 1));
  const parts = drafts.map((draft) => {
    const used = wordsIn(draft.blocks.join('\n'));
    const imports = drafts
      .filter((other) => other !== draft && [...other.declares].some((name) => used.has(name)))
      .map((other) => importLine(`./${other.stem}.specl`));
    return { path: `${folder}/${draft.stem}.specl`, text: fileText([imports], draft.blocks) };
  });
  const rootImports = parts.map((part) => importLine(`./${part.path}`));
  return { root: fileText([header, rootImports], properties), parts };
}

function importLine(path: string): string {
  return `import ${stringLiteral(path)!}`;
}

function fileText(head: readonly (readonly string[])[], blocks: readonly string[]): string {
  const sections = [
    ...head.filter((lines) => lines.length > 0).map((l) => l.join('\n')),
    ...blocks,
  ];
  return `${sections.join('\n\n')}\n`;
}

/** A file's stem for a group: lower-case words joined by `-` (`Pet Store` → `pet-store`). */
function fileStem(group: string): string {
  const words = group
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  return words.length > 0 ? words.join('-').slice(0, 60) : 'endpoints';
}

/** The declared type names that a text names. */
function namesIn(text: string, types: ReadonlyMap<string, string>): string[] {
  return [...wordsIn(text)].filter((word) => types.has(word));
}

/** The words of Specl text outside its string literals and comments. */
function wordsIn(text: string): Set<string> {
  const code = text
    .replace(/"(?:[^"\\\n]|\\.)*"/g, '""')
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ');
  return new Set(code.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}
