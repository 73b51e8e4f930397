/** What a secret becomes in the log: `[redacted]`. */
const REPLACEMENT = '[redacted]';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Hex digits matched in either case (`7b` → `7[bB]`). */
const anyCase = (hex: string) =>
  hex.replace(/[a-f]/g, (digit) => `[${digit}${digit.toUpperCase()}]`);

/** One character of a secret as it may appear: itself, percent-encoded, or escaped in hex. */
function charPattern(char: string): string {
  const bytes = [...Buffer.from(char, 'utf8')].map((byte) =>
    anyCase(byte.toString(16).padStart(2, '0')),
  );
  const percent = bytes.map((hex) => `%${hex}`).join('');
  const escaped = bytes.map((hex) => `\\\\+x${hex}`).join('');
  const unicode = `\\\\+u${anyCase(char.codePointAt(0)!.toString(16).padStart(4, '0'))}`;
  return `(?:${escapeRegExp(char)}|${percent}|${escaped}|${unicode})`;
}

/**
 * The characters of base64 (`alphabet`: standard or URL-safe) that depend only on the secret
 * when it starts `offset` bytes (0, 1 or 2) into the encoded data: the secret's base64 form
 * wherever it sits in a longer encoded text.
 */
function base64Core(secret: Buffer, offset: number, urlSafe: boolean): string {
  const data = Buffer.concat([Buffer.alloc(offset), secret, Buffer.alloc(3)]);
  const encoded = data.toString(urlSafe ? 'base64url' : 'base64');
  const firstBit = offset * 8;
  const endBit = (offset + secret.length) * 8;
  const first = Math.ceil(firstBit / 6);
  const end = Math.floor(endBit / 6);
  return end > first ? encoded.slice(first, end) : '';
}

/** The shortest base64 core that is redacted: shorter ones would match ordinary text. */
const MIN_BASE64_CORE = 3;

/** Patterns that find `secret` in every encoding a log line can carry it. */
function secretPattern(secret: string): RegExp {
  const bytes = Buffer.from(secret, 'utf8');
  const alternatives = new Set<string>();
  // Plain, percent-encoded (any mix), JSON \u and \x escapes (any mix, any escaping depth).
  alternatives.add([...secret].map(charPattern).join(''));
  // Hex, either case (as one run of digits, or separated by spaces or colons).
  const hex = [...bytes].map((byte) => anyCase(byte.toString(16).padStart(2, '0')));
  alternatives.add(hex.join(''));
  alternatives.add(hex.join('[ :]'));
  // Base64, standard and URL-safe, at each of the three alignments.
  for (const urlSafe of [false, true])
    for (const offset of [0, 1, 2]) {
      const core = base64Core(bytes, offset, urlSafe);
      if (core.length >= MIN_BASE64_CORE) alternatives.add(escapeRegExp(core));
    }
  const sorted = [...alternatives].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.join('|'), 'g');
}

const patterns = new Map<string, RegExp>();

/**
 * Text with every occurrence of each secret replaced by `[redacted]`: as it is, percent-
 * encoded, escaped (`\u0073`, `\x73`), in hex, and in base64 (standard and URL-safe, at any
 * alignment inside a longer encoded text). Secrets of any length are redacted; the base64
 * forms of very short ones (under three characters of base64) are not, as they would match
 * ordinary text.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  let done = text;
  for (const secret of secrets) {
    if (secret === undefined || secret === '') continue;
    let pattern = patterns.get(secret);
    if (pattern === undefined) {
      pattern = secretPattern(secret);
      patterns.set(secret, pattern);
    }
    done = done.replace(pattern, REPLACEMENT);
  }
  return done;
}
