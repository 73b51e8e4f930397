// Finds an API key in text in any encoding a log line can carry it, by decoding rather than by
// the patterns the redaction uses: plain, percent-encoded, \u and \x escapes, hex, and base64
// (standard and URL-safe, at any alignment inside a longer encoded run).

/** Every base64 run of the text, decoded at each of the four character alignments. */
function base64Decodings(text: string): string[] {
  const decoded: string[] = [];
  for (const run of text.match(/[A-Za-z0-9+/_-]{4,}/g) ?? [])
    for (let skip = 0; skip < 4; skip++) {
      const part = run.slice(skip).replace(/-/g, '+').replace(/_/g, '/');
      decoded.push(
        Buffer.from(part.slice(0, part.length - (part.length % 4)), 'base64').toString('latin1'),
      );
    }
  return decoded;
}

/** Every hex run of the text (as one run, or pairs separated by spaces or colons), decoded. */
function hexDecodings(text: string): string[] {
  const runs = text.match(/(?:[0-9a-fA-F]{2}[ :]?){2,}/g) ?? [];
  return runs.flatMap((run) => {
    const digits = run.replace(/[ :]/g, '');
    return [0, 1].map((skip) =>
      Buffer.from(digits.slice(skip, digits.length - ((digits.length - skip) % 2)), 'hex').toString(
        'latin1',
      ),
    );
  });
}

/** The text with percent-encoding and \u / \x escapes (any depth of backslashes) undone. */
function unescaped(text: string): string {
  return text
    .replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+u([0-9a-fA-F]{4})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\+x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The encodings in which `key` shows up in `text` (empty: none). */
export function keyLeaks(text: string, key: string): string[] {
  const found: string[] = [];
  if (text.includes(key)) found.push('plain');
  if (unescaped(text).includes(key)) found.push('escaped');
  if (base64Decodings(text).some((decoded) => decoded.includes(key))) found.push('base64');
  if (hexDecodings(text).some((decoded) => decoded.includes(key))) found.push('hex');
  return [...new Set(found)];
}

/** `key` hidden in each encoding, inside surrounding text, for leak tests. */
export function keyEncodings(key: string): Record<string, string> {
  const base64At = (prefix: string, url: boolean) =>
    Buffer.from(`${prefix}${key}tail`).toString(url ? 'base64url' : 'base64');
  return {
    plain: `Bearer ${key}`,
    base64: base64At('', false),
    'base64 at offset 1': base64At('x', false),
    'base64 at offset 2': base64At('xy', false),
    'base64url at offset 1': base64At('k=', true),
    'URL-encoded': `key=${[...key].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('')}`,
    'partly URL-encoded': `key=${encodeURIComponent(key).replace(/a/g, '%61')}`,
    hex: Buffer.from(key).toString('hex'),
    'HEX with colons': [...Buffer.from(key)]
      .map((b) => b.toString(16).toUpperCase().padStart(2, '0'))
      .join(':'),
    'unicode escapes': [...key]
      .map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  };
}
