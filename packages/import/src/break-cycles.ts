import type { Declaration, ImportContext, RecordMember } from './import-context.js';

type Field = Extract<RecordMember, { kind: 'field' }>;

/**
 * Makes optional the required fields that close a cycle of records (`A { b: B }`, `B { a: A }`):
 * such records hold no finite value, and Specl rejects them. Warns at each field changed.
 */
export function breakRequiredCycles(context: ImportContext): void {
  const records = new Map<string, Extract<Declaration, { kind: 'record' }>>();
  for (const declaration of context.declarations) {
    if (declaration.kind === 'record' && declaration.status === undefined)
      records.set(declaration.name, declaration);
  }
  const state = new Map<string, 'open' | 'done'>();
  const visit = (name: string): void => {
    state.set(name, 'open');
    for (const field of requiredEdges(records, name)) {
      const target = field.target!;
      if (state.get(target) === 'open') {
        field.optional = true;
        const message = `required field \`${field.name}\` is imported as optional: it closes a cycle of required records, which hold no finite value`;
        context.warnings.push({ kind: 'widened', pointer: field.pointer, message });
        field.lines.unshift(`// import widened: ${message}`);
      } else if (!state.has(target)) visit(target);
    }
    state.set(name, 'done');
  };
  for (const name of [...records.keys()].sort()) if (!state.has(name)) visit(name);
}

/** The required fields of a record (its spreads' included) whose type is a record. */
function requiredEdges(
  records: ReadonlyMap<string, Extract<Declaration, { kind: 'record' }>>,
  name: string,
  seen = new Set<string>(),
): Field[] {
  const record = records.get(name);
  if (!record || seen.has(name)) return [];
  seen.add(name);
  const edges: Field[] = [];
  for (const member of record.members) {
    if (member.kind === 'spread') edges.push(...requiredEdges(records, member.target, seen));
    else if (
      member.kind === 'field' &&
      !member.optional &&
      member.target !== undefined &&
      records.has(member.target)
    )
      edges.push(member);
  }
  return edges;
}
