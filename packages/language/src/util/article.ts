/** "a String", "an Int", "a Uuid": the indefinite article a type name takes, with the name. */
export function withArticle(text: string): string {
  if (/^(null|unknown|the |outcome)/.test(text)) return text;
  const vowelSound = /^[AEIOaeio]/.test(text) || (/^U/.test(text) && !/^U(uid|rl)/.test(text));
  return `${vowelSound ? 'an' : 'a'} ${text}`;
}
