import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConditionIR, EndpointIR, SpecIR, SourceLocation, TypeIR } from '@specl/compiler';
import { emitTypes, paginationText, typeScriptNames, typeText } from '@specl/compiler';

/** What the contract is built from. */
export interface ContractSources {
  readonly ir: SpecIR;
  /** The root spec's folder: the IR's locations are relative to it. */
  readonly specDir: string;
  /** The endpoints in scope. */
  readonly endpoints: readonly string[];
  /** The project's `.specl/steering.md`, when it has one. */
  readonly steering?: string;
}

const at = (location: SourceLocation) => `${location.file}:${location.line}:${location.column}`;
const clause = (keyword: string, condition: ConditionIR) =>
  `  ${keyword} ${condition.source}  (${at(condition.location)})`;
const fence = (language: string, text: string) => `\`\`\`${language}\n${text.trimEnd()}\n\`\`\``;

/** The spec's own files, as written: every file a location of the IR names. */
function specSources(ir: SpecIR, specDir: string): string[] {
  const files = new Set<string>();
  for (const item of [...ir.types, ...ir.endpoints, ...ir.properties])
    files.add(item.location.file);
  return [...files].sort().map((file) => {
    let text: string;
    try {
      text = readFileSync(join(specDir, file), 'utf8');
    } catch {
      text = '(the file could not be read)';
    }
    return `### ${file}\n${fence('specl', text)}`;
  });
}

/** A `paginated` clause as the spec writes it: the answers come in pages. */
const paginatedText = paginationText;

function endpointSummary(endpoint: EndpointIR, ir: SpecIR): string[] {
  const names = typeScriptNames(ir);
  const type = (t: TypeIR | undefined) => (t ? typeText(t, names) : 'no body');
  const errors = endpoint.errors.map((name) => {
    const decl = ir.types.find((t) => t.name === name);
    return decl?.kind === 'error' ? `${decl.status} ${name}` : name;
  });
  return [
    `- \`${endpoint.name}\`: ${endpoint.method} ${endpoint.path}  (${at(endpoint.location)})`,
    ...endpoint.responses.map(
      (r) =>
        `  response ${r.status} ${type(r.type)}${r.headers ? ` with ${r.headers.join(', ')}` : ''}`,
    ),
    ...(errors.length > 0 ? [`  errors ${errors.join(', ')}`] : []),
    ...(endpoint.pagination ? [`  ${paginatedText(endpoint.pagination)}`] : []),
    ...endpoint.requires.map((c) => clause('requires', c)),
    ...endpoint.ensures.map((c) => clause('ensures', c)),
  ];
}

/** The part of the compiled `types.ts` that declares types and `Handlers` (not the validators). */
function declaredTypes(ir: SpecIR): string {
  const text = emitTypes(ir, {})[0]!.content;
  const start = text.indexOf('// Types -');
  const end = text.indexOf('// Validators -');
  return text.slice(start < 0 ? 0 : start, end < 0 ? undefined : end);
}

/**
 * The contract the model implements, built from the compiled spec: the spec's source, the
 * endpoints in scope with their statuses, errors, `requires` and `ensures` (each with where
 * it is written), the invariants of the types, the properties that call those endpoints,
 * the TypeScript types and `Handlers` interface, and the project's steering. It is the same
 * for every request of a run, so it is cached.
 */
export function buildContract(sources: ContractSources): string {
  const { ir, endpoints } = sources;
  const inScope = ir.endpoints.filter((endpoint) => endpoints.includes(endpoint.name));
  const invariants = ir.types.flatMap((decl) =>
    (decl.kind === 'record' || decl.kind === 'error' ? decl.invariants : []).map(
      (c) => `- ${decl.name}: ${c.source}  (${at(c.location)})`,
    ),
  );
  const properties = ir.properties
    .filter((p) =>
      p.statements.some((s) => s.kind === 'let' && s.call && endpoints.includes(s.call.endpoint)),
    )
    .flatMap((property) => [
      `- \`${property.name}\`  (${at(property.location)})${property.description ? `: ${property.description}` : ''}`,
      ...property.statements.flatMap((s) =>
        s.kind === 'expect' ? [clause('expect', s.condition)] : [],
      ),
    ]);
  const sections = [
    `# The contract: spec ${ir.name} ${ir.version} (${ir.fingerprint})`,
    '## The spec, as written',
    ...specSources(ir, sources.specDir),
    '## The endpoints to implement',
    inScope.flatMap((endpoint) => endpointSummary(endpoint, ir)).join('\n'),
    '## Invariants every value of these types must keep',
    invariants.length > 0 ? invariants.join('\n') : '(none)',
    '## Written properties the verifier checks (with random inputs and call sequences)',
    properties.length > 0 ? properties.join('\n') : '(none for these endpoints)',
    '## The TypeScript types compiled from the spec (types.ts)',
    fence('ts', declaredTypes(ir)),
  ];
  if (sources.steering !== undefined && sources.steering.trim() !== '')
    sections.push("## The project's steering (.specl/steering.md)", sources.steering.trim());
  return `${sections.join('\n\n')}\n`;
}
