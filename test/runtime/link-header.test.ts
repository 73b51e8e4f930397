import { describe, expect, it } from 'vitest';
import { nextLinkTarget, parseLinkHeader } from '@specl/runtime';

// The `Link` header (RFC 8288) as a walk reads it: the target of `rel="next"`, whatever the
// order, case and quoting of the parameters; a header that does not parse is told apart.

describe('reading a Link header', () => {
  it.each([
    [
      "GitHub's",
      '<https://api.github.com/repos?page=2>; rel="next", <https://api.github.com/repos?page=5>; rel="last"',
      'https://api.github.com/repos?page=2',
    ],
    ['next after others', '</a?p=1>; rel="first", </a?p=3>; rel="next"', '/a?p=3'],
    ['a token rel, in upper case', '</a?p=2>;REL=NEXT', '/a?p=2'],
    ['several relation types', '</a?p=2>; rel="prefetch next"', '/a?p=2'],
    ['a comma inside a quoted title', '</x>; title="a, b"; rel="prev", </y>; rel="next"', '/y'],
    ['an escaped quote', '</x>; title="say \\"hi\\", ok"; rel=next', '/x'],
    ['the first rel counts', '</x>; rel="prev"; rel="next", </y>; rel=next', '/y'],
    ['no next', '</a?p=1>; rel="prev"', undefined],
    ['an empty header', '', undefined],
  ])('%s', (_, header, next) => {
    const links = parseLinkHeader(header);
    expect(links).toBeDefined();
    expect(nextLinkTarget(links!)).toBe(next);
  });

  it.each([
    ['no angle brackets', 'https://x/a; rel=next'],
    ['an unclosed target', '<https://x/a; rel=next'],
    ['an unclosed quote', '</a>; rel="next'],
    ['junk after a link', '</a>; rel=next junk'],
    ['a parameter without a name', '</a>; ="x"'],
  ])('refuses %s', (_, header) => {
    expect(parseLinkHeader(header)).toBeUndefined();
  });
});
