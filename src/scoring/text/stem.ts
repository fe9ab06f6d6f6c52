/**
 * A deliberately small suffix stripper, so that "cache", "caches", "cached" and "caching" meet on one stem.
 * It only has to be consistent (answers and bank terms go through the same function), not linguistically right;
 * anything it cannot fold the bank lists as a synonym.
 */
export function stem(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/['’]s$/, '')
    .replace(/['’]/g, '');
  if (w.length <= 3 || /\d/.test(w)) return w;
  w = stripPlural(w);
  w = stripVerbEnding(w);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

function stripPlural(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (/(?:[sxz]|ch|sh)es$/.test(w) && w.length - 2 >= 3) return w.slice(0, -2);
  if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w) && w.length - 1 >= 3) return w.slice(0, -1);
  return w;
}

function stripVerbEnding(w: string): string {
  for (const suffix of ['ing', 'ed']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      const base = w.slice(0, -suffix.length);
      // "mapping" -> "mapp" -> "map"; keep ll/ss/zz, which are usually part of the word ("calling", "processed").
      return /([^aeiouylsz])\1$/.test(base) ? base.slice(0, -1) : base;
    }
  }
  return w;
}
