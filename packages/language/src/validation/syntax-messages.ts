const tokenNames: Record<string, string> = {
  ID: 'a name',
  STRING: 'a string',
  NUMBER: 'a number',
  EOF: 'the end of the file',
};

function describeToken(token: string): string {
  const name = token.replace(/^'|'$/g, '');
  return tokenNames[name] ?? `\`${name}\``;
}

function describeFound(found: string): string {
  const text = found.trim();
  return text === '' || text === 'EOF' ? 'the end of the file' : `\`${text}\``;
}

/**
 * Rewrites Chevrotain's parser messages in Specl's voice: what was expected, in words, and
 * what was found instead.
 */
export function friendlyParserMessage(message: string): string {
  let match = /^Expecting token of type '([^']+)' but found `([\s\S]*)`\.$/.exec(message);
  if (match) return `expected ${describeToken(match[1]!)} but found ${describeFound(match[2]!)}`;
  match = /^Expecting: one of these possible Token sequences:([\s\S]*)but found: '([\s\S]*)'$/.exec(
    message,
  );
  if (match) {
    const firsts = [...match[1]!.matchAll(/\[([^\],]+)/g)].map((m) => describeToken(m[1]!.trim()));
    const unique = [...new Set(firsts)];
    const listed = unique.length > 8 ? [...unique.slice(0, 8), '...'] : unique;
    return `expected ${listed.join(', ')} but found ${describeFound(match[2]!)}`;
  }
  match =
    /^Expecting: (?:expecting at least one iteration which starts with one of these possible Token sequences::?)?([\s\S]*?)\s*but found: '([\s\S]*)'$/.exec(
      message,
    );
  if (match) {
    const firsts = [...match[1]!.matchAll(/\[([^\],]+)/g)].map((m) => describeToken(m[1]!.trim()));
    const unique = [...new Set(firsts)];
    return `expected ${unique.length > 0 ? unique.join(', ') : 'something else'} but found ${describeFound(match[2]!)}`;
  }
  match = /^Redundant input, expecting EOF but found: ([\s\S]*)$/.exec(message);
  if (match) {
    return `unexpected ${describeFound(match[1]!)}; expected a declaration (type, enum, error, endpoint or property)`;
  }
  return message;
}

/** Rewrites Chevrotain's lexer messages: `unexpected character: ->#<- at offset...`. */
export function friendlyLexerMessage(message: string): string {
  const match = /unexpected character: ->([\s\S]*?)<-/.exec(message);
  if (!match) return message;
  const char = match[1]!;
  const hint = char === "'" ? '; strings use double quotes' : '';
  return `unexpected character \`${char}\`${hint}`;
}
