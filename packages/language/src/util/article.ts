// Letters whose names start with a vowel sound: "an F", "an S".
const vowelSoundLetters = new Set('AEFHILMNORSX');

/** "a" or "an", as a name is pronounced: "an Int", "a Uuid", "a User", "an Update", "an S". */
export function article(name: string): 'a' | 'an' {
  const word = name.replace(/^[^A-Za-z]+/, '');
  if (/^[A-Z]$/.test(word) || /^[A-Z]{2,}$/.test(word)) {
    return vowelSoundLetters.has(word[0]!) ? 'an' : 'a';
  }
  if (/^[AEIOaeio]/.test(word)) return 'an';
  // A `U` sounds like "you" (User, Usage, Uuid, Url, Unit) except in un-, up-, ul-, um- before a consonant.
  if (/^[Uu](n|p|l|m)[^aeiouy]/.test(word)) return 'an';
  return 'a';
}

/** A type name with its article: "a String", "an Int", "a Uuid". */
export function withArticle(text: string): string {
  if (/^(null|unknown|the |outcome)/.test(text)) return text;
  return `${article(text)} ${text}`;
}
