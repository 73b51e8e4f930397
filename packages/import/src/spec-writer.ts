import type { Declaration, ImportContext } from './import-context.js';
import { isObject } from './import-context.js';
import type { EndpointText } from './endpoint-translator.js';
import { childPointer } from './json-pointer.js';
import { latencyClause } from './specl-extensions.js';
import { isFieldName, pascalCase } from './specl-names.js';
import { commentLines, docLines, stringLiteral } from './specl-text.js';

/**
 * The `spec` header: a name from `info.title`, a semver from `info.version`, its docs, and a
 * block with the servers, license, contact and the spec-wide security (`security` is the clause
 * the security translator read from the root).
 */
export function headerLines(context: ImportContext, security: string | undefined): string[] {
  const info = isObject(context.document.info) ? context.document.info : {};
  const name = pascalCase(typeof info.title === 'string' ? info.title : 'Api');
  const raw = info.version === undefined ? '' : String(info.version);
  const version = semver(raw);
  const { result: settings, notes } = context.collecting(() => {
    if (version !== raw) {
      context.warn(
        'approximated',
        '#/info/version',
        `version \`${raw}\` is not semver: imported as \`${version}\``,
      );
    }
    return [...serverLines(context), ...infoLines(context, info)];
  });
  if (security !== undefined) settings.push(security);
  const latency = context.restoreSpecl ? latencyClause(info['x-specl-latency']) : undefined;
  if (latency !== undefined) settings.push(latency);
  const head = `spec ${name} version ${stringLiteral(version)!}`;
  return [
    ...notes,
    ...rootNotes(context),
    ...docLines(info.description),
    ...(settings.length > 0 ? [`${head} {`, ...settings.map((l) => `  ${l}`), '}'] : [head]),
  ];
}

/** `server "URL"` settings, with their variables and descriptions. */
function serverLines(context: ImportContext): string[] {
  const servers = context.document.servers;
  if (!Array.isArray(servers)) return [];
  const lines: string[] = [];
  servers.forEach((server, i) => {
    if (!isObject(server) || typeof server.url !== 'string') return;
    const pointer = `#/servers/${i}`;
    const url = stringLiteral(server.url);
    const used = [...server.url.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]!);
    // As the checker reads server URLs: absolute once each variable stands for a word.
    const absolute = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/?#]+[^\s]*$/.test(
      server.url.replace(/\{[^{}]*\}/g, 'x'),
    );
    if (!url || !absolute) {
      context.warn(
        'left-out',
        pointer,
        `server \`${server.url}\` is left out: Specl servers are absolute URLs`,
      );
      return;
    }
    const variables = serverVariables(context, server, used, pointer);
    if (!variables) return;
    lines.push(...docLines(server.description));
    if (variables.length === 0) lines.push(`server ${url}`);
    else lines.push(`server ${url} {`, ...variables.map((l) => `  ${l}`), '}');
  });
  return lines;
}

/** The variables of a server (`region: "eu" | "us"`, the default first), or undefined (warned). */
function serverVariables(
  context: ImportContext,
  server: Record<string, unknown>,
  used: readonly string[],
  pointer: string,
): string[] | undefined {
  const declared = isObject(server.variables) ? server.variables : {};
  const lines: string[] = [];
  for (const name of new Set(used)) {
    const variable = declared[name];
    const at = childPointer(pointer, 'variables', name);
    if (!isObject(variable) || typeof variable.default !== 'string' || !isFieldName(name)) {
      context.warn(
        'left-out',
        pointer,
        `server \`${String(server.url)}\` is left out: its variable \`${name}\` has no default or is not a Specl name`,
      );
      return undefined;
    }
    const values = [variable.default];
    if (Array.isArray(variable.enum)) {
      for (const value of variable.enum)
        if (typeof value === 'string' && !values.includes(value)) values.push(value);
      if (!variable.enum.includes(variable.default))
        context.warn(
          'widened',
          childPointer(at, 'default'),
          `the default \`${variable.default}\` is not among the values: it is added to them`,
        );
    }
    const literals = values.map(stringLiteral);
    if (literals.some((l) => l === undefined)) {
      context.warn('left-out', at, 'a server variable holding control characters is left out');
      return undefined;
    }
    lines.push(...docLines(variable.description), `${name}: ${literals.join(' | ')}`);
  }
  for (const name of Object.keys(declared))
    if (!used.includes(name))
      context.warn(
        'left-out',
        childPointer(pointer, 'variables', name),
        `server variable \`${name}\` is left out: the URL does not use it`,
      );
  return lines;
}

/** `license` and `contact` settings from `info`. */
function infoLines(context: ImportContext, info: Record<string, unknown>): string[] {
  const lines: string[] = [];
  const license = info.license;
  if (isObject(license)) {
    const name = typeof license.identifier === 'string' ? license.identifier : license.name;
    const url = typeof license.url === 'string' ? stringLiteral(license.url) : undefined;
    if (typeof name === 'string' && stringLiteral(name)) {
      lines.push(
        `license ${stringLiteral(name)!}${url && typeof license.identifier !== 'string' ? ` { url: ${url} }` : ''}`,
      );
    } else context.warn('left-out', '#/info/license', 'the license is left out: it has no name');
  }
  const contact = info.contact;
  if (isObject(contact)) {
    const settings = (['email', 'url'] as const)
      .filter((key) => typeof contact[key] === 'string' && stringLiteral(contact[key] as string))
      .map((key) => `${key}: ${stringLiteral(contact[key] as string)!}`);
    const name = typeof contact.name === 'string' ? stringLiteral(contact.name) : undefined;
    lines.push(
      `contact${name ? ` ${name}` : ''}${settings.length > 0 ? ` { ${settings.join(', ')} }` : ''}`,
    );
  }
  return lines;
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
  if (declaration.kind !== 'record') return declaration.lines.join('\n');
  const head =
    declaration.status === undefined
      ? `type ${declaration.name}`
      : `error ${declaration.name} ${declaration.status}${declaration.suffix ?? ''}`;
  const members = declaration.members.flatMap((member) =>
    member.kind === 'spread'
      ? [`  ...${member.target}`]
      : member.kind === 'open'
        ? [`  ...Map<${member.type}>`]
        : member.kind === 'invariant'
          ? [`  invariant ${member.source}`]
          : [
              ...member.lines.map((line) => `  ${line}`),
              `  ${member.name}${member.optional ? '?' : ''}: ${member.type}`,
            ],
  );
  if (
    declaration.suffix?.endsWith(' no body') === true ||
    (members.length === 0 && declaration.status !== undefined)
  )
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
  // Security schemes and tags first, as a person writes them, then the types in their order.
  const ordered = [
    ...declarations.filter((d) => d.kind === 'other'),
    ...declarations.filter((d) => d.kind !== 'other'),
  ];
  const blocks = [
    header.join('\n'),
    ...ordered.map(declarationText),
    ...endpoints.map((e) => e.lines.join('\n')),
    ...properties,
  ];
  return `${blocks.join('\n\n')}\n`;
}
