import type { Declaration, ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import type { EndpointText } from './endpoint-translator.js';
import { pascalCase } from './specl-names.js';
import { commentLines, docLines, shortJson, stringLiteral } from './specl-text.js';

/** The `spec` header: a name from `info.title`, a semver from `info.version`, and its docs. */
export function headerLines(context: ImportContext): string[] {
  const info = isObject(context.document.info) ? context.document.info : {};
  const name = pascalCase(typeof info.title === 'string' ? info.title : 'Api');
  const raw = info.version === undefined ? '' : String(info.version);
  const version = semver(raw);
  const { notes } = context.collecting(() => {
    if (version !== raw) {
      context.warn(
        'approximated',
        '#/info/version',
        `version \`${raw}\` is not semver: imported as \`${version}\``,
      );
    }
  });
  return [
    ...notes,
    ...rootNotes(context),
    ...docLines(info.description),
    `spec ${name} version ${stringLiteral(version)!}`,
  ];
}

function semver(raw: string): string {
  if (/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(raw)) return raw;
  const numbers = (raw.match(/\d+/g) ?? []).slice(0, 3).map((n) => String(Number(n)));
  while (numbers.length < 3) numbers.push('0');
  return numbers.join('.');
}

/** Comments (and warnings) for what the document says at its root that Specl cannot. */
function rootNotes(context: ImportContext): string[] {
  const { result, notes } = context.collecting(() => {
    const doc = context.document;
    const lines: string[] = [];
    if (Array.isArray(doc.servers) && doc.servers.length > 0) {
      context.warn(
        'left-out',
        '#/servers',
        'servers are left out: give the base URL to `specl verify --url`',
      );
      for (const server of doc.servers)
        if (isObject(server))
          lines.push(
            `server: ${String(server.url)}${typeof server.description === 'string' ? ` (${server.description})` : ''}`,
          );
    }
    const schemes = isObject(doc.components) ? doc.components.securitySchemes : undefined;
    if (isObject(schemes) && Object.keys(schemes).length > 0) {
      context.warn(
        'left-out',
        '#/components/securitySchemes',
        'security schemes are left out: Specl has no auth yet',
      );
      for (const [key, scheme] of Object.entries(schemes))
        lines.push(`security scheme ${key}: ${shortJson(scheme, 200)}`);
    }
    if (doc.security !== undefined) {
      context.warn(
        'left-out',
        '#/security',
        `security ${shortJson(doc.security)} is left out: Specl has no auth yet`,
      );
    }
    if (Array.isArray(doc.tags)) {
      for (const tag of doc.tags)
        if (isObject(tag))
          lines.push(
            `tag ${String(tag.name)}${typeof tag.description === 'string' ? `: ${tag.description.split('\n')[0]}` : ''}`,
          );
    }
    if (isObject(doc.webhooks) && Object.keys(doc.webhooks).length > 0) {
      context.warn(
        'left-out',
        '#/webhooks',
        `webhooks ${Object.keys(doc.webhooks).join(', ')} are left out: Specl describes the API's own endpoints`,
      );
    }
    if (isObject(doc.externalDocs)) lines.push(`docs: ${String(doc.externalDocs.url ?? '')}`);
    return lines;
  });
  return [...notes, ...result.flatMap((line) => commentLines(line))];
}

/** The text of one declaration. */
export function declarationText(declaration: Declaration): string {
  if (declaration.kind === 'text') return declaration.lines.join('\n');
  const head =
    declaration.status === undefined
      ? `type ${declaration.name}`
      : `error ${declaration.name} ${declaration.status}`;
  const members = declaration.members.flatMap((member) =>
    member.kind === 'spread'
      ? [`  ...${member.target}`]
      : member.kind === 'invariant'
        ? [`  invariant ${member.source}`]
        : [
            ...member.lines.map((line) => `  ${line}`),
            `  ${member.name}${member.optional ? '?' : ''}: ${member.type}`,
          ],
  );
  if (members.length === 0 && declaration.status !== undefined)
    return [...declaration.lines, head].join('\n');
  return [...declaration.lines, `${head} {`, ...members, '}'].join('\n');
}

/** The whole spec: header, types, errors, endpoints, separated by blank lines. */
export function specText(
  header: readonly string[],
  declarations: readonly Declaration[],
  endpoints: readonly EndpointText[],
  properties: readonly string[] = [],
): string {
  const blocks = [
    header.join('\n'),
    ...declarations.map(declarationText),
    ...endpoints.map((e) => e.lines.join('\n')),
    ...properties,
  ];
  return `${blocks.join('\n\n')}\n`;
}
