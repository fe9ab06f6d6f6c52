/** How alike two questions are, by their content words: enough to catch a rephrased repeat, cheap enough to run often. */
const FUNCTION_WORDS = new Set(
  `the and for with you your that this what how why when which would could can are was were have has had does did
  about into from there their they them then than its it's our out use using used one two some any all each more most
  between give example explain describe tell walk through way ways make sure also just like kind`.split(/\s+/),
);

export function contentWords(text: string): Set<string> {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return new Set(words.filter((w) => w.length >= 3 && !FUNCTION_WORDS.has(w)));
}

/** Jaccard index of the content words, 0 (nothing shared) to 1 (the same words). */
export function questionSimilarity(a: string, b: string): number {
  const left = contentWords(a);
  const right = contentWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}
