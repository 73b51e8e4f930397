/**
 * An operation's one-line summary: the first paragraph of its doc comment on one line, or,
 * without a doc comment, its name as words (`createTransfer` is "Create transfer").
 */
export function operationSummary(name: string, description: string | undefined): string {
  const paragraph = description
    ?.split(/\n\s*\n/)[0]
    ?.replace(/\s+/g, ' ')
    .trim();
  if (paragraph) return paragraph;
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/_+/g, ' ')
    .trim()
    .split(/\s+/)
    .map((word) => (/^[A-Z0-9]+$/.test(word) && word.length > 1 ? word : word.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
