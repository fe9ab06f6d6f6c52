/**
 * The one word count: the engine stores it with each answer, the report prints it, the question bank checks its
 * reference answers with it. Words as a reader counts them: runs of non-space characters ("don't" is one word,
 * "TTL-based" is one, a lone "—" is one).
 */
export function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
