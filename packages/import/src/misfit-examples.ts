import type { AnnotationRemoval, checkSources, OffsetRange, SpecDiagnostic } from '@specl/language';
import type { WhitespaceEdit } from '@specl/language';
import { annotationRemoval, listItemCuts } from '@specl/language';
import type { ImportContext } from './import-context.js';
import { childPointer } from './json-pointer.js';
import type { SpecPart } from './split-spec.js';

type CheckedSources = Awaited<ReturnType<typeof checkSources>>;

/** The misfits found in one annotation: the whole of it, or some of its named examples. */
interface MisfitAnnotation {
  readonly file: string;
  readonly removal: AnnotationRemoval;
  readonly pointer: string;
  whole: boolean;
  /** The named examples found not to fit, by their place among the annotation's entries. */
  readonly entries: Map<number, string>;
}

/**
 * The ranges of each file to take out so the structured examples and defaults that import
 * wrote and the checker finds not to fit their types are gone, each warned about (the
 * document's example is wrong, or its schema was imported wider or narrower), and the
 * diagnostics that said so; undefined when there are none. One named example of several goes
 * alone; an annotation that goes takes its comma, or its braces when nothing is left in them.
 */
export function withoutMisfitExamples(
  context: ImportContext,
  files: readonly SpecPart[],
  checked: CheckedSources,
  at: (path: string) => string,
): { cuts: Map<string, OffsetRange[]>; handled: Set<SpecDiagnostic> } | undefined {
  const handled = new Set<SpecDiagnostic>();
  const misfits = new Map<string, MisfitAnnotation>();
  for (const diagnostic of checked.diagnostics) {
    if (diagnostic.code !== 'specl/invalid-annotation') continue;
    const file = files.find((f) => diagnostic.uri.endsWith(at(f.path)));
    const document = file && checked.documents.find((d) => d.uri.path === at(file.path));
    if (!file || !document) continue;
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    const removal = annotationRemoval(document, offset);
    const places = removal && context.structuredAnnotations.get(removal.text);
    if (!removal || !places) continue;
    handled.add(diagnostic);
    // One annotation may be found wrong at more than one place inside it.
    const key = `${file.path}:${removal.place.items[removal.place.index]!.start}`;
    let misfit = misfits.get(key);
    if (!misfit) {
      const pointer = places.shift() ?? places[0] ?? '#';
      misfit = { file: file.path, removal, pointer, whole: false, entries: new Map() };
      misfits.set(key, misfit);
    }
    if (removal.entry) misfit.entries.set(removal.entry.place.index, removal.entry.key);
    else misfit.whole = true;
  }
  if (misfits.size === 0) return undefined;
  return { cuts: cutsOf(context, misfits.values()), handled };
}

/** The ranges to take out, by file, with a warning for each example or annotation left out. */
function cutsOf(
  context: ImportContext,
  misfits: Iterable<MisfitAnnotation>,
): Map<string, OffsetRange[]> {
  const cuts = new Map<string, OffsetRange[]>();
  const add = (file: string, ranges: readonly OffsetRange[]) =>
    cuts.set(file, [...(cuts.get(file) ?? []), ...ranges]);
  // The annotations that go, by the braces they stand in.
  const perBraces = new Map<
    string,
    { file: string; removal: AnnotationRemoval; gone: Set<number> }
  >();
  const why = "it does not fit its type (the document's example may be wrong)";
  for (const misfit of misfits) {
    const { removal } = misfit;
    const entry = removal.entry;
    if (!misfit.whole && entry && misfit.entries.size < entry.place.items.length) {
      add(
        misfit.file,
        listItemCuts(entry.place.items, entry.place.braces, new Set(misfit.entries.keys())),
      );
      for (const [, key] of [...misfit.entries].sort(([a], [b]) => a - b))
        context.warnings.push({
          kind: 'left-out',
          pointer: childPointer(misfit.pointer, key),
          message: `the example ${JSON.stringify(key)} of the examples is left out: ${why}`,
        });
      continue;
    }
    const braces = `${misfit.file}:${removal.place.braces.start}`;
    const group = perBraces.get(braces) ?? { file: misfit.file, removal, gone: new Set<number>() };
    group.gone.add(removal.place.index);
    perBraces.set(braces, group);
    context.warnings.push({
      kind: 'left-out',
      pointer: misfit.pointer,
      message: `the ${removal.name} is left out: ${why}`,
    });
  }
  for (const { file, removal, gone } of perBraces.values())
    add(file, listItemCuts(removal.place.items, removal.place.braces, gone));
  return cuts;
}

/**
 * The formatted text of `text`: its formatter's whitespace edits applied, and the ranges
 * `cuts` taken out (with the edits inside them), in one pass.
 */
export function editedText(
  text: string,
  edits: readonly WhitespaceEdit[],
  cuts: readonly OffsetRange[],
): string {
  const changes = [
    ...cuts.map((cut) => ({ ...cut, newText: '' })),
    ...edits.filter((edit) => !cuts.some((cut) => edit.start < cut.end && cut.start < edit.end)),
  ].sort((a, b) => a.start - b.start);
  const kept: string[] = [];
  let from = 0;
  for (const change of changes) {
    kept.push(text.slice(from, change.start), change.newText);
    from = change.end;
  }
  kept.push(text.slice(from));
  return kept.join('');
}
