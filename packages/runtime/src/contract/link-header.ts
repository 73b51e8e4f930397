/** The longest `Link` header a walk reads: longer is a failure, not a page to follow. */
export const MAX_LINK_HEADER_LENGTH = 16_384;

/** One link of a `Link` header: its target as written, and its parameters by lower-case name. */
export interface LinkValue {
  readonly target: string;
  readonly params: Readonly<Record<string, string>>;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]/;

/**
 * The links of a `Link` header (RFC 8288, section 3): `<url>; rel="next", <url>; rel=last`.
 * Parameters are tokens or quoted strings (with `\` escapes), so a comma inside quotes does
 * not split links. Undefined for a header that does not parse, which a walk reports; the
 * caller bounds its length first.
 */
export function parseLinkHeader(header: string): LinkValue[] | undefined {
  const links: LinkValue[] = [];
  let i = 0;
  const skipSpace = () => {
    while (i < header.length && /[ \t]/.test(header[i]!)) i++;
  };
  const token = () => {
    const start = i;
    while (i < header.length && TOKEN.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  const quoted = (): string | undefined => {
    let value = '';
    for (i++; i < header.length; i++) {
      const c = header[i]!;
      if (c === '"') {
        i++;
        return value;
      }
      if (c === '\\') i++;
      if (i < header.length) value += header[i]!;
    }
    return undefined;
  };
  while (i < header.length) {
    skipSpace();
    if (header[i] === ',') {
      i++;
      continue;
    }
    if (i >= header.length) break;
    if (header[i] !== '<') return undefined;
    const close = header.indexOf('>', i);
    if (close < 0) return undefined;
    const target = header.slice(i + 1, close).trim();
    i = close + 1;
    const params: Record<string, string> = {};
    for (skipSpace(); header[i] === ';'; skipSpace()) {
      i++;
      skipSpace();
      const name = token().toLowerCase();
      if (name === '') return undefined;
      skipSpace();
      let value = '';
      if (header[i] === '=') {
        i++;
        skipSpace();
        const read = header[i] === '"' ? quoted() : token();
        if (read === undefined) return undefined;
        value = read;
      }
      // The first occurrence of a parameter counts (RFC 8288, 3.3 for `rel`).
      if (!Object.hasOwn(params, name)) params[name] = value;
    }
    if (i < header.length && header[i] !== ',') return undefined;
    links.push({ target, params });
  }
  return links;
}

/**
 * The target of the link whose relation types include `next` (compared in any case), as
 * written (relative or absolute); undefined when there is none. Several: the first.
 */
export function nextLinkTarget(links: readonly LinkValue[]): string | undefined {
  const next = links.find((link) =>
    (link.params['rel'] ?? '')
      .toLowerCase()
      .split(/\s+/)
      .some((relation) => relation === 'next'),
  );
  return next?.target;
}
