/**
 * The string formats of Specl's primitive types, as JSON Schema's `format` keywords read them:
 * `uuid`, `email`, `uri`, `date`, `date-time`, `uri-template`.
 */
export { isDate, isDateTime } from './calendar.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a `Uuid`: 32 hex digits in the 8-4-4-4-12 form, any version, any case. */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

// The local part: dot-separated atoms of RFC 5322 `atext`.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
// A DNS label: letters, digits and inner hyphens, at most 63 characters.
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@${LABEL}(?:\\.${LABEL})+$`, 'u');

/**
 * Whether a value is an `Email`: `local@domain`, the local part a dot-atom (no quoted
 * strings), the domain at least two DNS labels (no IP literals); at most 64 characters before
 * the `@` and 254 in all.
 */
export function isEmail(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 254 || !EMAIL.test(value)) return false;
  return value.indexOf('@') <= 64;
}

// RFC 3986: a scheme, `:`, then unreserved and reserved characters and percent-encodings.
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/u;

/**
 * Whether a value is a `Url`: an absolute URI as RFC 3986 writes it (`https://example.com/a?b`,
 * `mailto:x@example.com`), with any other character percent-encoded.
 */
export function isUrl(value: unknown): value is string {
  return typeof value === 'string' && URI.test(value);
}

// RFC 6570: literals (no space, quote, `<>\\^`|` or bare `%`) and expressions
// `{op var,var:3,list*}`; a literal never starts an expression, so the test is linear.
const VARCHAR = '(?:[A-Za-z0-9_]|%[0-9A-Fa-f]{2})';
const VARSPEC = `${VARCHAR}(?:\\.?${VARCHAR})*(?::[1-9][0-9]{0,3}|\\*)?`;
const URI_TEMPLATE = new RegExp(
  `^(?:(?:[^\\x00-\\x20"'%<>\\\\^\`{|}\\x7f]|%[0-9A-Fa-f]{2})|\\{[+#./;?&=,!@|]?${VARSPEC}(?:,${VARSPEC})*\\})*$`,
  'u',
);

/**
 * Whether a value is a `UriTemplate`: a URI template as RFC 6570 writes it
 * (`https://api.example.com/repos/{owner}/{repo}/issues{/number}{?page,per_page}`).
 */
export function isUriTemplate(value: unknown): value is string {
  return typeof value === 'string' && URI_TEMPLATE.test(value);
}
