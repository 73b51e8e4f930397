import { describe, expect, it } from 'vitest';
import { isDate, isDateTime, isEmail, isUriTemplate, isUrl, isUuid } from '@specl/runtime';

describe('formats', () => {
  it('reads UUIDs of any version and case', () => {
    expect(isUuid('123e4567-e89b-12d3-a456-426614174000')).toBe(true);
    expect(isUuid('123E4567-E89B-12D3-A456-426614174000')).toBe(true);
    expect(isUuid('123e4567e89b12d3a456426614174000')).toBe(false);
    expect(isUuid('123e4567-e89b-12d3-a456-42661417400g')).toBe(false);
    expect(isUuid(42)).toBe(false);
  });

  it('reads email addresses', () => {
    expect(isEmail('ada@example.com')).toBe(true);
    expect(isEmail("o'neil+tag@mail.example.co.uk")).toBe(true);
    expect(isEmail('ada@localhost')).toBe(false);
    expect(isEmail('ada.@example.com')).toBe(false);
    expect(isEmail('ada@-example.com')).toBe(false);
    expect(isEmail('a b@example.com')).toBe(false);
    expect(isEmail(`${'a'.repeat(65)}@example.com`)).toBe(false);
  });

  it('reads absolute URLs', () => {
    expect(isUrl('https://example.com/a/b?c=d#e')).toBe(true);
    expect(isUrl('mailto:ada@example.com')).toBe(true);
    expect(isUrl('http://[::1]:8080/%20x')).toBe(true);
    expect(isUrl('/relative/path')).toBe(false);
    expect(isUrl('https://example.com/a b')).toBe(false);
    expect(isUrl('https://example.com/%zz')).toBe(false);
    expect(isUrl('https://example.com/é')).toBe(false);
  });

  it('reads URI templates as RFC 6570 writes them', () => {
    for (const template of [
      'https://api.github.com/repos/{owner}/{repo}/issues{/number}',
      'https://api.github.com/search/code{?q,page,per_page}',
      '{+path:6}/here{#section}',
      '/users{/ids*}{;x,y}{&z}',
      'x%20y/{var.name}/{%41b}',
      'plain/path',
      '',
    ])
      expect([template, isUriTemplate(template)]).toEqual([template, true]);
    for (const template of [
      'https://x/{',
      'https://x/}',
      '{}',
      '{a b}',
      '{a..b}',
      '{a:0}',
      '{a:10000}',
      '{a}{',
      'x%2',
      'a b',
      '<x>',
    ])
      expect([template, isUriTemplate(template)]).toEqual([template, false]);
    expect(isUriTemplate(3)).toBe(false);
  });

  it('reads dates that exist', () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2000-02-29')).toBe(true);
    expect(isDate('1900-02-29')).toBe(false);
    expect(isDate('2023-02-29')).toBe(false);
    expect(isDate('2024-04-31')).toBe(false);
    expect(isDate('2024-13-01')).toBe(false);
    expect(isDate('2024-1-01')).toBe(false);
    expect(isDate('2024-01-01T00:00:00Z')).toBe(false);
  });

  it('reads RFC 3339 date-times with an offset', () => {
    expect(isDateTime('2024-01-01T00:00:00Z')).toBe(true);
    expect(isDateTime('2024-01-01t23:59:59.123456z')).toBe(true);
    expect(isDateTime('2024-01-01T10:00:00+05:30')).toBe(true);
    expect(isDateTime('2024-01-01T10:00:00')).toBe(false);
    expect(isDateTime('2024-01-01 10:00:00Z')).toBe(false);
    expect(isDateTime('2024-01-01T24:00:00Z')).toBe(false);
    expect(isDateTime('2024-01-01T10:60:00Z')).toBe(false);
    expect(isDateTime('2024-01-01T10:00:00+24:00')).toBe(false);
    expect(isDateTime('2024-02-30T10:00:00Z')).toBe(false);
  });
});
